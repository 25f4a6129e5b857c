import { getDb, type DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { dialLineFrom, type DialLine } from "@/lib/agents/resolve-dial-line";
import { dialCall, type DialOutcome, type DialRequest } from "@/lib/calls/lifecycle/dial-call";
import { buildDynamicVariables } from "@/lib/calls/dynamic-variables";
import { languageOverride } from "@/lib/calls/language-override";
import { loadCallbackHistory } from "@/lib/calls/callback-history";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import type { ElevenLabsClient } from "@/lib/elevenlabs/client";
import { nextCallingTime } from "@/lib/scheduling/next-calling-time";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import type { ClaimedCall } from "@/lib/dispatch/claim-due-calls";
import { failScheduledCall, retryOrFail } from "@/lib/calls/lifecycle/retry-or-fail";
import { advanceSequenceOfStep } from "@/lib/scheduling/advance-sequence";
import { doNotCallWords, findDoNotCall, type DoNotCallMark } from "@/lib/compliance/do-not-call/find-do-not-call";
import { consentRefusal, NO_CONSENT_WORDS } from "@/lib/compliance/consent";
import { loadDialSubject } from "@/lib/dispatch/load-dial-subject";
import { judgePatientDial, type PatientDialVerdict } from "@/lib/compliance/check-patient-dial";
import { capPolicyFor, capRoom } from "@/lib/compliance/frequency-cap";
import { CAP_LOOKBACK_MS } from "@/lib/compliance/patient-call-times";
import { startScheduledAttempt } from "@/lib/dispatch/start-attempt";

/** What became of one claimed call in this run. */
export type DispatchOutcome =
  | "dialed" // the provider accepted the dial; the webhook finishes it
  | "retry" // the provider refused for now; PENDING again with backoff
  | "failed" // refused for good, or no attempts left
  | "deferred" // outside calling hours or over the patient's cap now; PENDING at the next allowed time, attempt not counted
  | "skipped" // do-not-call or no consent since it was scheduled, or over the cap with SKIP; cancelled with the reason
  | "unknown" // no answer to the dial: reconciled by attempt id later, never redialed
  | "lost"; // the lease is no longer ours (or the row is gone): someone else has it

export interface DispatchContext {
  runId: string;
  client: ElevenLabsClient;
  now: () => Date;
}

/**
 * Dials one claimed call. Re-checks first (contact do-not-call and consent, number, calling hours of the clinic
 * and the recipient, the patient's caps, the clinic's ownership of the agent and number); then dials
 * through the lifecycle, which writes the attempt's Call row and — in the same statement, conditional on
 * still holding the lease, with the caps checked again under the patient's lock and the do-not-call list
 * and consent under the clinic's do-not-call lock — marks the row "dial sent" before the request leaves,
 * so a crash from here on is reconciled by attempt id, never redialed.
 */
export async function dispatchClaimedCall(claimed: ClaimedCall, context: DispatchContext): Promise<DispatchOutcome> {
  const outcome = await dispatchOnce(claimed, context);
  // A sequence's step that was skipped (do-not-call, no consent) or refused for good: the next patient's turn,
  // so a sequence never stalls on it. (Idempotent: a path that advanced already changes nothing.)
  if (outcome === "skipped" || outcome === "failed") await advanceSequenceOfStep(getDb(), claimed.id, context.now());
  return outcome;
}

async function dispatchOnce(claimed: ClaimedCall, context: DispatchContext): Promise<DispatchOutcome> {
  const db = getDb();
  const now = context.now();
  const ours = { id: claimed.id, status: "IN_PROGRESS" as const, lockedBy: context.runId, dialStartedAt: null };
  const release = { lockedUntil: null, lockedBy: null };
  const previous = claimed.dynamicVariables.previous_conversation_id;
  const since = new Date(+now - CAP_LOOKBACK_MS);
  const [subject, history] = await Promise.all([
    loadDialSubject(claimed, since),
    // A callback picks up where its earlier conversation left off (summary, last turns).
    typeof previous === "string" && previous ? loadCallbackHistory(claimed.organizationId, { conversationId: previous }) : null,
  ]);
  if (!subject) return "lost"; // deleted: its scheduled calls went with it
  const { contact, doNotCall, consentBasis, rules } = subject;

  // The list and the consent are read here, right before the dial (and again under the do-not-call lock as
  // the attempt is written, below): a number listed or a consent set to none after scheduling is never rung.
  if (doNotCall) return cancelUncallable(ours, { reason: "do_not_call", doNotCall }, { name: contact.name, now });
  if (consentRefusal(consentBasis)) return cancelUncallable(ours, { reason: "no_consent" }, { name: contact.name, now });
  const phone = normalizePhone(contact.phoneNumber, rules.defaultCountry);
  if (!phone.ok) {
    const { count } = await db.scheduledCall.updateMany({
      where: ours,
      data: { ...release, status: "FAILED", executedAt: now, errorMessage: `No valid phone number: ${phone.message}` },
    });
    return count ? "failed" : "lost";
  }
  const zone = recipientTimeZone(contact, rules.timezone).zone;
  const opening = nextCallingTime(now, rules, zone, phone.e164);
  if (opening !== +now) {
    const { count } = await db.scheduledCall.updateMany({
      where: ours,
      data:
        opening === null
          ? { ...release, status: "FAILED", executedAt: now, errorMessage: "The clinic’s calling hours never overlap the recipient’s legal calling hours" }
          : { ...release, status: "PENDING", nextAttemptAt: new Date(opening), attempts: { decrement: 1 } },
    });
    return count ? (opening === null ? "failed" : "deferred") : "lost";
  }

  let line: DialLine;
  try {
    line = dialLineFrom(subject.line, { agentId: claimed.agentId, agentPhoneNumberId: claimed.fromNumber });
  } catch (error) {
    // The agent or number was unregistered (or is another clinic's) since the call was scheduled: never dial it.
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const { count } = await db.scheduledCall.updateMany({
      where: ours,
      data: { ...release, status: "FAILED", executedAt: now, errorMessage: `Not called: ${error.message}` },
    });
    return count ? "failed" : "lost";
  }

  const patient = { toNumber: phone.e164, zone, rules, now, clinicHours: true };
  const policy = capPolicyFor(rules, zone, phone.e164);
  let refused: Extract<PatientDialVerdict, { ok: false }> | null = null;
  let uncallable: "do_not_call" | "no_consent" | null = null;
  let next: DispatchOutcome = "failed";
  const outcome = await dialCall(
    context.client,
    {
      organizationId: claimed.organizationId,
      line,
      toNumber: phone.e164,
      contactId: contact.id,
      scheduledCallId: claimed.id,
      dynamicVariables: buildDynamicVariables({ contact, organization: rules, now, overrides: { ...claimed.dynamicVariables, ...history } }),
      language: languageOverride(rules, contact.language),
      agentOverride: scriptOverride(claimed.script),
      writeAttempt: async (call) => {
        // The patient's hours and caps judged on their calls as read: a refusal stands (calls since would
        // only add to it); a pass is checked again under the patient's lock as the attempt is written. Each
        // 'changed' means another dial to the patient committed: judged again with it, until the caps
        // refuse or the room holds (the patient's calls only add up, so this ends).
        for (let calls = subject.calls; ;) {
          const times = calls.map((seen) => seen.at);
          const verdict = judgePatientDial(times, patient);
          if (!verdict.ok) {
            refused = verdict;
            return false;
          }
          const started = await startScheduledAttempt(
            { ...call, contactId: contact.id, scheduledCallId: claimed.id },
            { runId: context.runId, now },
            { since, seen: calls, room: capRoom(+now, times, policy) },
          );
          if (started.kind === "do_not_call" || started.kind === "no_consent") {
            // Listed, or consent set to none, since the subject was read (and committed before the attempt).
            uncallable = started.kind;
            return false;
          }
          if (started.kind !== "changed") return started.kind === "started";
          calls = started.calls;
        }
      },
      afterFailure: async (tx, answer) => {
        next = await settleFailedDial(tx, claimed.id, answer, context.now());
      },
      activity: { name: contact.name, note: `scheduled, attempt ${claimed.attempts} of ${claimed.maxAttempts}`, data: { scheduledCallId: claimed.id } },
    },
    context.now,
  );
  if (outcome.kind === "lost" && uncallable === "no_consent") return cancelUncallable(ours, { reason: "no_consent" }, { name: contact.name, now });
  if (outcome.kind === "lost" && uncallable === "do_not_call") {
    // The entry for its words (its reason); an admin may have taken it off again since: the refusal stands.
    const listed = (await findDoNotCall(db, claimed.organizationId, phone.e164)) ?? { phoneNumber: phone.e164, reason: null };
    return cancelUncallable(ours, { reason: "do_not_call", doNotCall: listed }, { name: contact.name, now });
  }
  if (outcome.kind === "lost" && refused) return deferOrSkip(ours, refused, { name: contact.name, action: rules.overCapAction, now });
  if (outcome.kind === "dialed") return "dialed"; // dialCall ended the lease and stored the conversation id
  return outcome.kind === "lost" ? "lost" : next;
}

type OwnLease = { id: string; status: "IN_PROGRESS"; lockedBy: string; dialStartedAt: null };

/**
 * A claimed call whose patient may not be called at all — on the do-not-call list, or consent recorded as
 * none — cancelled with the reason and its attempt uncounted, whether the first read or the re-check
 * under the do-not-call lock found it. Conditional on still holding the lease.
 */
async function cancelUncallable(
  ours: OwnLease,
  why: { reason: "do_not_call"; doNotCall: DoNotCallMark } | { reason: "no_consent" },
  options: { name: string; now: Date },
): Promise<DispatchOutcome> {
  const { count } = await getDb().scheduledCall.updateMany({
    where: ours,
    data: {
      lockedUntil: null,
      lockedBy: null,
      status: "CANCELLED",
      cancelledAt: options.now,
      cancelReason: why.reason,
      attempts: { decrement: 1 },
      errorMessage:
        why.reason === "do_not_call"
          ? `Do not call: not dialed, ${options.name} is ${doNotCallWords(why.doNotCall)}`
          : `No consent: not dialed, ${options.name} ${NO_CONSENT_WORDS}`,
    },
  });
  return count ? "skipped" : "lost";
}

/** The batch's script as the dial's agent override; undefined keeps the agent's own first message and prompt. */
function scriptOverride(script: ClaimedCall["script"]): DialRequest["agentOverride"] {
  if (!script) return undefined;
  return { ...(script.firstMessage ? { firstMessage: script.firstMessage } : {}), ...(script.prompt ? { prompt: script.prompt } : {}) };
}

/**
 * A claimed call the patient's caps (or hours) refused: back to PENDING at the next allowed time with its
 * attempt uncounted, or — when the clinic skips calls over the cap, or no allowed time comes — cancelled
 * with the reason. Conditional on still holding the lease, like every other change here.
 */
async function deferOrSkip(
  ours: OwnLease,
  verdict: Extract<PatientDialVerdict, { ok: false }>,
  options: { name: string; action: "DEFER" | "SKIP"; now: Date },
): Promise<DispatchOutcome> {
  const release = { lockedUntil: null, lockedBy: null, attempts: { decrement: 1 } };
  const skip = verdict.nextAllowedAt === null || (verdict.rule === "cap" && options.action === "SKIP");
  const { count } = await getDb().scheduledCall.updateMany({
    where: ours,
    data: skip
      ? {
          ...release,
          status: "CANCELLED",
          cancelledAt: options.now,
          cancelReason: verdict.rule === "cap" ? "frequency_cap" : "calling_hours",
          errorMessage: `Not called: ${verdict.reason.replace(/^the patient/, options.name)}`,
        }
      : { ...release, status: "PENDING", nextAttemptAt: verdict.nextAllowedAt, errorMessage: `Moved: ${verdict.reason.replace(/^the patient/, options.name)}` },
  });
  return count ? (skip ? "skipped" : "deferred") : "lost";
}

/** The scheduled call's side of a refused or unanswered dial, in the transaction that records it on the call. */
async function settleFailedDial(
  tx: DbClient,
  scheduledCallId: string,
  answer: Extract<DialOutcome, { kind: "unknown" | "refused" }>,
  now: Date,
): Promise<DispatchOutcome> {
  const { error } = answer;
  if (answer.kind === "unknown") {
    await tx.scheduledCall.updateMany({
      where: { id: scheduledCallId, callId: answer.callId },
      data: { errorMessage: `No answer from ElevenLabs in time; checking whether the call started. (${error.message})` },
    });
    return "unknown";
  }
  const reason = `ElevenLabs: ${error.message}`;
  if (error.kind === "permanent") {
    await failScheduledCall(tx, { scheduledCallId, callId: answer.callId, reason, now });
    return "failed";
  }
  const retried = await retryOrFail(tx, { scheduledCallId, callId: answer.callId, kind: "provider", reason, retryAfterMs: error.retryAfterMs, now });
  return retried.state === "retry" ? "retry" : "failed";
}
