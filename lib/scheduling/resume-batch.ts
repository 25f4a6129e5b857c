import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/compliance/record-audit-event";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { restateBatchPlan } from "@/lib/scheduling/restate-batch-plan";
import { planBatch, type PlanContact, type SkippedContact } from "@/lib/scheduling/plan-batch";
import { BATCH_SKIPPED_KEPT } from "@/lib/scheduling/schemas";
import type { BatchActor } from "@/lib/scheduling/pause-batch";
import { advanceSequence } from "@/lib/scheduling/advance-sequence";

/** Rows per UPDATE when re-planning: each chunk travels as one JSON parameter. */
const UPDATE_CHUNK_ROWS = 2_500;

/**
 * Resumes a paused batch: its PAUSED calls get new times from now on (from their first time, for a batch that
 * has not begun), in their old order, with the batch's spacing, inside the clinic's calling hours and each
 * recipient's legal hours (the same planner as scheduling), and go back to PENDING. A contact put on the do-not-call list, whose consent
 * became "none", or whose number became undialable while the batch was paused is cancelled with the
 * reason instead, and counted with the batch's skipped contacts (its card's "N skipped"). One transaction; a batch
 * that is not paused is a 409 and changes nothing (a second resume finds pausedAt already cleared by the first).
 */
export async function resumeBatch(actor: BatchActor, batchId: string, now = new Date()) {
  const { organizationId } = actor;
  const rules = await loadCallingRules(organizationId);
  return getDb().$transaction(
    async (tx) => {
      const batch = await tx.callBatch.findFirst({ where: { id: batchId, organizationId }, select: { staggerMinutes: true, skipped: true } });
      if (!batch) throw notFound("Batch");
      const marked = await tx.callBatch.updateMany({ where: { id: batchId, organizationId, pausedAt: { not: null } }, data: { pausedAt: null } });
      if (marked.count === 0)
        throw new AppError("conflict", "This batch is not paused, so there is nothing to resume.", { extra: { batchState: "not_paused" } });

      // PlanContact keyed by the row: a contact may have more than one row in a batch.
      const rows = await tx.$queryRaw<(PlanContact & { dueAt: Date; contactId: string })[]>`
        SELECT s."id", s."contactId", coalesce(s."nextAttemptAt", s."scheduledTime") AS "dueAt", c."name", c."phoneNumber", c."timezone", (d."id" IS NOT NULL) AS "doNotCall", d."reason" AS "doNotCallReason", c."consentBasis"
          FROM "ScheduledCall" s JOIN "Contact" c ON c."id" = s."contactId"
          LEFT JOIN "DoNotCallEntry" d ON d."organizationId" = c."organizationId" AND d."phoneNumber" = c."phoneNumber"
         WHERE s."organizationId" = ${organizationId} AND s."batchId" = ${batchId} AND s."status" IN ('PAUSED', 'PENDING')
         ORDER BY coalesce(s."nextAttemptAt", s."scheduledTime"), s."id"
           FOR UPDATE OF s`;
      // From now, or from the first call's time when the batch has not begun: a pause of a batch planned for this
      // afternoon must not bring its calls forward to the moment it is resumed.
      const first = rows[0]?.dueAt;
      const start = first && +first > +now ? first : now;
      const { planned, skipped } = planBatch(rows, rules, { start, staggerMinutes: batch.staggerMinutes });

      for (let offset = 0; offset < planned.length; offset += UPDATE_CHUNK_ROWS) {
        const chunk = planned
          .slice(offset, offset + UPDATE_CHUNK_ROWS)
          .map((call) => ({ id: call.contactId, at: call.scheduledTime.toISOString(), asked: call.requestedTime?.toISOString() ?? null }));
        await tx.$executeRaw`
          UPDATE "ScheduledCall" s SET "status" = 'PENDING', "scheduledTime" = r."at", "requestedTime" = r."asked", "nextAttemptAt" = NULL, "updatedAt" = ${now}
            FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS r("id" text, "at" timestamptz, "asked" timestamptz)
           WHERE s."id" = r."id" AND s."organizationId" = ${organizationId} AND s."status" IN ('PAUSED', 'PENDING')`;
      }
      for (const reason of new Set(skipped.map((row) => row.reason))) {
        const ids = skipped.filter((row) => row.reason === reason).map((row) => row.contactId);
        await tx.scheduledCall.updateMany({
          where: { id: { in: ids }, organizationId, status: { in: ["PAUSED", "PENDING"] } },
          data: { status: "CANCELLED", cancelledAt: now, errorMessage: `Not called: ${reason}` },
        });
      }
      if (skipped.length > 0) {
        // The card's "N skipped" counts these patients too, and the batch's list of skipped contacts names them (by
        // contact: the planner was keyed by the row).
        const contactOf = new Map(rows.map((row) => [row.id, row.contactId]));
        const named: SkippedContact[] = skipped.map((entry) => ({ ...entry, contactId: contactOf.get(entry.contactId)! }));
        await tx.callBatch.update({
          where: { id: batchId, organizationId },
          data: {
            skippedCount: { increment: skipped.length },
            skipped: [...(batch.skipped as unknown as SkippedContact[]), ...named].slice(0, BATCH_SKIPPED_KEPT) as unknown as Prisma.InputJsonValue,
          },
        });
        // A sequence whose current step was just cancelled moves on to the next patient (a no-op for a staggered batch).
        await advanceSequence(tx, batchId, now);
      }
      const times = planned.map((call) => +call.scheduledTime);
      const firstCallAt = times.length ? new Date(Math.min(...times)) : null;
      const last = times.length ? new Date(Math.max(...times)) : null;
      await restateBatchPlan(tx, organizationId, batchId, now);

      await recordAuditEvent(tx, {
        organizationId,
        action: "BATCH_RESUMED",
        actor,
        targetType: "call_batch",
        targetId: batchId,
        data: { resumed: planned.length, cancelled: skipped.length, firstCallAt: firstCallAt?.toISOString() ?? null, lastCallAt: last?.toISOString() ?? null },
      });
      return {
        resumed: planned.length,
        cancelled: skipped.length,
        firstCallAt,
        lastCallAt: last,
        message:
          planned.length === 0
            ? skipped.length
              ? `Batch resumed; its ${skipped.length} paused call(s) were skipped and cancelled (do-not-call, no consent, no valid number or no calling hours in common)`
              : "Batch resumed; no paused calls were left"
            : `Resumed ${planned.length} call(s)${skipped.length ? `, ${skipped.length} skipped and cancelled (do-not-call, no consent, no valid number or no calling hours in common)` : ""}`,
      };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
