import { getDb, type DbClient } from "@/lib/db";
import type { TranscriptTurn } from "@/lib/elevenlabs/conversation-schemas";
import type { CallMeaning } from "@/lib/calls/meaning/describe-call";
import { finishScheduledCall, isVoicemail } from "@/lib/calls/lifecycle/finish-scheduled-call";
import { createWriteBatcher } from "@/lib/prisma/write-batcher";
import { advanceSequenceNow } from "@/lib/scheduling/advance-sequence";
import { createFollowUpCallback, wantsFollowUp } from "@/lib/callbacks/create-follow-up-callback";
import { sealCallColumn } from "@/lib/calls/history/sealed-call-fields";
import type { SealedEnvelope } from "@/lib/crypto/sealed-json";

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

/**
 * Which call an event is about: our id (the sweeper knows it), or the provider's ids (a webhook), whose
 * agent must be the one the call was placed with — another agent's event never settles our call.
 */
export type CallMatch = { callId: string } | { conversationId: string; attemptId: string | null; agentId: string | null };

/** The call that just ended, with what the follow-up work (activity, refill) needs. */
export interface EndedCall {
  id: string;
  organizationId: string;
  contactId: string | null;
  scheduledCallId: string | null;
  contactName: string | null;
  /**
   * The sequence batch whose current step — or the call back it waits on — this call just completed (its
   * next step is decided now).
   */
  sequenceBatchId?: string | null;
  /** The call back the patient asked for was already made here (a sequence's, before its advance): not again after the answer. */
  followUpMade?: boolean;
}

/**
 * One call's end as a row of the write: null leaves a column as it was (an open call has no result
 * yet; the dial already stored its conversation id, call SID and dynamic variables). Transcript,
 * analysis and dynamic variables arrive sealed: they are never written in the clear.
 */
interface EndRow extends CallMeaning {
  idx: number;
  callId: string | null;
  conversationId: string | null;
  attemptId: string | null;
  agentId: string | null;
  status: "COMPLETED" | "FAILED";
  callSid: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  transcript: SealedEnvelope | null;
  summary: string | null;
  summaryTitle: string | null;
  terminationReason: string | null;
  callSuccessful: string | null;
  analysis: SealedEnvelope | null;
  dynamicVariables: SealedEnvelope | null;
  errorMessage: string | null;
  /** Complete the attempt's scheduled call in the same statement (a connected call that needs no retry decision). */
  completeScheduled: boolean;
}

type EndFields = Omit<EndRow, "idx" | "callId" | "conversationId" | "attemptId" | "agentId" | "completeScheduled">;

/** How the row finds its call; `conversationId` (known to the sweeper, which matches by our id) is stored too. */
function matchColumns(match: CallMatch, conversationId: string | null): Pick<EndRow, "callId" | "conversationId" | "attemptId" | "agentId"> {
  return "callId" in match
    ? { callId: match.callId, conversationId, attemptId: null, agentId: null }
    : { callId: null, conversationId: match.conversationId, attemptId: match.attemptId, agentId: match.agentId };
}

export function connectedFields(result: CallResult): EndFields {
  const endedAt = result.startedAt && result.durationSeconds !== null ? new Date(result.startedAt.getTime() + result.durationSeconds * 1000) : new Date();
  return {
    status: "COMPLETED",
    callSid: result.callSid,
    startedAt: result.startedAt?.toISOString() ?? null,
    endedAt: endedAt.toISOString(),
    durationSeconds: result.durationSeconds,
    transcript: sealCallColumn("transcript", result.transcript),
    summary: result.summary,
    summaryTitle: result.summaryTitle,
    terminationReason: result.terminationReason,
    callSuccessful: result.callSuccessful,
    ...result.meaning,
    analysis: sealCallColumn("analysis", result.analysis),
    dynamicVariables: sealCallColumn("dynamicVariables", result.dynamicVariables),
    errorMessage: null,
  };
}

function unconnectedFields(reason: string, terminationReason: string | null): EndFields {
  return {
    status: "FAILED",
    callSid: null,
    startedAt: null,
    endedAt: null, // the time of the write
    durationSeconds: null,
    transcript: null,
    summary: null,
    summaryTitle: null,
    terminationReason,
    callSuccessful: null,
    outcome: reason.replaceAll("-", "_"),
    reportedOutcome: reason,
    intent: null,
    sentiment: null,
    callerName: null,
    searchText: null,
    analysis: null,
    dynamicVariables: null,
    errorMessage: `Not connected: ${reason}`,
  };
}

/**
 * Ends calls in one statement: each row's call (by our id, else by conversation id, else by our
 * attempt id — `user_id` — when the dial's answer was lost and the conversation id never stored)
 * takes its result, and, where the row asks, its scheduled call goes IN_PROGRESS → COMPLETED (only
 * on this attempt), so the two rows change together or not at all. Only an open call changes: a
 * duplicate or concurrent delivery matches nothing (a second UPDATE re-checks the status once the
 * first commits), and of two rows for one call in the same statement only one applies. The rows
 * travel as one JSON parameter. Answers the calls that changed, by row.
 */
async function writeEnds(db: DbClient, rows: EndRow[]): Promise<Array<EndedCall | null>> {
  // The app's clock, like the columns Prisma stamps (@updatedAt, @default(now())): one clock for a call's times.
  const now = new Date();
  const changed = await db.$queryRaw<Array<EndedCall & { idx: number }>>`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS i(
        "idx" int, "callId" text, "conversationId" text, "attemptId" text, "agentId" text, "status" text, "callSid" text,
        "startedAt" timestamptz, "endedAt" timestamptz, "durationSeconds" int, "transcript" jsonb, "summary" text,
        "summaryTitle" text, "terminationReason" text, "callSuccessful" text, "outcome" text, "reportedOutcome" text,
        "intent" text, "sentiment" text, "callerName" text, "searchText" text, "analysis" jsonb, "dynamicVariables" jsonb,
        "errorMessage" text, "completeScheduled" boolean)
    ), target AS (
      SELECT i.*, coalesce(i."callId", (
        SELECT c."id" FROM "Call" c
         WHERE (c."conversationId" = i."conversationId" OR (c."id" = i."attemptId" AND c."conversationId" IS NULL))
           AND (i."agentId" IS NULL OR c."agentId" IS NULL OR c."agentId" = i."agentId")
         ORDER BY (c."conversationId" IS NULL) LIMIT 1)) AS "targetId"
      FROM input i
    ), ended AS (
      UPDATE "Call" k SET
        "status" = t."status"::"CallStatus", "conversationId" = coalesce(t."conversationId", k."conversationId"),
        "callSid" = coalesce(t."callSid", k."callSid"), "startedAt" = coalesce(t."startedAt", k."startedAt"),
        "endedAt" = coalesce(t."endedAt", ${now}::timestamptz), "durationSeconds" = coalesce(t."durationSeconds", k."durationSeconds"),
        "transcript" = coalesce(t."transcript", k."transcript"), "summary" = coalesce(t."summary", k."summary"),
        "summaryTitle" = coalesce(t."summaryTitle", k."summaryTitle"), "terminationReason" = coalesce(t."terminationReason", k."terminationReason"),
        "callSuccessful" = coalesce(t."callSuccessful", k."callSuccessful"), "outcome" = t."outcome", "reportedOutcome" = t."reportedOutcome",
        "intent" = coalesce(t."intent", k."intent"), "sentiment" = coalesce(t."sentiment", k."sentiment"),
        "callerName" = coalesce(t."callerName", k."callerName"), "searchText" = coalesce(t."searchText", k."searchText"),
        "analysis" = coalesce(t."analysis", k."analysis"), "dynamicVariables" = coalesce(t."dynamicVariables", k."dynamicVariables"),
        "errorMessage" = t."errorMessage", "updatedAt" = ${now}::timestamptz
        FROM target t
       WHERE k."id" = t."targetId" AND k."status" IN ('INITIATED', 'IN_PROGRESS')
      RETURNING t."idx", t."completeScheduled", k."id", k."organizationId", k."contactId", k."scheduledCallId"
    ), finished AS (
      UPDATE "ScheduledCall" s SET "status" = 'COMPLETED', "executedAt" = ${now}::timestamptz, "lockedUntil" = NULL, "lockedBy" = NULL, "errorMessage" = NULL, "updatedAt" = ${now}::timestamptz
        FROM ended e
       WHERE e."completeScheduled" AND s."id" = e."scheduledCallId" AND s."status" = 'IN_PROGRESS' AND s."callId" = e."id"
      RETURNING s."id", s."batchId", s."sequenceIndex", s."sequenceBatchId"
    )
    SELECT e."idx", e."id", e."organizationId", e."contactId", e."scheduledCallId", c."name" AS "contactName",
           CASE WHEN f."sequenceIndex" IS NOT NULL THEN f."batchId" ELSE f."sequenceBatchId" END AS "sequenceBatchId"
      FROM ended e LEFT JOIN "Contact" c ON c."id" = e."contactId" LEFT JOIN finished f ON f."id" = e."scheduledCallId"`;
  const byRow = new Map(changed.map(({ idx, ...call }) => [idx, call]));
  return rows.map((row) => byRow.get(row.idx) ?? null);
}

// Webhooks arriving together share a statement and a commit: under a burst the answer waits for
// one round trip of a few rows instead of a queue of single-row commits. A second batch in flight
// keeps one slow statement (a lock wait) from holding up every answer behind it.
const writeBatched = createWriteBatcher<Omit<EndRow, "idx">, EndedCall | null>({
  maxBatch: 100,
  maxInFlight: 2,
  write: (rows) =>
    writeEnds(
      getDb(),
      rows.map((row, idx) => ({ ...row, idx })),
    ),
});

async function writeOne(db: DbClient, row: Omit<EndRow, "idx">): Promise<EndedCall | null> {
  const [ended] = await writeEnds(db, [{ ...row, idx: 0 }]);
  return ended ?? null;
}

/**
 * Records a connected call and finishes its scheduled call atomically; null when the call is unknown
 * or already recorded. Voicemail may send the scheduled call back for another attempt (the clinic's
 * choice, with backoff inside calling hours): that decision runs in a transaction with the update.
 */
export async function endConnectedCall(match: CallMatch, result: CallResult): Promise<EndedCall | null> {
  const row = { ...matchColumns(match, result.conversationId), ...connectedFields(result) };
  if (!isVoicemail(result.meaning.outcome)) {
    const ended = await writeBatched({ ...row, completeScheduled: true });
    // A sequence's step (or the call back it waited on) ended: book-or-next is decided before the answer,
    // so the refill it sets off dials the next step at once. (Its own transaction; a crash in between is
    // the cron's to catch.) A patient who asked to be called back gets that call back first, and the
    // sequence waits on it: nobody else is offered the slot meanwhile (lib/scheduling/hold-sequence.ts).
    // A failure here must not fail the webhook (ElevenLabs does not resend it): the cron's safety net advances it.
    if (ended?.sequenceBatchId) {
      const batchId = ended.sequenceBatchId;
      try {
        if (wantsFollowUp(result.meaning.outcome)) {
          await createFollowUpCallback(ended.organizationId, ended.id);
          ended.followUpMade = true;
        }
        await advanceSequenceNow(batchId);
      } catch (error) {
        console.error(`Advancing sequence ${batchId} failed; the cron run will:`, error);
      }
    }
    return ended;
  }
  return getDb().$transaction(async (tx) => {
    const ended = await writeOne(tx, { ...row, completeScheduled: false });
    if (ended)
      await finishScheduledCall(tx, { callId: ended.id, scheduledCallId: ended.scheduledCallId }, { kind: "connected", outcome: result.meaning.outcome });
    return ended;
  });
}

/**
 * Records a call that never connected (busy, no answer) and retries or fails its scheduled call, in one
 * transaction. `terminationReason`: ElevenLabs' own words for it, when a failed conversation gave some.
 */
export async function endUnconnectedCall(
  match: CallMatch,
  conversationId: string | null,
  reason: string,
  terminationReason: string | null = null,
): Promise<EndedCall | null> {
  const row = { ...matchColumns(match, conversationId), ...unconnectedFields(reason, terminationReason), completeScheduled: false };
  return getDb().$transaction(async (tx) => {
    const ended = await writeOne(tx, row);
    if (ended) await finishScheduledCall(tx, { callId: ended.id, scheduledCallId: ended.scheduledCallId }, { kind: "not_connected", reason });
    return ended;
  });
}
