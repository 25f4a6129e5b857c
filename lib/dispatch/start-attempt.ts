import { getDb } from "@/lib/db";
import type { AttemptRow } from "@/lib/calls/lifecycle/dial-call";
import type { PatientCall } from "@/lib/dispatch/load-dial-subject";

export type StartedAttempt =
  /** Written: the Call row and "dial sent"; the request may leave. */
  | { kind: "started" }
  /** The lease is no longer the run's: nothing written. */
  | { kind: "lost" }
  /** More calls to the patient were written since `seen` than `room` allowed: nothing written; their calls now. */
  | { kind: "changed"; calls: PatientCall[] }
  /** The number is on the do-not-call list now (listed since the dial subject was read): nothing written. */
  | { kind: "do_not_call" }
  /** The patient's consent is recorded as none now: nothing written. */
  | { kind: "no_consent" };

/**
 * A claimed call's attempt in one round trip (`callboard_start_scheduled_attempt`): under the patient's
 * lock, the lease checked; under the clinic's do-not-call lock (shared, lib/compliance/do-not-call/do-not-call-lock.ts),
 * the list and the consent read again, so a number listed or a consent set to none since the dial subject was
 * read is refused here; then the INITIATED Call row written and the scheduled call marked "dial sent" — so
 * from here on it is reconciled by attempt id, never redialed. The caps were judged on the patient's calls
 * as read before (`seen`, since `since`); `room` is how many calls the caps leave room for besides this
 * one (capRoom), so another dial to the patient that committed meanwhile passes without a second look
 * unless it fills the room. The transaction this replaces took five round trips a dial.
 */
export async function startScheduledAttempt(
  call: AttemptRow & { contactId: string; scheduledCallId: string },
  lease: { runId: string; now: Date },
  patient: { since: Date; seen: readonly PatientCall[]; room: number },
): Promise<StartedAttempt> {
  const [row] = await getDb().$queryRaw<Array<{ outcome: StartedAttempt["kind"]; callIds: string[] | null; callTimes: number[] | null }>>`
    SELECT * FROM callboard_start_scheduled_attempt(
      ${call.id}, ${call.organizationId}, ${call.contactId}, ${call.scheduledCallId}, ${lease.runId}, ${call.toNumber}, ${call.fromNumber},
      ${call.agentId}, ${call.agentPhoneNumberId}, ${lease.now}, ${new Date()}, ${patient.since}, ${patient.seen.map((seen) => seen.id)}::text[],
      ${patient.room}::int)`;
  if (row!.outcome !== "changed") return { kind: row!.outcome };
  const times = row!.callTimes ?? [];
  return { kind: "changed", calls: (row!.callIds ?? []).map((id, i) => ({ id, at: times[i]! })) };
}
