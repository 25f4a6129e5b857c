import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { runDispatcher } from "@/lib/dispatch/run-dispatcher";
import { createElevenLabsClient, type ElevenLabsClient } from "@/lib/elevenlabs/client";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { startDispatchHarness, type DispatchHarness } from "./harness";

/** The real client, counting how many dial requests are open at once. */
function countingClient() {
  const client = createElevenLabsClient();
  const stats = { open: 0, peak: 0, total: 0 };
  const counted: ElevenLabsClient = {
    ...client,
    startOutboundCall: async (input) => {
      stats.open += 1;
      stats.total += 1;
      stats.peak = Math.max(stats.peak, stats.open);
      try {
        return await client.startOutboundCall(input);
      } finally {
        stats.open -= 1;
      }
    },
  };
  return { client: counted, stats };
}

describe("dispatcher run: bounded parallelism and the time budget", () => {
  let harness: DispatchHarness;
  beforeAll(async () => {
    // Each dial takes 100 ms to answer, so parallel dials overlap visibly.
    harness = await startDispatchHarness({ latencyMs: 100, callDurationMs: 60_000 });
  });
  afterAll(() => harness.close());

  it("dials with exactly the parallelism it is given: not one by one, not all at once", async () => {
    const organization = await createDispatchOrganization({ concurrencyLimit: 50 });
    await createDueCalls(organization.id, 20);
    const { client, stats } = countingClient();
    const summary = await runDispatcher({ client, budgetMs: 30_000, parallelism: 4, organizationId: organization.id });
    expect(summary.succeeded).toBe(20);
    expect(stats.total).toBe(20);
    expect(stats.peak).toBe(4);
  });

  it("stops claiming when the budget is spent and leaves the rest for the next run", async () => {
    const organization = await createDispatchOrganization({ concurrencyLimit: 50 });
    await createDueCalls(organization.id, 10, { offset: 100 });
    const { client } = countingClient();
    const spent = await runDispatcher({ client, budgetMs: 0, organizationId: organization.id });
    expect(spent).toMatchObject({ budgetExhausted: true, processed: 0 });
    expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id, status: "PENDING", attempts: 0 } })).toBe(10);

    // With a budget shorter than the work: some calls are placed, none is left claimed and undialed.
    const partial = await runDispatcher({ client, budgetMs: 150, parallelism: 2, organizationId: organization.id });
    expect(partial.budgetExhausted).toBe(true);
    expect(partial.succeeded).toBeGreaterThan(0);
    expect(partial.succeeded).toBeLessThan(10);
    expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id, status: "IN_PROGRESS", dialStartedAt: null } })).toBe(0);
    expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id, status: "PENDING" } })).toBe(10 - partial.succeeded);
  });
});
