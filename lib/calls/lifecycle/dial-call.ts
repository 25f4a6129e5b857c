import { getDb, type DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordActivity } from "@/lib/activity/record-activity";
import { createId } from "@/lib/ids/create-id";
import type { DialLine } from "@/lib/agents/resolve-dial-line";
import type { ElevenLabsClient } from "@/lib/elevenlabs/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ElevenLabsFailure } from "@/lib/elevenlabs/classify-error";
import { lockClinicLines, openLineCount } from "@/lib/calls/lifecycle/clinic-lines";
import { withLanguageDefault, type AgentOverrideFields } from "@/lib/calls/language-override";

export interface DialRequest {
  organizationId: string;
  /** The clinic's own agent and number (resolveDialLine). */
  line: DialLine;
  toNumber: string;
  contactId: string | null;
  scheduledCallId?: string | null;
  placedByUserId?: string | null;
  dynamicVariables: Record<string, string | number | boolean>;
  /**
   * ElevenLabs' code for the patient's language ("hi") when it is not the clinic's (lib/calls/language-override),
   * sent as `conversation_config_override.agent.language`; an explicit `agentOverride.language` wins.
   */
  language?: string;
  /** Explicit overrides for this call (first message, prompt, language; a batch's call script): each field set wins over the defaults. */
  agentOverride?: AgentOverrideFields;
  /**
   * Immediate and test calls take one of the clinic's lines here, under the lock the dispatcher's claim
   * takes; a scheduled call took its line when it was claimed.
   */
  takeLine?: boolean;
  /**
   * Runs in the transaction that writes the attempt, before the request leaves; false aborts the dial with
   * nothing written ("Call now" and the test call check the patient's hours and caps here, then read the
   * do-not-call list and the consent again under the clinic's do-not-call lock: recheckDoNotCall).
   */
  beforeDial?: (tx: DbClient, callId: string) => Promise<boolean>;
  /**
   * Writes the attempt's INITIATED Call row, and what must commit with it, in place of the transaction
   * that `takeLine` and `beforeDial` run in: false means no dial, nothing written. The dispatcher's
   * scheduled calls (lib/dispatch/start-attempt.ts: the lease, the patient's caps and "dial sent" in one
   * round trip).
   */
  writeAttempt?: (call: AttemptRow) => Promise<boolean>;
  /**
   * Runs in the transaction that records a refusal or a missing answer (the scheduled call's next state).
   * An accepted dial needs no hook: its ids go on the call and on the scheduled call (whose lease ends,
   * the webhook finishing it) in the statement that records the answer.
   */
  afterFailure?: (tx: DbClient, outcome: Extract<DialOutcome, { kind: "unknown" | "refused" }>) => Promise<void>;
  /** The feed entry: who was called; null for calls staff need not see in the feed (the test call). */
  activity: { name: string; note?: string; actorUserId?: string | null; data?: Prisma.InputJsonObject } | null;
}

/** The attempt's Call row as it is written before the dial, its id already chosen: it travels as the attempt id. */
export interface AttemptRow {
  id: string;
  organizationId: string;
  contactId: string | null;
  scheduledCallId: string | null;
  toNumber: string;
  fromNumber: string | null;
  agentId: string;
  agentPhoneNumberId: string;
  placedByUserId: string | null;
}

export type DialOutcome =
  /** ElevenLabs accepted the dial; the webhook (or the sweeper) settles the call. */
  | { kind: "dialed"; callId: string; conversationId: string | null; callSid: string | null }
  /** No answer to the request: the call stays open and is reconciled by attempt id, never redialed. */
  | { kind: "unknown"; callId: string; error: ElevenLabsFailure }
  /** Refused; the call is FAILED with the reason. */
  | { kind: "refused"; callId: string; error: ElevenLabsFailure }
  /** beforeDial or writeAttempt said no: nothing was written or sent. */
  | { kind: "lost" };

class DialAborted extends Error {}

/**
 * The one place that dials: "Call now", the test call and the dispatcher all come here. Writes the
 * INITIATED call first, so its id travels as the attempt id (`user_id`) and whatever happens to the HTTP
 * answer the conversation can be found again; sends once (the endpoint has no idempotency key, so never
 * retried here); then records the answer, the caller's follow-up and the feed entry in one transaction.
 */
export async function dialCall(client: ElevenLabsClient, request: DialRequest, now: () => Date = () => new Date()): Promise<DialOutcome> {
  const db = getDb();
  const { organizationId, line, toNumber } = request;
  const attempt: AttemptRow = {
    id: createId(),
    organizationId,
    contactId: request.contactId,
    scheduledCallId: request.scheduledCallId ?? null,
    toNumber,
    fromNumber: line.fromNumber,
    agentId: line.agentId,
    agentPhoneNumberId: line.agentPhoneNumberId,
    placedByUserId: request.placedByUserId ?? null,
  };
  const written = request.writeAttempt ? await request.writeAttempt(attempt) : await writeInTransaction(request, attempt);
  if (!written) return { kind: "lost" };
  const callId = attempt.id;

  const agentOverride = withLanguageDefault(request.language, request.agentOverride);
  const result = await client.startOutboundCall({
    attemptId: callId,
    agentId: line.agentId,
    agentPhoneNumberId: line.agentPhoneNumberId,
    toNumber,
    dynamicVariables: request.dynamicVariables,
    ...(Object.keys(agentOverride).length > 0 && { agentOverride }),
  });
  const outcome: Exclude<DialOutcome, { kind: "lost" }> = result.ok
    ? { kind: "dialed", callId, conversationId: result.value.conversationId, callSid: result.value.callSid }
    : { kind: result.error.kind === "unknown_outcome" ? "unknown" : "refused", callId, error: result.error };
  const settledAt = now();

  if (outcome.kind === "dialed") {
    await recordDialed(db, request, outcome);
    return outcome;
  }
  await db.$transaction(async (tx) => {
    if (outcome.kind === "unknown") {
      await tx.call.updateMany({
        where: { id: callId },
        data: { errorMessage: `No answer from ElevenLabs in time; checking whether the call started. (${outcome.error.message})` },
      });
    } else {
      await tx.call.updateMany({
        where: { id: callId, status: "INITIATED" },
        data: { status: "FAILED", endedAt: settledAt, errorMessage: outcome.error.message },
      });
    }
    await request.afterFailure?.(tx, outcome);
    if (request.activity) await recordActivity(tx, activityOf(request, outcome));
  });
  return outcome;
}

/**
 * The accepted dial in one statement (its writes commit together, with no transaction's round trips):
 * the conversation's ids on the call — unless a very short call's webhook completed it already — and on
 * the scheduled call it attempts, whose lease ends there (the webhook or the sweeper finishes it); and
 * the feed entry.
 */
async function recordDialed(db: ReturnType<typeof getDb>, request: DialRequest, outcome: Extract<DialOutcome, { kind: "dialed" }>): Promise<void> {
  const { callId, conversationId, callSid } = outcome;
  const activity = request.activity ? activityOf(request, outcome) : null;
  // The server's clock, as Prisma's @updatedAt and the feed's default would write it.
  const at = new Date();
  await db.$queryRaw`
    WITH "call" AS (
      UPDATE "Call" SET "conversationId" = ${conversationId}, "callSid" = ${callSid}, "updatedAt" = ${at}
       WHERE "id" = ${callId} AND "conversationId" IS NULL
      RETURNING 1
    ), "scheduled" AS (
      -- After the call's row (the count reads "call" to its end first): the order the webhook's write
      -- locks them in, so the two never deadlock. Sibling CTEs otherwise run in no set order.
      UPDATE "ScheduledCall" SET "providerCallId" = ${conversationId}, "lockedUntil" = NULL, "updatedAt" = ${at}
        FROM (SELECT count(*) FROM "call") AS "callFirst"
       WHERE "id" = ${request.scheduledCallId ?? null} AND "callId" = ${callId}
    )
    INSERT INTO "ActivityEvent" ("id", "organizationId", "type", "message", "actorUserId", "contactId", "callId", "data", "createdAt")
    SELECT ${createId()}, ${request.organizationId}, ${activity?.type ?? "CALL_PLACED"}::"ActivityType", ${activity?.message ?? ""}, ${activity?.actorUserId ?? null}, ${request.contactId},
           ${callId}, ${JSON.stringify(activity?.data ?? {})}::jsonb, ${at}
     WHERE ${activity !== null}`;
}

/** The attempt written as "Call now" and the test call need it: the clinic's line taken, the row, then `beforeDial`, in one transaction. */
async function writeInTransaction(request: DialRequest, call: AttemptRow): Promise<boolean> {
  try {
    await getDb().$transaction(async (tx) => {
      if (request.takeLine) await takeLine(tx, call.organizationId);
      await tx.call.create({ data: { ...call, direction: "OUTBOUND", status: "INITIATED" }, select: { id: true } });
      if (request.beforeDial && !(await request.beforeDial(tx, call.id))) throw new DialAborted();
    });
    return true;
  } catch (error) {
    if (error instanceof DialAborted) return false;
    throw error;
  }
}

async function takeLine(tx: DbClient, organizationId: string): Promise<void> {
  await lockClinicLines(tx, organizationId);
  const { limit, open } = await openLineCount(tx, organizationId, new Date());
  if (open >= limit) {
    throw new AppError("rate_limited", `All ${limit} of the clinic's lines are busy with calls right now. Try again when one ends, or schedule the call.`, {
      extra: { retryAfterSeconds: 60 },
    });
  }
}

function activityOf(request: DialRequest, outcome: Exclude<DialOutcome, { kind: "lost" }>) {
  const { name, note, actorUserId, data } = request.activity!;
  const base = { organizationId: request.organizationId, actorUserId: actorUserId ?? null, contactId: request.contactId, callId: outcome.callId };
  if (outcome.kind === "dialed") return { ...base, type: "CALL_PLACED" as const, message: `Called ${name}${note ? ` (${note})` : ""}`, data: data ?? {} };
  const { error } = outcome;
  return {
    ...base,
    type: "CALL_FAILED" as const,
    message: outcome.kind === "unknown" ? `Call to ${name} may not have started` : `Call to ${name} failed: ${error.message}`,
    data: { ...data, kind: error.kind, providerStatus: error.status, providerCode: error.code },
  };
}
