import { clinicExactTime, relativeTime, type ClinicZone } from "@/components/scheduling/clinic-time";

/** "5 minutes ago", with the exact time in the clinic's zone on hover (and for screen readers via the title). */
export function When({ at, now, zone }: { at: Date; now: number; zone: ClinicZone }) {
  return (
    <time dateTime={at.toISOString()} title={clinicExactTime(at, zone)} className="whitespace-nowrap tabular-nums">
      {relativeTime(at, now)}
    </time>
  );
}
