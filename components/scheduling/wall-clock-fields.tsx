"use client";

import { Input } from "@/components/ui/input";
import { Field } from "@/components/forms/field";
import { zoneName, zoneTitle, type ClinicZone } from "@/components/scheduling/clinic-time";
import { wallClockGaps, wallClockToIso, type WallClock } from "@/components/scheduling/wall-clock";

/**
 * Date and time inputs read as the clinic's wall clock, whatever zone the browser is in; the zone is
 * named beside them so nobody schedules in their own zone by mistake. A missing or impossible date or
 * time is said beside its own input; `error` (the form's or the server's) beside the time otherwise.
 */
export function WallClockFields({
  value,
  onChange,
  zone,
  error,
  minDate,
}: {
  value: WallClock;
  onChange: (value: WallClock) => void;
  zone: ClinicZone;
  error?: string;
  /** The earliest day the picker offers ("2026-12-07", the clinic's today). */
  minDate?: string;
}) {
  const iso = wallClockToIso(value, zone.timeZone);
  const gaps = wallClockGaps(value);
  // The short name depends on the date picked (AEDT in summer, AEST in winter).
  const zoneHint = `${zoneTitle(zone.timeZone)} time${iso ? ` (${zoneName(zone, iso)})` : ""}, the clinic’s zone.`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field name="scheduledDate" label="Date" error={gaps.date}>
        {(control) => (
          <Input {...control} type="date" required min={minDate} value={value.date} onChange={(e) => onChange({ ...value, date: e.target.value })} />
        )}
      </Field>
      <Field name="scheduledTime" label="Time" error={gaps.time ?? (gaps.date ? undefined : error)} hint={zoneHint}>
        {(control) => <Input {...control} type="time" required step={60} value={value.time} onChange={(e) => onChange({ ...value, time: e.target.value })} />}
      </Field>
    </div>
  );
}
