import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordActivity } from "@/lib/activity/record-activity";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { planBatch, type PlanContact } from "@/lib/scheduling/plan-batch";
import type { BatchActor } from "@/lib/scheduling/pause-batch";
import { batchAnswer } from "@/lib/scheduling/batch-answer";

/** Outcomes of a call that reached no one worth retrying (the Call's `outcome`, lib/calls/meaning). */
export const UNANSWERED_OUTCOMES = ["no_answer", "busy", "voicemail"] as const;

type Target = PlanContact & { rowId: string; dynamicVariables: Prisma.JsonValue };

/**
 * "Retry failed and unanswered": a new batch, linked to this one, with a call for every row that
 * FAILED or ended unanswered (no answer, busy, voicemail), planned from now with the batch's spacing
 * inside calling hours, fresh attempts, the same agent, number and call script. Refused (409) while
 * the batch still has calls to make (pending, paused, under way, a sequence's waiting steps), when it
 * was already retried (one retry per batch: the unique link makes a double click or two tabs create
 * it once), for a one-at-a-time sequence, and when nothing failed. A contact now on the do-not-call
 * list, or whose consent is now "none", is listed as skipped, not called.
 */
export async function retryBatch(actor: BatchActor, batchId: string, now = new Date()) {
  const { organizationId } = actor;
  const rules = await loadCallingRules(organizationId);
  let retryId: string;
  try {
    retryId = await getDb().$transaction(
      async (tx) => {
        const batch = await tx.callBatch.findFirst({
          where: { id: batchId, organizationId },
          select: {
            id: true,
            name: true,
            mode: true,
            agentId: true,
            fromNumber: true,
            staggerMinutes: true,
            scriptFirstMessage: true,
            scriptPrompt: true,
            scriptVariables: true,
            retriedBy: { select: { id: true, name: true } },
          },
        });
        if (!batch) throw notFound("Batch");
        if (batch.mode === "SEQUENCE")
          throw new AppError(
            "conflict",
            "A one-at-a-time sequence cannot be retried this way. Schedule a new sequence with the patients you want to call again.",
          );
        if (batch.retriedBy)
          throw new AppError("conflict", `This batch was already retried as “${batch.retriedBy.name}”.`, { extra: { retryBatchId: batch.retriedBy.id } });
        const running = await tx.scheduledCall.count({ where: { batchId, organizationId, status: { in: ["PENDING", "PAUSED", "IN_PROGRESS", "WAITING"] } } });
        if (running > 0) {
          throw new AppError(
            "conflict",
            `This batch is still running: ${running} call(s) are waiting, paused or under way. Retry once it has finished, or cancel what is left first.`,
            { extra: { batchState: "running", running } },
          );
        }
        const targets = await tx.$queryRaw<Target[]>`
          SELECT s."id" AS "rowId", s."dynamicVariables", c."id", c."name", c."phoneNumber", c."timezone", (d."id" IS NOT NULL) AS "doNotCall", d."reason" AS "doNotCallReason", c."consentBasis"
            FROM "ScheduledCall" s JOIN "Contact" c ON c."id" = s."contactId" LEFT JOIN "Call" k ON k."id" = s."callId"
            LEFT JOIN "DoNotCallEntry" d ON d."organizationId" = c."organizationId" AND d."phoneNumber" = c."phoneNumber"
           WHERE s."organizationId" = ${organizationId} AND s."batchId" = ${batchId}
             AND (s."status" = 'FAILED' OR (s."status" = 'COMPLETED' AND k."outcome" = ANY(${[...UNANSWERED_OUTCOMES]}::text[])))
           ORDER BY s."scheduledTime", s."id"`;
        if (targets.length === 0)
          throw new AppError("conflict", "Nothing to retry: no call of this batch failed or went unanswered.", { extra: { batchState: "nothing_to_retry" } });

        const { planned, skipped } = planBatch(targets, rules, { start: now, staggerMinutes: batch.staggerMinutes });
        if (planned.length === 0)
          throw new AppError("conflict", "None of the failed or unanswered patients can be called now (do-not-call, no consent, or no valid number).", {
            extra: { skipped },
          });
        const variables = new Map(targets.map((target) => [target.id, target.dynamicVariables]));
        const times = planned.map((call) => +call.scheduledTime);
        const created = await tx.callBatch.create({
          data: {
            organizationId,
            name: `Retry of ${batch.name}`.slice(0, 120),
            createdByUserId: actor.userId,
            retryOfBatchId: batch.id,
            agentId: batch.agentId,
            fromNumber: batch.fromNumber,
            staggerMinutes: batch.staggerMinutes,
            scheduledCount: planned.length,
            skippedCount: skipped.length,
            movedCount: planned.filter((call) => call.requestedTime !== null).length,
            firstCallAt: new Date(Math.min(...times)),
            lastCallAt: new Date(Math.max(...times)),
            skipped: skipped as unknown as Prisma.InputJsonValue,
            scriptFirstMessage: batch.scriptFirstMessage,
            scriptPrompt: batch.scriptPrompt,
            scriptVariables: batch.scriptVariables as Prisma.InputJsonValue,
          },
          select: { id: true },
        });
        await tx.scheduledCall.createMany({
          data: planned.map((call) => ({
            organizationId,
            contactId: call.contactId,
            agentId: batch.agentId,
            fromNumber: batch.fromNumber,
            scheduledTime: call.scheduledTime,
            requestedTime: call.requestedTime,
            maxAttempts: rules.maxAttempts,
            dynamicVariables: (variables.get(call.contactId) ?? {}) as Prisma.InputJsonValue,
            batchId: created.id,
            createdByUserId: actor.userId,
          })),
        });
        await recordAuditEvent(tx, {
          organizationId,
          action: "BATCH_RETRIED",
          actor,
          targetType: "call_batch",
          targetId: batchId,
          data: { retryBatchId: created.id, retried: planned.length, skipped: skipped.length },
        });
        await recordActivity(tx, {
          organizationId,
          type: "CALLS_SCHEDULED",
          message: `Scheduled ${planned.length} retr${planned.length === 1 ? "y" : "ies"} of “${batch.name}”`,
          actorUserId: actor.userId,
          data: { batchId: created.id, retryOfBatchId: batchId, scheduled: planned.length, skipped: skipped.length },
        });
        return created.id;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Two retries at once: the second insert waited for the first and lost on the unique link.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("conflict", "This batch was already retried.");
    throw error;
  }
  const answer = await batchAnswer(organizationId, retryId);
  return { ...answer, message: `${answer.batch.scheduledCount} call(s) scheduled to retry` };
}
