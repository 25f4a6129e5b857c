import { getDb } from "@/lib/db";

/** The call back a running sequence waits on: whose, when it rings (a retry's time, else its own), and whether it rings now. */
export interface SequenceWait {
  callbackId: string;
  name: string;
  at: Date;
  ringing: boolean;
}

/**
 * For a page of batches, in one query: the call back each running sequence waits on (`heldByScheduledCallId`),
 * while that call back is still to end and the step it came from has ended — a call back the agent scheduled
 * while the step is still on the phone is not waited on yet (the card says the step is being called).
 */
export async function listSequenceWaits(organizationId: string, batchIds: string[]): Promise<Map<string, SequenceWait>> {
  if (batchIds.length === 0) return new Map();
  const rows = await getDb().$queryRaw<(SequenceWait & { batchId: string })[]>`
    SELECT b."id" AS "batchId", h."id" AS "callbackId", c."name", coalesce(h."nextAttemptAt", h."scheduledTime") AS "at", (h."status" = 'IN_PROGRESS') AS "ringing"
      FROM "CallBatch" b
      JOIN "ScheduledCall" h ON h."id" = b."heldByScheduledCallId" AND h."organizationId" = ${organizationId}
      JOIN "Contact" c ON c."id" = h."contactId"
      LEFT JOIN "ScheduledCall" s ON s."batchId" = b."id" AND s."sequenceIndex" = b."sequencePosition"
     WHERE b."organizationId" = ${organizationId} AND b."id" = ANY(${batchIds}::text[]) AND b."sequenceStatus" = 'RUNNING'
       AND h."status" IN ('PENDING', 'PAUSED', 'IN_PROGRESS')
       AND (s."id" IS NULL OR s."status" IN ('COMPLETED', 'FAILED', 'CANCELLED'))`;
  return new Map(rows.map(({ batchId, ...wait }) => [batchId, wait]));
}
