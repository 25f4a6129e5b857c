import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ATTENTION_WINDOW_DAYS, itemsSql } from "@/lib/attention/list-attention";
import { createContact, createOrganization } from "../../factories";
import { createScheduledCallRows } from "../../factories/scheduling";

/** Every index the plan of `sql` reads, by name. */
function indexesIn(plan: unknown): string[] {
  if (Array.isArray(plan)) return plan.flatMap(indexesIn);
  if (typeof plan !== "object" || plan === null) return [];
  const node = plan as Record<string, unknown>;
  return [...(typeof node["Index Name"] === "string" ? [node["Index Name"]] : []), ...Object.values(node).flatMap(indexesIn)];
}

describe("Needs attention at scale", () => {
  it("reads the failed scheduled calls of its window through an index on when they failed, not every failure the clinic ever had", async () => {
    const organization = await createOrganization();
    const contact = await createContact(organization.id);
    const now = new Date();
    // A long history of failures, a few of them recent.
    const rows = await createScheduledCallRows(organization.id, Array<string>(400).fill(contact.id), {
      start: new Date(+now - 300 * 86_400_000),
      status: "FAILED",
    });
    await getDb().scheduledCall.updateMany({
      where: { organizationId: organization.id, id: { in: rows.slice(5).map((row) => row.id) } },
      data: { executedAt: new Date(+now - 200 * 86_400_000) },
    });
    await getDb().$executeRaw`ANALYZE "ScheduledCall"`;

    const since = new Date(+now - ATTENTION_WINDOW_DAYS * 86_400_000);
    const plan = await getDb().$transaction(async (tx) => {
      // A test table is small enough to read whole; the question is which index serves the window when one must.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
      const [row] = await tx.$queryRaw<Array<{ "QUERY PLAN": unknown }>>(
        Prisma.sql`EXPLAIN (FORMAT JSON) ${itemsSql(organization.id, since)} WHERE d."id" IS NULL ORDER BY i."at" DESC, i."itemKey" LIMIT 50`,
      );
      return row!["QUERY PLAN"];
    });
    expect(indexesIn(plan)).toContain("ScheduledCall_failed_at_idx");
  });
});
