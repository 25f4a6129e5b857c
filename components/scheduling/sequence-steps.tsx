import Link from "next/link";
import type { SequenceSteps } from "@/lib/scheduling/list-sequence-steps";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { clinicDateTime, clinicExactTime, relativeTime, type ClinicZone } from "@/components/scheduling/clinic-time";
import { ScheduledCallStatusBadge } from "@/components/scheduling/scheduled-call-status";
import { sequenceSummary } from "@/components/scheduling/sequence-summary";
import { pendingWait, type PendingWait } from "@/lib/scheduling/pending-wait";

const ENDED: readonly string[] = ["COMPLETED", "FAILED", "CANCELLED"];

/** The current step, pending: next to call, or why it waits past its time (lib/scheduling/pending-wait.ts). */
const WAIT_OUTCOME: Record<PendingWait | "none", string> = {
  none: "Next to call",
  retry: "Will try again",
  call_limit: "Next to call: moved for the patient's call limit",
  calling_hours: "Next to call: waiting for calling hours",
};

const REASONS: Record<string, string> = {
  filled: "Not called: an earlier patient booked",
  do_not_call: "Not called: on the do-not-call list",
  no_consent: "Not called: agreed to no calls",
  staff: "Cancelled by staff",
};

/** What one step came to, in plain words. */
function stepOutcome(step: SequenceSteps["steps"][number], position: number, waitingOn: SequenceSteps["waitingOnCallback"], zone: ClinicZone): string {
  if (step.booked) return "Booked";
  if (waitingOn && step.sequenceIndex === position) {
    if (waitingOn.status === "IN_PROGRESS") return "Asked to be called back: calling them back now";
    return `Asked to be called back: the next patient waits for that call (${clinicDateTime(waitingOn.nextAttemptAt ?? waitingOn.scheduledTime, zone)})`;
  }
  if (step.status === "WAITING") return `Waits for step ${(step.sequenceIndex ?? 1) - 1}`;
  if (step.status === "PENDING") return step.sequenceIndex === position ? WAIT_OUTCOME[pendingWait(step) ?? "none"] : "Waiting";
  if (step.status === "IN_PROGRESS") return "Ringing now";
  if (step.status === "CANCELLED") return (step.cancelReason && REASONS[step.cancelReason]) ?? step.errorMessage ?? "Cancelled";
  if (step.status === "FAILED") return step.errorMessage ?? "Could not be reached";
  return step.outcome ? `No booking (${step.outcome.replaceAll("_", " ")})` : "No booking";
}

/** A sequence's steps in calling order: who, how each ended, and which one booked. */
export function SequenceStepsPanel({ sequence, zone, now }: { sequence: SequenceSteps; zone: ClinicZone; now: number }) {
  const position = sequence.batch.sequencePosition ?? 1;
  const booked = sequence.steps.find((step) => step.booked);
  const current = sequence.steps.find((step) => step.sequenceIndex === position);
  const waitingOn = sequence.waitingOnCallback;
  // As the batch card says it: waiting for the call back once the step it came from has ended.
  const waitingFor =
    waitingOn && (!current || ENDED.includes(current.status))
      ? { name: waitingOn.contact.name, at: waitingOn.nextAttemptAt ?? waitingOn.scheduledTime, ringing: waitingOn.status === "IN_PROGRESS" }
      : null;
  const summary = sequence.batch.sequenceStatus
    ? sequenceSummary(
        {
          status: sequence.batch.sequenceStatus,
          position,
          bookedBy: booked ? { name: booked.contact.name, step: booked.sequenceIndex ?? 0 } : null,
          waitingFor,
        },
        sequence.steps.length,
        zone,
      )
    : null;
  return (
    <Card className="p-4" data-testid="sequence-steps">
      <h2 className="text-sm font-semibold text-zinc-900">Calling order{summary ? ` — ${summary.headline}` : null}</h2>
      <p className="mt-0.5 text-xs text-zinc-500">One patient at a time, in the order they were ticked. The first booking stops the rest.</p>
      <ol className="mt-3 divide-y divide-zinc-100 text-sm">
        {sequence.steps.map((step) => (
          <li
            key={step.id}
            className={cn(
              "flex flex-wrap items-center gap-x-3 gap-y-1 py-1.5",
              step.sequenceIndex === position && sequence.batch.sequenceStatus === "RUNNING" && "font-medium",
            )}
            data-testid="sequence-step"
          >
            <span className="w-8 text-right text-zinc-500 tabular-nums">{step.sequenceIndex}.</span>
            <span className="min-w-40 text-zinc-900">{step.contact.name}</span>
            {step.booked ? <Badge variant="success">Booked</Badge> : <ScheduledCallStatusBadge status={step.status} />}
            <span className="text-zinc-600" data-testid="sequence-step-outcome">
              {stepOutcome(step, position, sequence.waitingOnCallback, zone)}
            </span>
            {step.executedAt ? (
              <time className="text-xs text-zinc-500 tabular-nums" dateTime={step.executedAt.toISOString()} title={clinicExactTime(step.executedAt, zone)}>
                {relativeTime(step.executedAt, now)}
              </time>
            ) : null}
            {step.callId ? (
              <Link href={`/calls/${encodeURIComponent(step.callId)}`} className="text-xs font-medium text-brand-700 hover:underline">
                Call
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
