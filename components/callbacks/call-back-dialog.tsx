"use client";

import { useEffect, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/forms/field";
import { FormAlert } from "@/components/auth/form-alert";
import { fieldErrorsOf, readProblem, type Problem } from "@/components/forms/problem";
import { clinicDateTime, type ClinicZone } from "@/components/scheduling/clinic-time";
import { nextQuarterHour, toWallClock, wallClockToIso, type WallClock } from "@/components/scheduling/wall-clock";
import { WallClockFields } from "@/components/scheduling/wall-clock-fields";
import { tenantFetch } from "@/lib/http/tenant-fetch";

/** Who to call back: a contact, or the patient of a call (whose conversation the agent then picks up). */
export type CallBackTarget = { contactId: string; name: string } | { callId: string; name: string };

/**
 * "Call back": a due time on the clinic's clock and a note for the agent. It starts from the server's suggestion,
 * a time inside calling hours that it keeps as asked; a time it still moves (rules changed meanwhile), it says so.
 */
export function CallBackDialog({ target, zone, onClose }: { target: CallBackTarget; zone: ClinicZone; onClose: () => void }) {
  const router = useRouter();
  // Null until the suggested time arrives (and stays null when the server refuses this patient a call back).
  const [when, setWhen] = useState<WallClock | null>(null);
  // The server's suggestion as it sent it: sent back as is while untouched, since in the hour the clocks repeat
  // in autumn the date and time fields alone name the earlier of two instants.
  const [suggested, setSuggested] = useState<{ iso: string; clock: WallClock } | null>(null);
  const [note, setNote] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ problem: Problem; attempt: number } | null>(null);
  const untouched = suggested !== null && when !== null && when.date === suggested.clock.date && when.time === suggested.clock.time;
  const dueAt = untouched ? suggested.iso : when && wallClockToIso(when, zone.timeZone);
  const errors = error ? fieldErrorsOf(error.problem) : {};
  const targetQuery = "callId" in target ? `callId=${encodeURIComponent(target.callId)}` : `contactId=${encodeURIComponent(target.contactId)}`;

  useEffect(() => {
    const controller = new AbortController();
    const suggest = async () => {
      try {
        const res = await tenantFetch(`/api/callbacks/default-time?${targetQuery}`, { signal: controller.signal });
        if (res.ok) {
          const { dueAt: iso } = (await res.json()) as { dueAt: string };
          const clock = toWallClock(iso, zone.timeZone);
          setSuggested({ iso, clock });
          setWhen(clock);
        } else if (res.status < 500) {
          // Saving would be refused the same way (do not call, no consent, a stale page): say so now, offer no time.
          setError({ problem: await readProblem(res), attempt: Date.now() });
        } else {
          throw new Error(`default time: ${res.status}`);
        }
      } catch {
        // No suggestion (offline, a server error): an hour on; saving still places it in calling hours and says so.
        if (!controller.signal.aborted) setWhen(nextQuarterHour(Date.now() + 60 * 60_000, zone.timeZone));
      }
    };
    void suggest();
    return () => controller.abort();
  }, [targetQuery, zone.timeZone]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!dueAt) return;
    setSaving(true);
    setError(null);
    try {
      const { name, ...ids } = target;
      const res = await tenantFetch("/api/callbacks", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...ids, dueAt, ...(note.trim() ? { note } : {}) }),
      });
      if (!res.ok) {
        setError({ problem: await readProblem(res), attempt: Date.now() });
        return;
      }
      const answer = (await res.json()) as { scheduledCall: { scheduledTime: string }; moved: string | null; message: string };
      toast.success(`Call back to ${name}: ${clinicDateTime(answer.scheduledCall.scheduledTime, zone)}`, {
        description: answer.moved ? answer.message : undefined,
      });
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
          <DialogTitle>Call back {target.name}</DialogTitle>
          <DialogDescription>
            The agent calls at this time{"callId" in target ? " and picks up where this call left off" : ", with their last conversation in mind"}. A time in
            the past or outside calling hours moves to the next calling time.
          </DialogDescription>
        </DialogHeader>
        <form id="call-back-form" onSubmit={save} className="space-y-4" noValidate>
          {when ? (
            <WallClockFields value={when} onChange={setWhen} zone={zone} error={errors.dueAt} />
          ) : error ? null : (
            <div className="grid gap-4 sm:grid-cols-2" role="status" aria-label="Finding the next calling time">
              <Skeleton className="h-16 w-full" />
              <Skeleton className="h-16 w-full" />
            </div>
          )}
          <Field
            name="note"
            label="Note for the agent (optional)"
            error={errors.note}
            hint="What the call back is about, e.g. “explain the blood test results”."
          >
            {(control) => <Input {...control} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          {error && !errors.dueAt && !errors.note ? (
            <FormAlert key={error.attempt} focusOnMount>
              <p>{error.problem.detail}</p>
            </FormAlert>
          ) : null}
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="call-back-form" loading={saving} disabled={!dueAt}>
            Schedule call back
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
