import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { startDispatchHarness, type DispatchHarness } from "./harness";

// Real concurrency needs real PostgreSQL (PGlite runs one statement at a time); the same test on
// PGlite still proves the bookkeeping, with fewer calls.
const DUE_CALLS = inject("databaseKind") === "postgres" ? 2_000 : 300;

describe("dispatcher: overlapping cron runs dial every due call exactly once", () => {
  let harness: DispatchHarness;
  beforeAll(async () => {
    // No voicemail: a voicemail is retried later (tested on its own), and this test counts single attempts.
    harness = await startDispatchHarness({ outcomeMix: { appointment_booked: 2, callback_scheduled: 1, not_interested: 1, voicemail: 0 } });
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.simulator.reset());

  it(`${DUE_CALLS} due calls in two clinics, 8 route invocations at once, then until none is left`, { timeout: 240_000 }, async () => {
    const clinics = await Promise.all([createDispatchOrganization({ concurrencyLimit: 30 }), createDispatchOrganization({ concurrencyLimit: 30 })]);
    const half = DUE_CALLS / 2;
    const contacts = [...(await createDueCalls(clinics[0].id, half, { offset: 0 })), ...(await createDueCalls(clinics[1].id, half, { offset: half }))];

    const first = await Promise.all(Array.from({ length: 8 }, () => harness.runCron()));
    expect(first.map((res) => res.status)).toEqual(Array(8).fill(200));
    let processed = 0;
    for (const res of first) processed += ((await res.json()) as { results: { processed: number } }).results.processed;

    for (let round = 0; round < 40; round++) {
      await harness.settle();
      const left = await getDb().scheduledCall.count({ where: { status: { in: ["PENDING", "IN_PROGRESS"] } } });
      if (left === 0) break;
      const more = await Promise.all(Array.from({ length: 4 }, () => harness.runCron()));
      for (const res of more) processed += ((await res.json()) as { results: { processed: number } }).results.processed;
    }
    await harness.settle();

    // Counted at the simulator: every number got exactly one dial.
    const dials = new Map<string, number>();
    for (const request of harness.simulator.requests) {
      if (request.path !== "/v1/convai/twilio/outbound-call") continue;
      const to = (request.body as { to_number: string }).to_number;
      dials.set(to, (dials.get(to) ?? 0) + 1);
    }
    expect(dials.size).toBe(DUE_CALLS);
    expect([...dials.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(contacts.map((contact) => contact.phoneNumber))).toEqual(new Set(dials.keys()));

    // Nothing forgotten: every scheduled call completed, with one attempt and one Call row.
    const byStatus = await getDb().scheduledCall.groupBy({ by: ["status"], where: { kind: "CALL" }, _count: true });
    expect(byStatus).toEqual([{ status: "COMPLETED", _count: DUE_CALLS }]);
    expect(await getDb().scheduledCall.count({ where: { kind: "CALL", attempts: { not: 1 } } })).toBe(0);
    // A "callback" outcome leaves a follow-up call back for the clinic to confirm, an hour on at the
    // earliest: waiting, not dialed.
    const followUps = await getDb().scheduledCall.findMany({ where: { kind: { not: "CALL" } }, select: { kind: true, status: true, attempts: true } });
    expect(followUps.length).toBeGreaterThan(0);
    expect(followUps.every((row) => row.kind === "CALLBACK" && row.status === "PENDING" && row.attempts === 0)).toBe(true);
    expect(await getDb().call.count({ where: { status: "COMPLETED", scheduledCallId: { not: null } } })).toBe(DUE_CALLS);
    expect(processed).toBeGreaterThan(0);
  });
});
