"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Field } from "@/components/forms/field";
import { fieldErrorsOf } from "@/components/forms/problem";
import { sendJson } from "@/components/settings/send-json";
import { SettingsConflict, useSettingsConflict } from "@/components/settings/settings-conflict";
import { nameTheClinic } from "@/components/settings/name-the-clinic";

/** As GET /api/organizations/opening-hours answers: open weekdays with "09:00"–"17:00", and the slot length. */
export interface OpeningHours {
  openingHours: { day: number; start: string; end: string }[];
  appointmentSlotMinutes: number;
  /** The section's version these hours are of: a save is refused (409) once someone saved since. */
  version: number;
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

type DayDraft = { open: boolean; start: string; end: string };

/** Admins set when patients can be booked (per weekday, in the clinic's zone) and the grid slots are offered on. */
export function OpeningHoursForm({ initial, timeZoneLabel, clinicName }: { initial: OpeningHours; timeZoneLabel: string; clinicName: string }) {
  const router = useRouter();
  const [days, setDays] = useState<DayDraft[]>(() =>
    DAYS.map((_, i) => {
      const hours = initial.openingHours.find((d) => d.day === i + 1);
      return hours ? { open: true, start: hours.start, end: hours.end } : { open: false, start: "09:00", end: "17:00" };
    }),
  );
  const [slot, setSlot] = useState(String(initial.appointmentSlotMinutes));
  // Sent with each save: refused (409) once someone saved the hours since this form loaded them.
  const [version, setVersion] = useState(initial.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const { conflict, showIfConflict, clearConflict } = useSettingsConflict();
  const setDay = (index: number, change: Partial<DayDraft>) => setDays((all) => all.map((d, i) => (i === index ? { ...d, ...change } : d)));

  async function save(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    days.forEach((d, i) => {
      if (d.open && (!d.start || !d.end || d.end <= d.start)) found[`day-${i + 1}`] = "Must close after it opens";
    });
    const minutes = Number(slot);
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 240) found.appointmentSlotMinutes = "Use 5 to 240 minutes";
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    const result = await sendJson<OpeningHours>("/api/organizations/opening-hours", "PATCH", {
      openingHours: days.flatMap((d, i) => (d.open ? [{ day: i + 1, start: d.start, end: d.end }] : [])),
      appointmentSlotMinutes: minutes,
      version,
    });
    setSaving(false);
    if (!result.ok) {
      const problem = nameTheClinic(result.problem, clinicName);
      setErrors(fieldErrorsOf(problem));
      showIfConflict(problem);
      toast.error("Opening hours not saved", { description: problem.detail });
      return;
    }
    // The next save is over the version this one made.
    setVersion(result.data.version);
    clearConflict();
    toast.success("Opening hours saved", {
      description: "The voice agent offers the new times from its next question; existing appointments stay where they are.",
    });
    router.refresh();
  }

  return (
    <form onSubmit={save} aria-label="Opening hours and appointment slots" className="space-y-5 px-5 py-4" noValidate>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Opening hours ({timeZoneLabel} time)</legend>
        <div className="mt-2 space-y-2">
          {DAYS.map((label, i) => {
            const d = days[i]!;
            const error = errors[`day-${i + 1}`];
            return (
              <div key={label} className="flex flex-wrap items-center gap-3">
                <div className="flex w-32 items-center gap-2">
                  <Checkbox id={`open-day-${i + 1}`} checked={d.open} onChange={(e) => setDay(i, { open: e.target.checked })} />
                  <Label htmlFor={`open-day-${i + 1}`} className="font-normal">
                    {label}
                  </Label>
                </div>
                <Input
                  type="time"
                  step={60}
                  aria-label={`${label} opens at`}
                  disabled={!d.open}
                  value={d.start}
                  onChange={(e) => setDay(i, { start: e.target.value })}
                  className="max-w-32"
                  aria-invalid={error ? true : undefined}
                />
                <span className="text-sm text-zinc-500" aria-hidden>
                  to
                </span>
                <Input
                  type="time"
                  step={60}
                  aria-label={`${label} closes at`}
                  disabled={!d.open}
                  value={d.end}
                  onChange={(e) => setDay(i, { end: e.target.value })}
                  className="max-w-32"
                  aria-invalid={error ? true : undefined}
                />
                {error ? (
                  <span role="alert" className="text-sm text-red-700">
                    {error}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
      <Field
        name="appointmentSlotMinutes"
        label="Slot length (minutes)"
        error={errors.appointmentSlotMinutes}
        hint="Free times are offered on this grid from opening time; an appointment is one slot unless the agent or staff give a length."
      >
        {(control) => (
          <Input
            {...control}
            type="number"
            inputMode="numeric"
            min={5}
            max={240}
            step={5}
            value={slot}
            onChange={(e) => setSlot(e.target.value)}
            className="max-w-32"
          />
        )}
      </Field>
      <SettingsConflict conflict={conflict} />
      <div className="flex justify-end">
        <Button type="submit" loading={saving}>
          Save opening hours
        </Button>
      </div>
    </form>
  );
}
