// Migration claim_writes_fewer_indexes: the indexes of ScheduledCall on columns that are null for most
// rows hold only the rows that have a value, so a claim (which rewrites the row) adds no entry to them.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { createContact, createOrganization } from "../../factories";
import { createCall } from "../../factories/contacts";
import { createBatchRow, createScheduledCallRows } from "../../factories/scheduling";
import { indexesPlannedFor } from "../helpers/plan-indexes";

const MOSTLY_NULL = {
  ScheduledCall_sourceCallId_idx: { column: "sourceCallId", lookup: Prisma.sql`"sourceCallId" = ${"call_x"}` },
  ScheduledCall_checkInId_idx: { column: "checkInId", lookup: Prisma.sql`"checkInId" = ${"checkin_x"}` },
  ScheduledCall_callId_key: { column: "callId", lookup: Prisma.sql`"callId" = ${"call_x"}` },
  ScheduledCall_batchId_sequenceIndex_key: { column: "sequenceIndex", lookup: Prisma.sql`"batchId" = ${"batch_x"} AND "sequenceIndex" = ${1}` },
} as const;

describe("ScheduledCall's indexes on mostly-null columns", () => {
  it("hold only the rows with a value", async () => {
    const rows = await getDb().$queryRaw<{ indexname: string; indexdef: string }[]>`
      SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ScheduledCall' AND indexname = ANY(${Object.keys(MOSTLY_NULL)})`;
    expect(rows).toHaveLength(4);
    for (const { indexname, indexdef } of rows) {
      const { column } = MOSTLY_NULL[indexname as keyof typeof MOSTLY_NULL];
      expect(indexdef, indexname).toMatch(new RegExp(`WHERE \\("${column}" IS NOT NULL\\)$`));
    }
  });

  it("still serve the lookups by their value (foreign keys and the latest attempt's call)", async () => {
    for (const [name, { lookup }] of Object.entries(MOSTLY_NULL)) {
      expect(await indexesPlannedFor(Prisma.sql`SELECT "id" FROM "ScheduledCall" WHERE ${lookup}`), name).toContain(name);
    }
  });

  it("still refuse a second row with the same call or the same waitlist place", async () => {
    const organization = await createOrganization();
    const contact = await createContact(organization.id);
    const [first, second] = await createScheduledCallRows(organization.id, [contact.id, contact.id], { start: new Date(), status: "PENDING" });
    const call = await createCall(organization.id, contact.id);
    await getDb().scheduledCall.update({ where: { id: first!.id }, data: { callId: call.id } });
    await expect(getDb().scheduledCall.update({ where: { id: second!.id }, data: { callId: call.id } })).rejects.toMatchObject({ code: "P2002" });

    const batch = await createBatchRow(organization.id);
    await getDb().scheduledCall.update({ where: { id: first!.id }, data: { batchId: batch.id, sequenceIndex: 1 } });
    await expect(getDb().scheduledCall.update({ where: { id: second!.id }, data: { batchId: batch.id, sequenceIndex: 1 } })).rejects.toMatchObject({
      code: "P2002",
    });
  });
});
