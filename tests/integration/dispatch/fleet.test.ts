import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { runDispatcher } from "@/lib/dispatch/run-dispatcher";
import { createElevenLabsClient, type ElevenLabsClient } from "@/lib/elevenlabs/client";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { startDispatchHarness, type DispatchHarness } from "./harness";

const ANSWERED = { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 };

/** A clinic at its cap: `limit` answered calls still in progress, and a backlog due for an hour. */
async function cappedClinic(index: number, limit: number, backlog: number) {
  const organization = await createDispatchOrganization({ concurrencyLimit: limit });
  const contacts = await createDueCalls(organization.id, backlog, { offset: index * backlog, dueAt: new Date(Date.now() - 3_600_000) });
  await getDb().call.createMany({
    data: contacts.slice(0, limit).map((contact, i) => ({
      organizationId: organization.id,
      contactId: contact.id,
      status: "IN_PROGRESS" as const,
      toNumber: contact.phoneNumber,
      conversationId: `conv_busy_${index}_${i}`,
    })),
  });
  return { organization, contacts };
}

/** `count` of `make`, ten at a time (clinics are set up in parallel, not one by one). */
async function inBatches<T>(count: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const made: T[] = [];
  for (let start = 0; start < count; start += 10)
    made.push(...(await Promise.all(Array.from({ length: Math.min(10, count - start) }, (_, i) => make(start + i)))));
  return made;
}

/** The real client, recording the order numbers were dialed in. */
function recordingClient() {
  const client = createElevenLabsClient();
  const dialed: string[] = [];
  const recording: ElevenLabsClient = {
    ...client,
    startOutboundCall: (input) => {
      dialed.push(input.toNumber);
      return client.startOutboundCall(input);
    },
  };
  return { client: recording, dialed };
}

describe("dispatcher across many clinics", () => {
  let harness: DispatchHarness;
  beforeAll(async () => {
    // Calls stay open for the whole test: a freed slot never refills, so only the run under test dials.
    harness = await startDispatchHarness({ callDurationMs: 600_000, outcomeMix: ANSWERED });
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.simulator.reset());

  it("dials every one of 100 small clinics in one cron run while 150 clinics with older backlogs are at their cap", { timeout: 120_000 }, async () => {
    const capped = await inBatches(150, (i) => cappedClinic(i, 2, 5));
    const small = await inBatches(100, async (i) => {
      const organization = await createDispatchOrganization({ concurrencyLimit: 2 });
      const [contact] = await createDueCalls(organization.id, 1, { offset: 10_000 + i });
      return { organization, contact: contact! };
    });

    const res = await harness.runCron();
    expect(res.status).toBe(200);
    expect(((await res.json()) as { results: { succeeded: number } }).results.succeeded).toBe(100);

    for (const { contact } of small) expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(1);
    // The capped clinics stayed at their cap: none of their backlog was dialed.
    for (const { contacts } of capped) for (const contact of contacts) expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(0);
    const ids = (clinics: { organization: { id: string } }[]) => clinics.map((clinic) => clinic.organization.id);
    expect(await getDb().scheduledCall.count({ where: { organizationId: { in: ids(small) }, status: "IN_PROGRESS" } })).toBe(100);
    expect(await getDb().scheduledCall.count({ where: { organizationId: { in: ids(capped) }, status: "PENDING" } })).toBe(150 * 5);
  });

  it(
    "a clinic with 1,000 due calls and a high cap does not take the run from 50 small ones: each small clinic's call goes in the first turn",
    { timeout: 120_000 },
    async () => {
      const big = await createDispatchOrganization({ concurrencyLimit: 100 });
      // The big clinic's work is the oldest, so a longest-waiting-first queue without turns would serve it alone.
      await createDueCalls(big.id, 1_000, { dueAt: new Date(Date.now() - 3_600_000) });
      const small = await inBatches(50, async (i) => {
        const organization = await createDispatchOrganization({ concurrencyLimit: 3 });
        const [contact] = await createDueCalls(organization.id, 1, { offset: 20_000 + i });
        return contact!.phoneNumber;
      });
      const smallNumbers = new Set(small);

      const { client, dialed } = recordingClient();
      const parallelism = 10;
      const summary = await runDispatcher({ client, budgetMs: 60_000, parallelism });

      // First turn: one call of each of the 51 clinics, claimed before any second call. Dials of one
      // claim leave in any order, so the last of the first turn can leave up to a claim's worth later.
      const early = dialed.slice(0, 51 + parallelism - 1);
      expect(early.filter((number) => smallNumbers.has(number))).toHaveLength(50);
      expect(early.filter((number) => !smallNumbers.has(number))).toHaveLength(parallelism);
      // The big clinic then fills its own cap, and no more.
      expect(summary.succeeded).toBe(150);
      expect(await getDb().scheduledCall.count({ where: { organizationId: big.id, status: "IN_PROGRESS" } })).toBe(100);
    },
  );

  it("8 runs at once over 40 clinics fill every clinic's cap exactly, never beyond, and dial nobody twice", { timeout: 120_000 }, async () => {
    const clinics = await inBatches(40, async (i) => {
      const organization = await createDispatchOrganization({ concurrencyLimit: 3 });
      await createDueCalls(organization.id, 10, { offset: 30_000 + i * 10 });
      return organization.id;
    });

    const summaries = await Promise.all(Array.from({ length: 8 }, () => runDispatcher({ client: createElevenLabsClient(), budgetMs: 60_000, parallelism: 5 })));

    expect(summaries.reduce((sum, summary) => sum + summary.succeeded, 0)).toBe(40 * 3);
    const inFlight = await getDb().call.groupBy({
      by: ["organizationId"],
      where: { organizationId: { in: clinics }, status: { in: ["INITIATED", "IN_PROGRESS"] } },
      _count: true,
    });
    expect(inFlight).toHaveLength(40);
    expect(inFlight.every((row) => row._count === 3)).toBe(true);
    const dials = harness.simulator.requests.filter((request) => request.path === "/v1/convai/twilio/outbound-call");
    expect(new Set(dials.map((request) => (request.body as { to_number: string }).to_number)).size).toBe(dials.length);
    expect(dials).toHaveLength(120);
  });
});
