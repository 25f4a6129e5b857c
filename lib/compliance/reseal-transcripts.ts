import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { openCallColumn, sealCallColumn, SEALED_CALL_COLUMNS } from "@/lib/calls/history/sealed-call-fields";
import { isSealedWithCurrentKey } from "@/lib/crypto/sealed-json";

export interface ResealResult {
  /** Calls looked at (those with a transcript, analysis or variables). */
  scanned: number;
  /** Calls whose values were sealed again with the current key. */
  resealed: number;
  /** Calls changed by someone else meanwhile (a late webhook): left for the next run. */
  skipped: number;
}

/**
 * The second half of a key rotation: every call value sealed with the previous key (or stored in the
 * clear before encryption existed) is opened and sealed again with TRANSCRIPT_ENCRYPTION_KEY, in keyset
 * batches across all clinics. Each row is written only if it did not change since it was read
 * (`updatedAt`), so a webhook landing meanwhile is never overwritten. Safe to run again: values already
 * under the current key are not touched. When it reports 0 resealed and 0 skipped, the previous key can go.
 */
export async function resealTranscripts(options: { batchSize?: number; onBatch?: (progress: ResealResult) => void } = {}): Promise<ResealResult> {
  const batchSize = options.batchSize ?? 500;
  const result: ResealResult = { scanned: 0, resealed: 0, skipped: 0 };
  let after = "";
  for (;;) {
    const rows = await getDb().call.findMany({
      where: { id: { gt: after }, OR: SEALED_CALL_COLUMNS.map((column) => ({ [column]: { not: Prisma.AnyNull } })) },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, updatedAt: true, transcript: true, analysis: true, dynamicVariables: true },
    });
    if (rows.length === 0) return result;
    after = rows.at(-1)!.id;
    for (const row of rows) {
      result.scanned++;
      const stale = SEALED_CALL_COLUMNS.filter((column) => row[column] !== null && !isSealedWithCurrentKey(row[column]));
      if (stale.length === 0) continue;
      const data = Object.fromEntries(stale.map((column) => [column, sealCallColumn(column, openCallColumn(column, row[column])) as Prisma.InputJsonValue]));
      // updatedAt is kept as it was: a re-encryption is not a change anyone made to the call.
      const { count } = await getDb().call.updateMany({ where: { id: row.id, updatedAt: row.updatedAt }, data: { ...data, updatedAt: row.updatedAt } });
      if (count === 1) result.resealed++;
      else result.skipped++;
    }
    options.onBatch?.({ ...result });
  }
}
