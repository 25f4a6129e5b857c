import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { BATCH_RESPONSE_CALLS } from "@/lib/scheduling/schemas";
import { scheduledCallSelect, toScheduledCallView } from "@/lib/scheduling/scheduled-call-view";
import type { SkippedContact } from "@/lib/scheduling/plan-batch";

/**
 * The answer to POST /api/scheduled-calls, built from what was written, so an idempotent replay gets
 * the same answer as the first request. `scheduledCalls` is the first BATCH_RESPONSE_CALLS in time
 * order; `GET /api/scheduled-calls?batchId=` pages through all of them.
 */
export async function batchAnswer(organizationId: string, batchId: string) {
  const batch = await getDb().callBatch.findFirst({
    where: { id: batchId, organizationId },
    select: {
      id: true,
      name: true,
      scheduledCount: true,
      skippedCount: true,
      movedCount: true,
      cappedCount: true,
      firstCallAt: true,
      lastCallAt: true,
      staggerMinutes: true,
      mode: true,
      sequenceStatus: true,
      sequencePosition: true,
      agentId: true,
      fromNumber: true,
      skipped: true,
      createdAt: true,
      scriptFirstMessage: true,
      scriptPrompt: true,
      scriptVariables: true,
      pausedAt: true,
      retryOfBatchId: true,
      organization: { select: { timezone: true } },
    },
  });
  if (!batch) throw notFound("Batch");
  const rows = await getDb().scheduledCall.findMany({
    where: { batchId, organizationId },
    // A sequence lists its steps in calling order; a staggered batch in time order.
    orderBy: batch.mode === "SEQUENCE" ? [{ sequenceIndex: "asc" }] : [{ scheduledTime: "asc" }, { id: "asc" }],
    take: BATCH_RESPONSE_CALLS,
    select: scheduledCallSelect,
  });
  const { skipped, organization, fromNumber, scriptFirstMessage, scriptPrompt, scriptVariables, ...summary } = batch;
  const count = batch.scheduledCount;
  return {
    success: true as const,
    message: `${count} call(s) scheduled successfully`,
    batch: {
      ...summary,
      agentPhoneNumberId: fromNumber,
      script: { firstMessage: scriptFirstMessage, prompt: scriptPrompt, variables: scriptVariables as Record<string, string> },
      timeZone: organization.timezone,
      expectedFinishAt: batch.lastCallAt ? new Date(+batch.lastCallAt + batch.staggerMinutes * 60_000) : null,
    },
    scheduledCalls: rows.map(toScheduledCallView),
    /** True when the batch has more calls than `scheduledCalls` lists. */
    hasMoreScheduledCalls: count > rows.length,
    skipped: skipped as unknown as SkippedContact[],
  };
}
