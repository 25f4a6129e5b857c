import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SEALED_CALL_COLUMNS, sealCallColumn } from "@/lib/calls/history/sealed-call-fields";

let sequence = 0;

/**
 * `count` finished calls of an organization, one a minute back from `newest` (so the order is known),
 * each shaped by `each(i)`. Transcript, analysis and dynamic variables given in the clear are stored
 * sealed, as the app stores them. Returns their ids, newest first.
 */
export async function createCalls(
  organizationId: string,
  count: number,
  each: (i: number) => Partial<Prisma.CallCreateManyInput> = () => ({}),
  newest = new Date("2026-11-22T03:00:00Z"),
): Promise<string[]> {
  const run = `${Date.now().toString(36)}${(sequence++).toString(36)}`;
  const rows = Array.from({ length: count }, (_, i) => {
    const row: Prisma.CallCreateManyInput = {
      id: `call_${run}_${String(i).padStart(6, "0")}`,
      organizationId,
      toNumber: "+61255500001",
      status: "COMPLETED" as const,
      outcome: "resolved",
      createdAt: new Date(newest.getTime() - i * 60_000),
      ...each(i),
    };
    for (const column of SEALED_CALL_COLUMNS) {
      if (row[column] !== undefined && row[column] !== null) row[column] = sealCallColumn(column, row[column]) as Prisma.InputJsonObject;
    }
    return row;
  });
  await getDb().call.createMany({ data: rows });
  return rows.map((row) => row.id!);
}
