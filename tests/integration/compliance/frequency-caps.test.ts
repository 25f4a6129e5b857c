import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { claimDueCalls } from "@/lib/dispatch/claim-due-calls";
import { dispatchClaimedCall } from "@/lib/dispatch/dispatch-claimed-call";
import { runDispatcher } from "@/lib/dispatch/run-dispatcher";
import { createElevenLabsClient } from "@/lib/elevenlabs/client";
import { scheduleCalls } from "@/lib/scheduling/schedule-calls";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import { createCalls } from "../../factories/calls";
import { createDispatchOrganization, zoneAtNoon } from "../../factories/dispatch";
import { createContact, createUser } from "../../factories";

/**
 * The clinic is in London (UTC in December) and calls around the clock; the patient is in Sydney
 * (UTC+11), whose calling day 08:00–21:00 runs from 21:00 UTC the evening before to 10:00 UTC: a patient's
 * day straddles the clinic's midnight, so only days counted in the patient's zone give these answers.
 */
const SYDNEY = "Australia/Sydney";
const at = (iso: string) => new Date(iso);

describe("frequency caps per patient, in the patient's zone", () => {
  let simulator: Simulator;
  beforeAll(async () => {
    simulator = await createSimulator({ latencyMs: 0, failureRate: 0, callDurationMs: 60_000, webhookUrl: null, seed: 5 });
  });
  beforeEach(() => simulator.reset());
  afterAll(() => simulator.close());
  const client = () => createElevenLabsClient({ apiKey: "k", baseUrl: simulator.url, timeoutMs: 2_000 });

  async function clinic(caps: { maxCallsPerDay?: number; maxCallsPerWeek?: number; overCapAction?: "DEFER" | "SKIP" } = {}) {
    const organization = await createDispatchOrganization({ maxCallsPerDay: 1, maxCallsPerWeek: 3, ...caps });
    await getDb().organization.update({ where: { id: organization.id }, data: { timezone: "Europe/London" } });
    const user = await createUser();
    return { organization, user };
  }
  async function patient(organizationId: string, options: { timezone?: string; phoneNumber?: string; name?: string } = {}) {
    const contact = await createContact(organizationId, { name: options.name ?? "Mia Patel", phoneNumber: options.phoneNumber });
    return getDb().contact.update({ where: { id: contact.id }, data: { timezone: options.timezone ?? SYDNEY } });
  }
  /** A dial made earlier (any source): an outbound Call row at that instant. */
  const dialed = (organizationId: string, contactId: string, when: Date, toNumber = "+61255500001") =>
    createCalls(organizationId, 1, () => ({ contactId, toNumber, direction: "OUTBOUND", status: "COMPLETED" }), when);
  /** A scheduled call (a callback has no batch) due at `due`, claimed and dispatched at `now`; rows an earlier step left waiting are set aside. */
  async function dispatchAt(organizationId: string, contactId: string, due: Date, now: Date) {
    await getDb().scheduledCall.updateMany({ where: { organizationId, status: "PENDING" }, data: { status: "CANCELLED" } });
    const line = await getDb().organization.findUniqueOrThrow({
      where: { id: organizationId },
      select: { elevenLabsAgentId: true, elevenLabsPhoneNumberId: true },
    });
    const row = await getDb().scheduledCall.create({
      data: {
        organizationId,
        contactId,
        agentId: line.elevenLabsAgentId!,
        fromNumber: line.elevenLabsPhoneNumberId!,
        scheduledTime: due,
        dynamicVariables: { context: "call back" },
      },
    });
    const claimed = await claimDueCalls(organizationId, { runId: `run-${row.id}`, limit: 1, now });
    expect(claimed.map((c) => c.id)).toEqual([row.id]);
    const outcome = await dispatchClaimedCall(claimed[0]!, { runId: `run-${row.id}`, client: client(), now: () => now });
    return { outcome, row: await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id } }) };
  }

  it("the dispatcher defers a second call on the patient's same day to their next morning, attempt uncounted, nobody rung", async () => {
    const { organization } = await clinic();
    const mia = await patient(organization.id);
    // 08:30 in Sydney on 8 Dec (21:30 UTC on 7 Dec, the clinic's day before).
    await dialed(organization.id, mia.id, at("2026-12-07T21:30:00Z"));
    // 20:00 in Sydney on 8 Dec (09:00 UTC on 8 Dec): another clinic day, the same patient day.
    const { outcome, row } = await dispatchAt(organization.id, mia.id, at("2026-12-08T09:00:00Z"), at("2026-12-08T09:00:00Z"));
    expect(outcome).toBe("deferred");
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, lockedBy: null, dialStartedAt: null, nextAttemptAt: at("2026-12-08T21:00:00Z") }); // 08:00 on 9 Dec in Sydney
    expect(row.errorMessage).toMatch(/Mia Patel was already called that day \(at most 1 a day\)/);
    expect(simulator.dialsTo(mia.phoneNumber)).toBe(0);
    expect(await getDb().call.count({ where: { contactId: mia.id } })).toBe(1); // the aborted attempt left no Call row

    // Different patient days on the same clinic day: 20:30 on 8 Dec, then 08:30 on 9 Dec in Sydney.
    const noah = await patient(organization.id, { name: "Noah Jones" });
    await dialed(organization.id, noah.id, at("2026-12-08T09:30:00Z"));
    const next = await dispatchAt(organization.id, noah.id, at("2026-12-08T21:30:00Z"), at("2026-12-08T21:30:00Z"));
    expect(next.outcome).toBe("dialed");
    expect(next.row).toMatchObject({ status: "IN_PROGRESS", attempts: 1 });
    expect(simulator.dialsTo(noah.phoneNumber)).toBe(1);
  });

  it("with SKIP the call over the cap is cancelled with the reason; the weekly cap counts any 7 of the patient's days", async () => {
    const { organization } = await clinic({ overCapAction: "SKIP" });
    const mia = await patient(organization.id);
    // Mon, Tue, Wed 7–9 Dec at 10:00 Sydney; Sunday 13 Dec is within 7 days of Monday.
    for (const day of ["2026-12-06T23:00:00Z", "2026-12-07T23:00:00Z", "2026-12-08T23:00:00Z"]) await dialed(organization.id, mia.id, at(day));
    const sunday = at("2026-12-12T23:00:00Z");
    const { outcome, row } = await dispatchAt(organization.id, mia.id, sunday, sunday);
    expect(outcome).toBe("skipped");
    expect(row).toMatchObject({ status: "CANCELLED", attempts: 0 });
    expect(row.errorMessage).toMatch(/^Not called: Mia Patel was already called 3 times within 7 days \(at most 3 a week\)/);
    expect(simulator.dialsTo(mia.phoneNumber)).toBe(0);

    // Monday 14 Dec: Monday 7 Dec has left the 7 days, so the call goes out.
    const monday = at("2026-12-13T23:00:00Z");
    expect((await dispatchAt(organization.id, mia.id, monday, monday)).outcome).toBe("dialed");
  });

  it("scheduling a batch moves a patient's call past a callback already due that day, and says how many the caps moved", async () => {
    const { organization, user } = await clinic();
    await getDb().contact.deleteMany({ where: { organizationId: organization.id } });
    const [mia, noah] = [await patient(organization.id), await patient(organization.id, { name: "Noah Jones" })];
    const line = await getDb().organization.findUniqueOrThrow({
      where: { id: organization.id },
      select: { elevenLabsAgentId: true, elevenLabsPhoneNumberId: true },
    });
    // A callback Mia asked for, due at 19:00 Sydney on 8 Dec (08:00 UTC).
    await getDb().scheduledCall.create({
      data: {
        organizationId: organization.id,
        contactId: mia.id,
        agentId: line.elevenLabsAgentId!,
        fromNumber: line.elevenLabsPhoneNumberId!,
        scheduledTime: at("2026-12-08T08:00:00Z"),
      },
    });
    const now = at("2026-12-07T22:00:00Z"); // 09:00 Sydney on 8 Dec
    const input = { contactIds: [mia.id, noah.id], scheduledTime: now.toISOString(), staggerMinutes: 5 };

    const preview = await scheduleCalls({ organizationId: organization.id, userId: user.id }, input, { dryRun: true, now });
    expect(preview).toMatchObject({ scheduledCount: 2, cappedCount: 1, movedCount: 1 });
    const moved = (preview as { calls: { contactId: string; scheduledTime: Date; requestedTime: Date | null }[] }).calls.find((c) => c.contactId === mia.id)!;
    expect(moved.scheduledTime).toEqual(at("2026-12-08T21:00:00Z")); // 08:00 on 9 Dec, Sydney
    expect(moved.requestedTime).not.toBeNull();

    const written = (await scheduleCalls({ organizationId: organization.id, userId: user.id }, input, { now })) as { batch: { id: string } };
    expect(written.batch).toMatchObject({ scheduledCount: 2, movedCount: 1, cappedCount: 1 });
    const rows = await getDb().scheduledCall.findMany({ where: { batchId: written.batch.id }, select: { contactId: true, scheduledTime: true } });
    expect(rows.find((r) => r.contactId === mia.id)!.scheduledTime).toEqual(at("2026-12-08T21:00:00Z"));
    expect(rows.find((r) => r.contactId === noah.id)!.scheduledTime).toEqual(at("2026-12-07T22:05:00Z")); // the second slot of the stagger

    // With SKIP, the same request leaves Mia out and says why.
    await getDb().organization.update({ where: { id: organization.id }, data: { overCapAction: "SKIP" } });
    const skipping = await scheduleCalls(
      { organizationId: organization.id, userId: user.id },
      { ...input, contactIds: [mia.id], scheduledTime: "2026-12-07T23:00:00Z" },
      { dryRun: true, now: at("2026-12-07T23:00:00Z") },
    );
    expect(skipping).toMatchObject({
      scheduledCount: 0,
      cappedCount: 0,
      skipped: [{ contactId: mia.id, reason: expect.stringMatching(/^Over the call limit: Mia Patel was already called that day/) }],
    });
  });

  it("two calls for one patient due at once (a batch and a callback): one rings, the other waits for the patient's next day", async () => {
    const { organization } = await clinic();
    const zone = zoneAtNoon();
    const mia = await patient(organization.id, { timezone: zone });
    const line = await getDb().organization.findUniqueOrThrow({
      where: { id: organization.id },
      select: { elevenLabsAgentId: true, elevenLabsPhoneNumberId: true },
    });
    const due = new Date(Date.now() - 1_000);
    const base = {
      organizationId: organization.id,
      contactId: mia.id,
      agentId: line.elevenLabsAgentId!,
      fromNumber: line.elevenLabsPhoneNumberId!,
      scheduledTime: due,
    };
    await getDb().scheduledCall.createMany({ data: [base, { ...base, dynamicVariables: { context: "call back" } }] });

    // Two runs at once, each free to claim: the per-patient lock orders the two dials' checks.
    const [a, b] = await Promise.all([
      runDispatcher({ client: client(), budgetMs: 5_000, organizationId: organization.id, parallelism: 1 }),
      runDispatcher({ client: client(), budgetMs: 5_000, organizationId: organization.id, parallelism: 1 }),
    ]);
    expect(a.succeeded + b.succeeded).toBe(1);
    expect(a.deferred + b.deferred).toBe(1);
    expect(simulator.dialsTo(mia.phoneNumber)).toBe(1);
    const waiting = await getDb().scheduledCall.findFirstOrThrow({ where: { contactId: mia.id, status: "PENDING" } });
    expect(waiting.attempts).toBe(0);
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 6 * 3_600_000); // 08:00 tomorrow where it is noon now
  });

  it("Florida and Oklahoma numbers: 08:00–20:00 their time and at most 3 calls in any 24 hours", async () => {
    const { organization } = await clinic({ maxCallsPerDay: 10, maxCallsPerWeek: 50 });
    const florida = await patient(organization.id, { timezone: "America/New_York", phoneNumber: "+13055550142" });
    const newYork = await patient(organization.id, { timezone: "America/New_York", phoneNumber: "+12125550142" });
    const evening = at("2026-12-09T01:30:00Z"); // 20:30 on 8 Dec in New York
    const fl = await dispatchAt(organization.id, florida.id, evening, evening);
    expect(fl.outcome).toBe("deferred");
    expect(fl.row.nextAttemptAt).toEqual(at("2026-12-09T13:00:00Z")); // 08:00 on 9 Dec
    expect(simulator.dialsTo(florida.phoneNumber)).toBe(0);
    expect((await dispatchAt(organization.id, newYork.id, evening, evening)).outcome).toBe("dialed"); // federal 21:00

    // Three calls from 09:00, 12:00 and 15:00 on 9 Dec: the fourth waits until 09:00 on 10 Dec.
    const oklahoma = await patient(organization.id, { timezone: "America/Chicago", phoneNumber: "+14055550142" });
    for (const hour of ["15", "18", "21"]) {
      await dialed(organization.id, florida.id, at(`2026-12-09T${hour}:00:00Z`), florida.phoneNumber);
      await dialed(organization.id, oklahoma.id, at(`2026-12-09T${hour}:00:00Z`), oklahoma.phoneNumber);
      await dialed(organization.id, newYork.id, at(`2026-12-09T${hour}:00:00Z`), newYork.phoneNumber);
    }
    const later = at("2026-12-09T23:00:00Z"); // 18:00 New York, 17:00 Oklahoma City
    const capped = await dispatchAt(organization.id, florida.id, later, later);
    expect(capped.outcome).toBe("deferred");
    expect(capped.row.nextAttemptAt).toEqual(at("2026-12-10T15:00:00Z"));
    expect(capped.row.errorMessage).toMatch(/3 times within 24 hours/);
    expect((await dispatchAt(organization.id, oklahoma.id, later, later)).row.nextAttemptAt).toEqual(at("2026-12-10T15:00:00Z"));
    expect((await dispatchAt(organization.id, newYork.id, later, later)).outcome).toBe("dialed");
  });
});
