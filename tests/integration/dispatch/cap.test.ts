import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { startDispatchHarness, type DispatchHarness } from "./harness";

describe("dispatcher: the clinic's concurrency cap", () => {
  let harness: DispatchHarness;
  beforeAll(async () => {
    // Calls that last a moment, so runs overlap with calls in flight and refills fill freed slots.
    harness = await startDispatchHarness({
      latencyMs: 20,
      callDurationMs: 150,
      outcomeMix: { appointment_booked: 1, callback_scheduled: 1, not_interested: 1, voicemail: 0 },
    });
  });
  afterAll(() => harness.close());

  it("never has more than 5 calls in flight at the simulator with limit 5, 50 due calls and overlapping runs", { timeout: 120_000 }, async () => {
    const organization = await createDispatchOrganization({ concurrencyLimit: 5 });
    await createDueCalls(organization.id, 50);

    for (let round = 0; round < 100; round++) {
      // Four runs at once, and again while the previous calls are still ringing.
      await Promise.all(Array.from({ length: 4 }, () => harness.runCron()));
      if ((await getDb().scheduledCall.count({ where: { status: { in: ["PENDING", "IN_PROGRESS"] } } })) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await harness.settle();

    expect(await getDb().scheduledCall.count({ where: { status: "COMPLETED" } })).toBe(50);
    expect(harness.simulator.peakInFlight()).toBeLessThanOrEqual(5);
    // The cap is reached, not merely respected by dialing one at a time.
    expect(harness.simulator.peakInFlight()).toBe(5);
    // Nobody was refused by the provider for concurrency (the cap held on our side).
    expect(harness.simulator.requests.filter((request) => request.status === 429)).toHaveLength(0);
  });
});
