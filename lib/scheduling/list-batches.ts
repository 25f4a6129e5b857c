import { z } from "zod";
import { getDb } from "@/lib/db";
import { decodeOpaqueCursor, encodeOpaqueCursor } from "@/lib/http/opaque-cursor";
import type { ScheduledCallStatus } from "@/lib/generated/prisma/enums";
import { batchResults } from "@/lib/scheduling/batch-results";
import { listSequenceWaits } from "@/lib/scheduling/list-sequence-waits";
import { emptyCounts, type StatusCounts } from "@/lib/scheduling/statuses";

/** The (createdAt, id) of the last batch of the page (newest first). */
const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().max(64) });

/**
 * The organization's batches, newest first (keyset), each with its calls counted by status; a sequence
 * also with where it is (`sequence`: its status, current step, who booked when it was filled, and the call back
 * it waits on while one holds it).
 */
export async function listBatches(organizationId: string, query: { cursor?: string; limit: number }) {
  const cursor = query.cursor ? decodeOpaqueCursor(query.cursor, cursorSchema) : null;
  const batches = await getDb().callBatch.findMany({
    where: {
      organizationId,
      ...(cursor ? { OR: [{ createdAt: { lt: new Date(cursor.t) } }, { createdAt: new Date(cursor.t), id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: {
      id: true,
      name: true,
      scheduledCount: true,
      skippedCount: true,
      movedCount: true,
      firstCallAt: true,
      lastCallAt: true,
      staggerMinutes: true,
      createdAt: true,
      createdByUserId: true,
      mode: true,
      sequenceStatus: true,
      sequencePosition: true,
      sequenceStoppedAt: true,
      filledByScheduledCallId: true,
      pausedAt: true,
      retryOfBatchId: true,
      retriedBy: { select: { id: true } },
    },
  });
  const page = batches.slice(0, query.limit);
  const ids = page.map((batch) => batch.id);
  const countRows = ids.length
    ? await getDb().$queryRaw<{ batchId: string; status: ScheduledCallStatus; count: number }[]>`
        SELECT "batchId", "status", count(*)::int AS "count" FROM "ScheduledCall"
         WHERE "organizationId" = ${organizationId} AND "batchId" = ANY(${ids}::text[]) GROUP BY 1, 2`
    : [];
  const counts = new Map<string, StatusCounts>(ids.map((id) => [id, emptyCounts()]));
  for (const row of countRows) counts.get(row.batchId)![row.status] = row.count;
  const fillerIds = page.map((batch) => batch.filledByScheduledCallId).filter((id): id is string => id !== null);
  const fillers = new Map(
    fillerIds.length
      ? (
          await getDb().scheduledCall.findMany({
            where: { organizationId, id: { in: fillerIds } },
            select: { id: true, sequenceIndex: true, contact: { select: { name: true } } },
          })
        ).map((row) => [row.id, row])
      : [],
  );
  const [results, waits] = await Promise.all([batchResults(organizationId, ids), listSequenceWaits(organizationId, ids)]);
  const last = page[page.length - 1];
  return {
    batches: page.map(({ filledByScheduledCallId, sequenceStatus, sequencePosition, sequenceStoppedAt, retriedBy, ...batch }) => {
      const filler = filledByScheduledCallId ? fillers.get(filledByScheduledCallId) : undefined;
      return {
        ...batch,
        counts: counts.get(batch.id)!,
        results: results.get(batch.id)!,
        retryBatchId: retriedBy?.id ?? null,
        sequence:
          batch.mode === "SEQUENCE" && sequenceStatus
            ? {
                status: sequenceStatus,
                position: sequencePosition ?? 1,
                stoppedAt: sequenceStoppedAt,
                bookedBy: filler ? { name: filler.contact.name, step: filler.sequenceIndex ?? 0 } : null,
                waitingFor: waits.get(batch.id) ?? null,
              }
            : null,
      };
    }),
    nextCursor: batches.length > query.limit && last ? encodeOpaqueCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
