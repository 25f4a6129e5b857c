import { createHash } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { resolveDialLine } from "@/lib/agents/resolve-dial-line";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createId } from "@/lib/ids/create-id";
import { recordActivity } from "@/lib/activity/record-activity";
import type { RawQueryClient } from "@/lib/prisma/raw-query-client";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { planBatch, type PlanContact, type PlannedCall } from "@/lib/scheduling/plan-batch";
import { planSequence } from "@/lib/scheduling/plan-sequence";
import { resolveBatchContacts } from "@/lib/scheduling/resolve-batch-contacts";
import { batchAnswer } from "@/lib/scheduling/batch-answer";
import { toCallScript } from "@/lib/scheduling/call-script-schema";
import { checkScriptOverrides } from "@/lib/scheduling/check-script-overrides";
import { serverElevenLabsClient } from "@/lib/calls/lifecycle/server-client";
import type { ElevenLabsClient } from "@/lib/elevenlabs/client";
import { BATCH_SKIPPED_KEPT, SEQUENCE_CONTACTS_MAX, type ScheduleCallsInput } from "@/lib/scheduling/schemas";
import { isPast } from "@/lib/time/past-grace";
import { refuseDistantCall } from "@/lib/scheduling/schedule-horizon";
import { capPlannedCalls } from "@/lib/compliance/cap-planned-calls";
import { CAP_LOOKBACK_MS, loadPatientCallTimes } from "@/lib/compliance/patient-call-times";

/** Rows per INSERT: each chunk travels as one JSON parameter (no bind-parameter limit to hit). */
const INSERT_CHUNK_ROWS = 2_500;
/** Planned calls counted against the caps: up to this long after the batch's last call (a cap moves a call two weeks at most). */
const PLANNED_LOOKAHEAD_MS = 16 * 24 * 3_600_000;

export interface ScheduleActor {
  organizationId: string;
  userId: string;
}

/**
 * Schedules one call per selected contact as a batch: staggered, inside the clinic's calling hours and
 * each recipient's legal hours, held to each patient's frequency caps (moved or skipped, as the clinic chose),
 * do-not-call, no-consent and undialable contacts skipped with the reason. Written in
 * one transaction (all or nothing). With an idempotency key, a repeated request gets the first answer.
 * `dryRun` plans and writes nothing (the dialog's live preview).
 */
export async function scheduleCalls(
  actor: ScheduleActor,
  input: ScheduleCallsInput,
  options: { idempotencyKey?: string; dryRun?: boolean; now?: Date; client?: ElevenLabsClient } = {},
) {
  const now = options.now ?? new Date();
  const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  if (options.idempotencyKey && !options.dryRun) {
    const replay = await replayIfKnown(actor.organizationId, options.idempotencyKey, requestHash);
    if (replay) return replay;
  }

  const start = new Date(input.scheduledTime);
  if (isPast(start, now))
    throw new AppError("invalid_input", "The scheduled time is in the past. Pick a time from now on.", {
      issues: [{ path: "scheduledTime", message: "Must be in the future" }],
    });
  refuseDistantCall(start, now);
  const rules = await loadCallingRules(actor.organizationId);
  // Only the clinic's own agent and number (422 for any other); checked again at every dial.
  const line = await resolveDialLine(getDb(), actor.organizationId, {
    agentId: input.agentId,
    agentPhoneNumberId: input.agentPhoneNumberId ?? input.fromNumber,
  });
  const { agentId, agentPhoneNumberId: fromNumber } = line;
  const script = toCallScript(input.script);
  if (script.firstMessage !== null || script.prompt !== null) await checkScriptOverrides(options.client ?? serverElevenLabsClient(), agentId, script);
  const staggerMinutes = input.staggerMinutes ?? rules.staggerMinutes;
  const selection = (input.selection ?? (Array.isArray(input.contactIds) ? { ids: input.contactIds } : input.contactIds))!;
  const ids = await resolveBatchContacts(actor.organizationId, selection);
  const sequence = input.mode === "sequence";
  if (sequence && ids.length > SEQUENCE_CONTACTS_MAX) {
    throw new AppError(
      "invalid_input",
      `A one-at-a-time sequence can call at most ${SEQUENCE_CONTACTS_MAX} contacts, and ${ids.length.toLocaleString("en")} are selected. Pick the first ${SEQUENCE_CONTACTS_MAX} to call, or schedule them staggered.`,
      { issues: [{ path: "mode", message: `At most ${SEQUENCE_CONTACTS_MAX} contacts in a sequence` }] },
    );
  }
  const begin = new Date(Math.max(+start, +now));
  // A sequence calls in the order the contacts were picked; a staggered batch in name order.
  const order = sequence && "ids" in selection ? new Map(selection.ids.map((id, index) => [id, index] as const)) : null;
  const inOrder = (contacts: PlanContact[]) => (order ? [...contacts].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)) : contacts);
  const plan = async (
    db: RawQueryClient,
    contacts: PlanContact[],
  ): Promise<{
    planned: Array<PlannedCall & { sequenceIndex?: number; waiting?: boolean }>;
    skipped: ReturnType<typeof planBatch>["skipped"];
    cappedCount: number;
  }> => {
    // A sequence's steps have no fixed times yet: the dispatcher holds each to the caps when it comes due.
    if (sequence) return { ...planSequence(inOrder(contacts), rules, { start: begin }), cappedCount: 0 };
    const base = planBatch(contacts, rules, { start: begin, staggerMinutes });
    // Every call the patients had or have coming, from any batch, sequence or callback, up to as far as a cap can move one.
    const latest = Math.max(+begin, ...base.planned.map((call) => +call.scheduledTime));
    const callTimes = await loadPatientCallTimes(
      db,
      actor.organizationId,
      base.planned.map((call) => call.contactId),
      { since: new Date(+begin - CAP_LOOKBACK_MS), planned: { until: new Date(latest + PLANNED_LOOKAHEAD_MS) } },
    );
    const capped = capPlannedCalls(base.planned, rules, callTimes, { staggerMs: staggerMinutes * 60_000 });
    return { planned: capped.planned, skipped: [...base.skipped, ...capped.skipped], cappedCount: capped.cappedCount };
  };

  if (options.dryRun) {
    const { planned, skipped, cappedCount } = await plan(getDb(), await loadContacts(getDb(), actor.organizationId, ids));
    return {
      preview: true as const,
      mode: input.mode ?? "staggered",
      ...summarize(planned, staggerMinutes, sequence),
      cappedCount,
      timeZone: rules.timezone,
      staggerMinutes,
      calls: planned.slice(0, 500),
      skipped,
    };
  }

  let batchId: string;
  try {
    batchId = await getDb().$transaction(
      async (tx) => {
        const { planned, skipped, cappedCount } = await plan(tx, await loadContacts(tx, actor.organizationId, ids));
        if (planned.length === 0) {
          throw new AppError("invalid_input", "None of the selected contacts can be called, so nothing was scheduled.", {
            extra: { skipped: skipped.slice(0, BATCH_SKIPPED_KEPT) },
          });
        }
        const summary = summarize(planned, staggerMinutes, sequence);
        const batch = await tx.callBatch.create({
          data: {
            organizationId: actor.organizationId,
            name: input.name ?? defaultBatchName(planned.length, summary.firstCallAt!, rules.timezone, rules.locale, sequence),
            createdByUserId: actor.userId,
            idempotencyKey: options.idempotencyKey ?? null,
            requestHash,
            agentId,
            fromNumber,
            staggerMinutes,
            ...(sequence ? { mode: "SEQUENCE" as const, sequencePosition: 1, sequenceStatus: "RUNNING" as const } : {}),
            scheduledCount: planned.length,
            skippedCount: skipped.length,
            movedCount: summary.movedCount,
            cappedCount,
            firstCallAt: summary.firstCallAt,
            lastCallAt: summary.lastCallAt,
            skipped: skipped.slice(0, BATCH_SKIPPED_KEPT) as unknown as Prisma.InputJsonValue,
            scriptFirstMessage: script.firstMessage,
            scriptPrompt: script.prompt,
            scriptVariables: script.variables,
          },
          select: { id: true },
        });
        await insertScheduledCalls(tx, planned, {
          organizationId: actor.organizationId,
          batchId: batch.id,
          agentId,
          fromNumber,
          maxAttempts: rules.maxAttempts,
          dynamicVariables: { ...input.dynamicVariables, ...script.variables },
          createdByUserId: actor.userId,
        });
        await recordActivity(tx, {
          organizationId: actor.organizationId,
          type: "CALLS_SCHEDULED",
          message: `Scheduled ${planned.length} call${planned.length === 1 ? "" : "s"}`,
          actorUserId: actor.userId,
          data: { batchId: batch.id, scheduled: planned.length, skipped: skipped.length },
        });
        return batch.id;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (error) {
    // The same key sent twice at once: the second insert waited for the first and lost the race.
    if (options.idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const replay = await replayIfKnown(actor.organizationId, options.idempotencyKey, requestHash);
      if (replay) return replay;
    }
    throw error;
  }
  return { ...(await batchAnswer(actor.organizationId, batchId)), replayed: false };
}

async function replayIfKnown(organizationId: string, idempotencyKey: string, requestHash: string) {
  const batch = await getDb().callBatch.findUnique({
    where: { organizationId_idempotencyKey: { organizationId, idempotencyKey } },
    select: { id: true, requestHash: true },
  });
  if (!batch) return null;
  if (batch.requestHash !== requestHash) {
    throw new AppError("conflict", "This Idempotency-Key was already used for a different request. Send a new key for a new batch.");
  }
  return { ...(await batchAnswer(organizationId, batch.id)), replayed: true };
}

async function loadContacts(db: RawQueryClient, organizationId: string, ids: string[]): Promise<PlanContact[]> {
  // FOR KEY SHARE: a contact deleted while the batch is written waits for it (then cascades). Do-not-call
  // comes from the list, by number; consent from the contact.
  return db.$queryRaw<PlanContact[]>`
    SELECT c."id", c."name", c."phoneNumber", c."timezone", (d."id" IS NOT NULL) AS "doNotCall", d."reason" AS "doNotCallReason", c."consentBasis"
      FROM "Contact" c
      LEFT JOIN "DoNotCallEntry" d ON d."organizationId" = c."organizationId" AND d."phoneNumber" = c."phoneNumber"
     WHERE c."organizationId" = ${organizationId} AND c."id" = ANY(${ids}::text[])
     ORDER BY c."nameSortKey", c."id" FOR KEY SHARE OF c`;
}

async function insertScheduledCalls(
  db: RawQueryClient,
  planned: ReadonlyArray<PlannedCall & { sequenceIndex?: number; waiting?: boolean }>,
  batch: {
    organizationId: string;
    batchId: string;
    agentId: string;
    fromNumber: string;
    maxAttempts: number;
    dynamicVariables: Record<string, unknown>;
    createdByUserId: string;
  },
) {
  const variables = JSON.stringify(batch.dynamicVariables);
  // The app's clock, as for the batch row Prisma writes beside them.
  const stamp = new Date();
  for (let offset = 0; offset < planned.length; offset += INSERT_CHUNK_ROWS) {
    const rows = planned.slice(offset, offset + INSERT_CHUNK_ROWS).map((call) => ({
      id: createId(),
      contactId: call.contactId,
      scheduledTime: call.scheduledTime.toISOString(),
      requestedTime: call.requestedTime?.toISOString() ?? null,
      sequenceIndex: call.sequenceIndex ?? null,
      // A sequence's later steps wait (never claimable) until the one before ends without a booking.
      status: call.waiting ? "WAITING" : "PENDING",
    }));
    await db.$queryRaw`
      INSERT INTO "ScheduledCall" ("id", "organizationId", "contactId", "fromNumber", "agentId", "scheduledTime", "requestedTime",
                                   "status", "sequenceIndex", "dynamicVariables", "attempts", "maxAttempts", "batchId", "createdByUserId", "createdAt", "updatedAt")
      SELECT r."id", ${batch.organizationId}, r."contactId", ${batch.fromNumber}, ${batch.agentId}, r."scheduledTime", r."requestedTime",
             r."status"::"ScheduledCallStatus", r."sequenceIndex", ${variables}::jsonb, 0, ${batch.maxAttempts}, ${batch.batchId}, ${batch.createdByUserId}, ${stamp}::timestamptz, ${stamp}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          AS r("id" text, "contactId" text, "scheduledTime" timestamptz, "requestedTime" timestamptz, "sequenceIndex" int, "status" text)`;
  }
}

function summarize(planned: readonly PlannedCall[], staggerMinutes: number, sequence = false) {
  let first: Date | null = null;
  let last: Date | null = null;
  // A sequence's later steps have no time yet: only the first is planned.
  for (const { scheduledTime } of sequence ? planned.slice(0, 1) : planned) {
    if (!first || scheduledTime < first) first = scheduledTime;
    if (!last || scheduledTime > last) last = scheduledTime;
  }
  return {
    scheduledCount: planned.length,
    movedCount: planned.filter((call) => call.requestedTime !== null).length,
    firstCallAt: first,
    lastCallAt: sequence ? null : last,
    /** The last call's slot ends one interval after it starts; a sequence's end depends on who books. */
    expectedFinishAt: last && !sequence ? new Date(+last + staggerMinutes * 60_000) : null,
  };
}

function defaultBatchName(count: number, first: Date, timeZone: string, locale: string, sequence: boolean): string {
  const when = new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }).format(
    new TZDate(+first, timeZone),
  );
  if (sequence) return `${count.toLocaleString("en")} contact${count === 1 ? "" : "s"}, one at a time from ${when}`;
  return `${count.toLocaleString("en")} call${count === 1 ? "" : "s"} from ${when}`;
}
