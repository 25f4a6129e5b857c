import { getDb, type DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";
import type { CallMeaning } from "@/lib/calls/meaning/describe-call";
import { finishScheduledCall } from "@/lib/calls/webhooks/finish-scheduled-call";

/** How a connected call went, as the webhook (or the sweeper) learned it. */
export interface CallResult {
  conversationId: string;
  callSid: string | null;
  startedAt: Date | null;
  durationSeconds: number | null;
  transcript: TranscriptTurn[] | string;
  summary: string | null;
  summaryTitle: string | null;
  terminationReason: string | null;
  callSuccessful: string | null;
  dynamicVariables: Record<string, unknown> | null;
  analysis: Record<string, unknown> | null;
  meaning: CallMeaning;
}

/** Which call an event is about: our id (the sweeper knows it), or the provider's ids (a webhook). */
export type CallMatch = { callId: string } | { conversationId: string; attemptId: string | null };

/** The call that just ended, with what the follow-up work (activity, refill) needs. */
export interface EndedCall {
  id: string;
  organizationId: string;
  contactId: string | null;
  scheduledCallId: string | null;
  contactName: string | null;
}

const OPEN = Prisma.sql`"status" IN ('INITIATED', 'IN_PROGRESS')`;

// By conversation id, or by our attempt id (`user_id`) when the dial's answer was lost and the
// conversation id was never stored. One row at most, so the unique conversation id is never set twice.
function matchSql(match: CallMatch): Prisma.Sql {
  if ("callId" in match) return Prisma.sql`"id" = ${match.callId}`;
  const byAttempt = match.attemptId ? Prisma.sql`OR ("id" = ${match.attemptId} AND "conversationId" IS NULL)` : Prisma.empty;
  return Prisma.sql`"id" = (SELECT "id" FROM "Call" WHERE "conversationId" = ${match.conversationId} ${byAttempt} ORDER BY ("conversationId" IS NULL) LIMIT 1)`;
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The call's row update plus, when `completeScheduled`, its scheduled call's IN_PROGRESS → COMPLETED
 * (only on this attempt) — one statement, so the webhook's answer waits for one round trip and the
 * two rows change together or not at all. Only an open call changes: a duplicate or concurrent
 * delivery matches nothing (the second UPDATE re-checks the status once the first commits).
 */
function endStatement(match: CallMatch, set: Prisma.Sql, completeScheduled: boolean): Prisma.Sql {
  const finished = completeScheduled
    ? Prisma.sql`, finished AS (
        UPDATE "ScheduledCall" s SET "status" = 'COMPLETED', "executedAt" = now(), "lockedUntil" = NULL, "lockedBy" = NULL, "errorMessage" = NULL, "updatedAt" = now()
          FROM ended e WHERE s."id" = e."scheduledCallId" AND s."status" = 'IN_PROGRESS' AND s."callId" = e."id"
        RETURNING s."id")`
    : Prisma.empty;
  return Prisma.sql`
    WITH ended AS (
      UPDATE "Call" SET ${set}, "updatedAt" = now()
       WHERE ${matchSql(match)} AND ${OPEN}
      RETURNING "id", "organizationId", "contactId", "scheduledCallId"
    )${finished}
    SELECT e.*, c."name" AS "contactName" FROM ended e LEFT JOIN "Contact" c ON c."id" = e."contactId"`;
}

function connectedSet(result: CallResult): Prisma.Sql {
  const { meaning } = result;
  const endedAt = result.startedAt && result.durationSeconds !== null ? new Date(result.startedAt.getTime() + result.durationSeconds * 1000) : new Date();
  return Prisma.sql`"status" = 'COMPLETED', "conversationId" = ${result.conversationId}, "callSid" = coalesce(${result.callSid}, "callSid"),
    "startedAt" = ${iso(result.startedAt)}::timestamptz, "endedAt" = ${iso(endedAt)}::timestamptz, "durationSeconds" = ${result.durationSeconds}::int,
    "transcript" = ${json(result.transcript)}::jsonb, "summary" = ${result.summary}, "summaryTitle" = ${result.summaryTitle},
    "terminationReason" = ${result.terminationReason}, "callSuccessful" = ${result.callSuccessful},
    "outcome" = ${meaning.outcome}, "reportedOutcome" = ${meaning.reportedOutcome}, "intent" = ${meaning.intent}, "sentiment" = ${meaning.sentiment},
    "callerName" = ${meaning.callerName}, "searchText" = ${meaning.searchText},
    "analysis" = coalesce(${json(result.analysis)}::jsonb, "analysis"), "dynamicVariables" = coalesce(${json(result.dynamicVariables)}::jsonb, "dynamicVariables"),
    "errorMessage" = NULL`;
}

/**
 * Records a connected call and finishes its scheduled call atomically; null when the call is unknown
 * or already recorded. Voicemail may send the scheduled call back for another attempt (the clinic's
 * choice, with backoff inside calling hours): that decision runs in a transaction with the update.
 */
export async function endConnectedCall(match: CallMatch, result: CallResult): Promise<EndedCall | null> {
  if (result.meaning.outcome !== "voicemail") {
    const [ended] = await getDb().$queryRaw<EndedCall[]>(endStatement(match, connectedSet(result), true));
    return ended ?? null;
  }
  return getDb().$transaction(async (tx) => {
    const ended = await endInTransaction(tx, match, connectedSet(result));
    if (ended) await finishScheduledCall(tx, { callId: ended.id, scheduledCallId: ended.scheduledCallId }, { kind: "connected", outcome: "voicemail" });
    return ended;
  });
}

/** Records a call that never connected (busy, no answer) and retries or fails its scheduled call, in one transaction. */
export async function endUnconnectedCall(match: CallMatch, conversationId: string | null, reason: string): Promise<EndedCall | null> {
  const set = Prisma.sql`"status" = 'FAILED', "conversationId" = coalesce(${conversationId}, "conversationId"), "endedAt" = now(),
    "outcome" = ${reason.replaceAll("-", "_")}, "reportedOutcome" = ${reason}, "errorMessage" = ${`Not connected: ${reason}`}`;
  return getDb().$transaction(async (tx) => {
    const ended = await endInTransaction(tx, match, set);
    if (ended) await finishScheduledCall(tx, { callId: ended.id, scheduledCallId: ended.scheduledCallId }, { kind: "not_connected", reason });
    return ended;
  });
}

async function endInTransaction(tx: DbClient, match: CallMatch, set: Prisma.Sql): Promise<EndedCall | null> {
  const [ended] = await tx.$queryRaw<EndedCall[]>(endStatement(match, set, false));
  return ended ?? null;
}
