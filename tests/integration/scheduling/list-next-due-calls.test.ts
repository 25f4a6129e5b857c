import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { listNextDueCalls } from "@/lib/scheduling/list-next-due-calls";
import { createContact, createOrganization } from "../../factories";
import { createScheduledCallRows } from "../../factories/scheduling";

describe("the overview's Scheduled next", () => {
  it("lists pending calls by when each is next due: a call retrying tomorrow comes after today's, whatever its first time", async () => {
    const organization = await createOrganization();
    const other = await createOrganization();
    const [retrying, second, third, done] = await Promise.all(["Retrying", "Second", "Third", "Done"].map((name) => createContact(organization.id, { name })));
    const theirs = await createContact(other.id, { name: "Theirs" });
    const today = new Date(Date.now() + 60 * 60_000);
    const rows = await createScheduledCallRows(organization.id, [retrying!.id, second!.id, third!.id], { start: today, spacingMinutes: 10 });
    // The first call rang busy and retries tomorrow.
    await getDb().scheduledCall.update({ where: { id: rows[0]!.id }, data: { nextAttemptAt: new Date(+today + 86_400_000), attempts: 1 } });
    await createScheduledCallRows(organization.id, [done!.id], { start: new Date(+today - 60_000), status: "COMPLETED" });
    await createScheduledCallRows(other.id, [theirs.id], { start: new Date(+today - 120_000) });

    const next = await listNextDueCalls(organization.id, 5);
    expect(next.map((call) => call.contact?.name)).toEqual(["Second", "Third", "Retrying"]);
    expect((await listNextDueCalls(organization.id, 2)).map((call) => call.contact?.name)).toEqual(["Second", "Third"]);
  });
});
