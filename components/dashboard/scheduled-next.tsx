import Link from "next/link";
import { clinicDateTime, clinicExactTime, relativeTime, type ClinicZone } from "@/components/scheduling/clinic-time";
import type { ScheduledCallView } from "@/lib/scheduling/scheduled-call-view";

/** The next calls waiting for their turn, soonest first, in the clinic's time. */
export function ScheduledNext({ calls, zone, now }: { calls: ScheduledCallView[]; zone: ClinicZone; now: number }) {
  if (calls.length === 0) {
    return (
      <p className="text-sm text-zinc-500">
        Nothing is waiting. Select patients on{" "}
        <Link href="/contacts" className="font-medium text-brand-700 hover:underline">
          Contacts
        </Link>{" "}
        and press Schedule Calls.
      </p>
    );
  }
  return (
    <ol className="divide-y divide-zinc-100" aria-label="Next scheduled calls">
      {calls.map((call) => (
        <li key={call.id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
          <span className="min-w-0 truncate font-medium text-zinc-800">{call.contact.name}</span>
          <time dateTime={call.dueAt.toISOString()} title={clinicExactTime(call.dueAt, zone)} className="shrink-0 text-xs text-zinc-500 tabular-nums">
            {clinicDateTime(call.dueAt, zone)} · {relativeTime(call.dueAt, now)}
          </time>
        </li>
      ))}
    </ol>
  );
}
