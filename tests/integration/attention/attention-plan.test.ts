import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ATTENTION_WINDOW_DAYS, itemsSql } from "@/lib/attention/list-attention";
import { createContact, createOrganization } from "../../factories";
import { createScheduledCallRows } from "../../factories/scheduling";
import { indexesPlannedFor } from "../helpers/plan-indexes";

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
    const indexes = await indexesPlannedFor(Prisma.sql`${itemsSql(organization.id, since)} WHERE d."id" IS NULL ORDER BY i."at" DESC, i."itemKey" LIMIT 50`);
    expect(indexes).toContain("ScheduledCall_failed_at_idx");
  });
});
