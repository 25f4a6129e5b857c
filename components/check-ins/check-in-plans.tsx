import Link from "next/link";
import type { listCheckIns } from "@/lib/check-ins/list-check-ins";
import { clinicDateTime, clinicExactTime, type ClinicZone } from "@/components/scheduling/clinic-time";
import { ScheduledCallStatusBadge } from "@/components/scheduling/scheduled-call-status";
import { schedulingHref } from "@/components/scheduling/scheduling-href";
import { CancelCheckInButton } from "@/components/check-ins/cancel-check-in-button";

type CheckInPlan = Awaited<ReturnType<typeof listCheckIns>>["checkIns"][number];

/** Check-in plans with each call's status in order, so staff see how far a series has got. */
export function CheckInPlans({ checkIns, zone, canChange }: { checkIns: CheckInPlan[]; zone: ClinicZone; canChange: boolean }) {
  if (checkIns.length === 0) return null;
  return (
    <section aria-labelledby="check-ins-heading" className="mb-4">
      <h3 id="check-ins-heading" className="mb-2 text-sm font-semibold text-zinc-900">
        Check-in plans
      </h3>
      <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white">
        {checkIns.map((plan) => {
          const pending = plan.scheduledCalls.some((call) => call.status === "PENDING");
          return (
            <li key={plan.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm" data-testid="check-in-plan">
              <div className="min-w-0 space-y-1">
                <div>
                  <Link
                    href={schedulingHref({ kind: "CHECK_IN", contact: plan.contact.id })}
                    className="font-medium text-zinc-900 hover:text-brand-700 hover:underline"
                  >
                    {plan.contact.name}
                  </Link>
                  <span className="text-zinc-600"> · {plan.description}</span>
                </div>
                {plan.note ? <div className="text-xs text-zinc-600">{plan.note}</div> : null}
                <ol className="flex flex-wrap gap-2" aria-label="Calls of this check-in">
                  {plan.scheduledCalls.map((call) => {
                    // A pending call the dispatcher moved (a retry, or held for the patient's call limits) rings at nextAttemptAt.
                    const rings = (call.status === "PENDING" && call.nextAttemptAt) || call.scheduledTime;
                    return (
                      <li key={call.id} className="flex items-center gap-1 text-xs tabular-nums" title={clinicExactTime(rings, zone)}>
                        <span className="text-zinc-500">#{call.checkInOccurrence}</span>
                        {call.callId ? (
                          <Link href={`/calls/${call.callId}`} className="text-brand-700 hover:underline">
                            {clinicDateTime(rings, zone)}
                          </Link>
                        ) : (
                          <span>{clinicDateTime(rings, zone)}</span>
                        )}
                        <ScheduledCallStatusBadge status={call.status} />
                      </li>
                    );
                  })}
                </ol>
              </div>
              {canChange && pending ? <CancelCheckInButton checkInId={plan.id} name={plan.contact.name} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
