import { TZDate } from "@date-fns/tz";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { claimDueCalls } from "@/lib/dispatch/claim-due-calls";
import { dispatchClaimedCall } from "@/lib/dispatch/dispatch-claimed-call";
import { createElevenLabsClient } from "@/lib/elevenlabs/client";
import { createDispatchOrganization, createDueCalls, zoneAtNight } from "../../factories/dispatch";
import { startDispatchHarness, type DispatchHarness } from "./harness";
import { listDoNotCall } from "../../factories/do-not-call";

const ANSWERED = { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 };

describe("dispatcher: crashes, retries and re-checks", () => {
  let harness: DispatchHarness;
  beforeAll(async () => {
    harness = await startDispatchHarness({ outcomeMix: ANSWERED });
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.simulator.reset();
    harness.simulator.configure({ callDurationMs: 0 });
  });

  /** One cron run; by default waits for the calls it placed to end (not for calls held open on purpose). */
  async function run(options: { settle?: boolean } = {}) {
    const res = await harness.runCron();
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      results: { processed: number; succeeded: number; failed: number };
      deferred: number;
      reconciled: number;
      swept: number;
      skipped: number;
    };
    if (options.settle !== false) await harness.settle();
    return body;
  }
  const row = (id: string) => getDb().scheduledCall.findUniqueOrThrow({ where: { id } });
  async function oneDueCall(options: Parameters<typeof createDueCalls>[2] & { limit?: number } = {}) {
    const organization = await createDispatchOrganization({ concurrencyLimit: options.limit ?? 10 });
    const [contact] = await createDueCalls(organization.id, 1, options);
    const scheduled = await getDb().scheduledCall.findFirstOrThrow({ where: { contactId: contact!.id } });
    return { organization, contact: contact!, scheduled };
  }

  it("a run that dies after claiming: the row waits for its lease, then is dialed once with the same attempt", async () => {
    const { organization, contact, scheduled } = await oneDueCall();
    const [claimed] = await claimDueCalls(organization.id, { runId: "run-that-crashed", limit: 10, now: new Date() });
    expect(claimed).toMatchObject({ id: scheduled.id, attempts: 1 });

    expect((await run()).results.processed).toBe(0); // the lease is still live
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(0);

    await getDb().scheduledCall.update({ where: { id: scheduled.id }, data: { lockedUntil: new Date(Date.now() - 1_000) } });
    expect((await run()).results.succeeded).toBe(1);
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(1);
    expect(await row(scheduled.id)).toMatchObject({ status: "COMPLETED", attempts: 1 });

    // The crashed run wakes up and tries to dial what it claimed: the lease is not its own any more.
    const context = { runId: "run-that-crashed", client: createElevenLabsClient(), now: () => new Date() };
    expect(await dispatchClaimedCall(claimed!, context)).toBe("lost");
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(1);
  });

  it("a dial whose answer never came is reconciled by attempt id, never redialed", async () => {
    process.env.ELEVENLABS_TIMEOUT_MS = "300";
    try {
      harness.simulator.configure({ callDurationMs: 60_000 });
      const { contact, scheduled } = await oneDueCall();
      harness.simulator.injectFault("hang_after_dial");
      const first = await run({ settle: false });
      expect(first.results.processed).toBe(1);
      const call = await getDb().call.findFirstOrThrow({ where: { scheduledCallId: scheduled.id } });
      expect(call).toMatchObject({ status: "INITIATED", conversationId: null });
      expect((await row(scheduled.id)).dialStartedAt).not.toBeNull();

      // Later runs never dial it again, even after its lease ran out.
      await getDb().scheduledCall.update({ where: { id: scheduled.id }, data: { lockedUntil: new Date(Date.now() - 1_000) } });
      await run({ settle: false });
      expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(1);

      // A minute on, the run looks the attempt up by user_id and adopts the conversation.
      await getDb().call.update({ where: { id: call.id }, data: { createdAt: new Date(Date.now() - 2 * 60_000) } });
      expect((await run({ settle: false })).reconciled).toBe(1);
      const conversationId = harness.simulator.calls[0]!.conversationId;
      expect(await getDb().call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ conversationId });
      expect((await row(scheduled.id)).providerCallId).toBe(conversationId);

      // The call ends; its webhook finds the call by conversation id and completes both rows.
      while (harness.simulator.advance() > 0);
      await harness.settle();
      expect(await row(scheduled.id)).toMatchObject({ status: "COMPLETED", attempts: 1 });
      expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(1);
    } finally {
      delete process.env.ELEVENLABS_TIMEOUT_MS;
    }
  });

  it("a retryable provider error (500) goes back to PENDING with backoff, then succeeds on the next attempt", async () => {
    const { contact, scheduled } = await oneDueCall();
    harness.simulator.injectFault("500");
    const before = Date.now();
    await run();
    const retry = await row(scheduled.id);
    expect(retry).toMatchObject({ status: "PENDING", attempts: 1, dialStartedAt: null, lockedBy: null });
    expect(retry.errorMessage).toContain("Simulated internal server error");
    // 30 s ± 20 % for the first provider retry.
    expect(+retry.nextAttemptAt! - before).toBeGreaterThanOrEqual(24_000);
    expect(+retry.nextAttemptAt! - Date.now()).toBeLessThanOrEqual(36_000);

    expect((await run()).results.processed).toBe(0); // not due yet
    await getDb().scheduledCall.update({ where: { id: scheduled.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    expect((await run()).results.succeeded).toBe(1);
    expect(await row(scheduled.id)).toMatchObject({ status: "COMPLETED", attempts: 2 });
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(2);
    expect(await getDb().call.count({ where: { scheduledCallId: scheduled.id } })).toBe(2);
  });

  it("a dial the provider refused for now (429) rang nobody: with 1 call a day, its retry still rings today", async () => {
    const organization = await createDispatchOrganization({ maxCallsPerDay: 1, maxCallsPerWeek: 3 });
    const [contact] = await createDueCalls(organization.id, 1);
    const scheduled = await getDb().scheduledCall.findFirstOrThrow({ where: { contactId: contact!.id } });
    harness.simulator.injectFault("429");
    await run();
    expect(await row(scheduled.id)).toMatchObject({ status: "PENDING", attempts: 1 });
    await getDb().scheduledCall.update({ where: { id: scheduled.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    expect((await run()).results.succeeded).toBe(1);
    expect(await row(scheduled.id)).toMatchObject({ status: "COMPLETED", attempts: 2 });
    // Both attempts are kept: the refused one (FAILED, no conversation) and the one that rang.
    expect(await getDb().call.findMany({ where: { contactId: contact!.id }, select: { status: true }, orderBy: { createdAt: "asc" } })).toEqual([
      { status: "FAILED" },
      { status: "COMPLETED" },
    ]);
  });

  it("a permanent refusal (422: the number cannot be called) fails at once, with the provider's words", async () => {
    const { scheduled } = await oneDueCall();
    harness.simulator.injectFault("422");
    expect((await run()).results.failed).toBe(1);
    const failed = await row(scheduled.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.errorMessage).toContain("cannot be called");
    expect(failed.executedAt).not.toBeNull();
  });

  it("stops at maxAttempts and says so", async () => {
    const { scheduled } = await oneDueCall({ maxAttempts: 2 });
    harness.simulator.injectFault("500", 2);
    await run();
    await getDb().scheduledCall.update({ where: { id: scheduled.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    await run();
    const failed = await row(scheduled.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(failed.errorMessage).toMatch(/No attempts left \(2 of 2\)/);
    await getDb().scheduledCall.update({ where: { id: scheduled.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    expect((await run()).results.processed).toBe(0);
  });

  it("outside the recipient's legal hours: back to PENDING at their next 08:00, attempt not counted, nobody rung", async () => {
    const zone = zoneAtNight();
    const { contact, scheduled } = await oneDueCall({ timezone: zone });
    const result = await run();
    expect(result.deferred).toBe(1);
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(0);
    const deferred = await row(scheduled.id);
    expect(deferred).toMatchObject({ status: "PENDING", attempts: 0 });
    const local = new TZDate(+deferred.nextAttemptAt!, zone);
    expect([local.getHours(), local.getMinutes()]).toEqual([8, 0]);
    expect(+deferred.nextAttemptAt!).toBeGreaterThan(Date.now());
  });

  it("a contact put on the do-not-call list after scheduling is not rung: cancelled with the reason", async () => {
    const { contact, scheduled } = await oneDueCall();
    await listDoNotCall(contact.organizationId, [contact.phoneNumber]);
    expect((await run()).skipped).toBe(1);
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(0);
    const cancelled = await row(scheduled.id);
    expect(cancelled).toMatchObject({ status: "CANCELLED", attempts: 0 });
    expect(cancelled.errorMessage).toMatch(/^Do not call: not dialed, .* is on the do-not-call list/);
  });

  it("a contact whose consent became none after scheduling is not rung: cancelled with the reason", async () => {
    const { contact, scheduled } = await oneDueCall();
    await getDb().contact.update({ where: { id: contact.id }, data: { consentBasis: "NONE" } });
    expect((await run()).skipped).toBe(1);
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(0);
    expect(await row(scheduled.id)).toMatchObject({
      status: "CANCELLED",
      cancelReason: "no_consent",
      attempts: 0,
      lockedBy: null,
      errorMessage: `No consent: not dialed, ${contact.name} has agreed to no calls`,
    });
    expect(await getDb().call.count({ where: { contactId: contact.id } })).toBe(0);
  });

  it("a contact who agreed to care reminders is dialed", async () => {
    const { contact, scheduled } = await oneDueCall();
    await getDb().contact.update({ where: { id: contact.id }, data: { consentBasis: "CARE_REMINDERS" } });
    expect((await run()).results.succeeded).toBe(1);
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(1);
    expect(await row(scheduled.id)).toMatchObject({ status: "COMPLETED" });
  });

  it("a cancelled call is never claimed", async () => {
    const { organization, contact, scheduled } = await oneDueCall();
    await getDb().scheduledCall.update({ where: { id: scheduled.id }, data: { status: "CANCELLED" } });
    expect(await claimDueCalls(organization.id, { runId: "r", limit: 10, now: new Date() })).toEqual([]);
    await run();
    expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(0);
  });
});
