"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/auth/form-alert";
import { fieldErrorsOf, readProblem, type Problem } from "@/components/forms/problem";
import { zoneTitle, type ClinicZone } from "@/components/scheduling/clinic-time";
import { toWallClock } from "@/components/scheduling/wall-clock";
import { tenantFetch } from "@/lib/http/tenant-fetch";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** The server refuses longer series; the picker offers no more. */
const MAX_WEEKS = 12;

/**
 * A check-in for one patient: one call on a date, or the same weekday for a few weeks, at a time on the
 * clinic's clock. The server places each call on its local day and moves any outside calling hours, and says so.
 */
export function CheckInDialog({ contact, zone, onClose }: { contact: { id: string; name: string }; zone: ClinicZone; onClose: () => void }) {
  const router = useRouter();
  const [type, setType] = useState<"once" | "weekly">("weekly");
  const [date, setDate] = useState(() => toWallClock(Date.now(), zone.timeZone).date);
  const [weekday, setWeekday] = useState(1);
  const [weeks, setWeeks] = useState(4);
  const [time, setTime] = useState("10:00");
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ problem: Problem; attempt: number } | null>(null);
  const errors = error ? fieldErrorsOf(error.problem) : {};
  // "repeat.date" / "repeat.startDate" (an unreadable date, more than a year ahead) beside the date; the rest of "repeat" beside the weeks.
  const issueAt = (...paths: string[]) => error?.problem.issues?.find((issue) => paths.includes(issue.path))?.message;
  const dateError = issueAt("repeat.date", "repeat.startDate");
  const weeksError = dateError ? undefined : errors.repeat;

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const repeat = type === "once" ? { type, date } : { type, weekday, weeks, startDate: date };
    try {
      const res = await tenantFetch("/api/check-ins", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ contactId: contact.id, time, repeat, ...(note.trim() ? { note } : {}) }),
      });
      if (!res.ok) {
        setError({ problem: await readProblem(res), attempt: Date.now() });
        return;
      }
      const answer = (await res.json()) as { message: string };
      toast.success(`Check-in for ${contact.name}`, { description: answer.message });
      router.refresh();
      onClose();
    } catch {
      setError({ problem: { status: 0, detail: "We couldn't reach Callboard. Check your connection and try again." }, attempt: Date.now() });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Check-in for {contact.name}</DialogTitle>
          <DialogDescription>
            The agent calls to see how they are. Times are {zoneTitle(zone.timeZone)} time, the clinic’s zone; a call outside calling hours moves to the next
            calling time.
          </DialogDescription>
        </DialogHeader>
        <form id="check-in-form" onSubmit={save} className="space-y-4" noValidate>
          <Field name="repeatType" label="How often">
            {(control) => (
              <Select {...control} value={type} onChange={(e) => setType(e.target.value as "once" | "weekly")}>
                <option value="weekly">Every week on the same day</option>
                <option value="once">Once</option>
              </Select>
            )}
          </Field>
          {type === "weekly" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field name="weekday" label="Day">
                {(control) => (
                  <Select {...control} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
                    {WEEKDAYS.map((name, index) => (
                      <option key={name} value={index + 1}>
                        {name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field name="weeks" label="For how many weeks" error={weeksError}>
                {(control) => (
                  <Select {...control} value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
                    {Array.from({ length: MAX_WEEKS }, (_, i) => i + 1).map((n) => (
                      <option key={n} value={n}>
                        {n} week{n === 1 ? "" : "s"}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </div>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="date" label={type === "once" ? "Date" : "Starting from"} error={dateError}>
              {(control) => <Input {...control} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}
            </Field>
            <Field name="time" label="Time" error={errors.time}>
              {(control) => <Input {...control} type="time" required step={60} value={time} onChange={(e) => setTime(e.target.value)} />}
            </Field>
          </div>
          <Field name="note" label="Note for the agent (optional)" error={errors.note} hint="What to ask about, e.g. “how is the knee since the operation?”">
            {(control) => <Input {...control} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          {error && !errors.time && !errors.note && !dateError && !(weeksError && type === "weekly") ? (
            <FormAlert key={error.attempt} focusOnMount>
              <p>{error.problem.detail}</p>
            </FormAlert>
          ) : null}
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="check-in-form" loading={saving}>
            Schedule check-in
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
