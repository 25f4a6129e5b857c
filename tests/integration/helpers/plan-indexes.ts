import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** Every index a plan (EXPLAIN's JSON) reads, by name. */
function indexesIn(plan: unknown): string[] {
  if (Array.isArray(plan)) return plan.flatMap(indexesIn);
  if (typeof plan !== "object" || plan === null) return [];
  const node = plan as Record<string, unknown>;
  return [...(typeof node["Index Name"] === "string" ? [node["Index Name"]] : []), ...Object.values(node).flatMap(indexesIn)];
}

/**
 * The indexes PostgreSQL reads for `query` when it must use one: a test table is small enough to read
 * whole, so sequential and bitmap scans are turned off for the question "which index serves this at scale".
 */
export async function indexesPlannedFor(query: Prisma.Sql): Promise<string[]> {
  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
    await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
    const [row] = await tx.$queryRaw<Array<{ "QUERY PLAN": unknown }>>(Prisma.sql`EXPLAIN (FORMAT JSON) ${query}`);
    return indexesIn(row!["QUERY PLAN"]);
  });
}
