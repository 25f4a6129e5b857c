import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { getDb } from "@/lib/db";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import type { FaultMode } from "@/simulator/faults";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { seededRandom } from "../security/fuzz-values";
import { startDispatchHarness, WEBHOOK_SECRET, type DispatchHarness } from "./harness";

// Beyond failures.test.ts (one 500, one 422, one lost answer) and webhooks-and-sweeper.test.ts (one
// duplicate initiation failure, one late event, one missing webhook): storms over many rows, answers
// that never come, webhooks that overtake the dial's answer or each other, and a seeded chaos run.
// The invariants after each: nobody dialed twice for one attempt, nothing left IN_PROGRESS past a
// lease and a run, every row final with a reason.

const LEASE_AND_A_RUN_MS = 2 * 60_000 + 60_000;
const FINAL = ["COMPLETED", "FAILED", "CANCELLED"];

/** Moves the clock of the dispatcher's rows `ms` forward (every stored instant back), as waiting would. */
async function passTime(ms: number) {
  const shift = `interval '${Math.round(ms)} milliseconds'`;
  await getDb().$executeRawUnsafe(
    `UPDATE "ScheduledCall" SET "scheduledTime" = "scheduledTime" - ${shift}, "nextAttemptAt" = "nextAttemptAt" - ${shift}, "lockedUntil" = "lockedUntil" - ${shift}, "dialStartedAt" = "dialStartedAt" - ${shift}`,
  );
  await getDb().$executeRawUnsafe(`UPDATE "Call" SET "createdAt" = "createdAt" - ${shift}`);
}

function deliver(payload: unknown) {
  const body = JSON.stringify(payload);
  const signature = signElevenLabsPayload(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000));
  return webhookRoute(new Request("http://localhost/api/calls", { method: "POST", headers: { "elevenlabs-signature": signature }, body }), {
    params: Promise.resolve({}),
  });
}

/** A pass-through to the simulator that adds `Retry-After` to its 429s, as ElevenLabs may. */
function retryAfterProxy(target: string, seconds: number): Promise<Server> {
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      const headers = { ...answer.headers, ...(answer.statusCode === 429 ? { "retry-after": String(seconds) } : {}) };
      res.writeHead(answer.statusCode ?? 502, headers);
      answer.pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("fault injection: storms, lost answers, early, duplicated and out-of-order webhooks", () => {
  let harness: DispatchHarness;
  let webhookUrl: string | null;

  beforeAll(async () => {
    harness = await startDispatchHarness({ outcomeMix: { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 } });
    webhookUrl = harness.simulator.config().webhookUrl;
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.simulator.reset();
    harness.simulator.configure({ callDurationMs: 0, latencyMs: 0, webhookUrl });
  });

  async function run() {
    const res = await harness.runCron();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { processed: number; succeeded: number; failed: number }; reconciled: number; swept: number };
    await harness.settle();
    return body;
  }

  async function clinicWithDueCalls(count: number, maxAttempts = 5) {
    const organization = await createDispatchOrganization({ concurrencyLimit: 20, maxAttempts });
    const contacts = await createDueCalls(organization.id, count, { maxAttempts });
    return { organization, contacts };
  }

  /**
   * The invariants, for one clinic: no attempt id reached the simulator as two placed calls, no
   * number rang more often than its row has attempts, and every row is final with a reason.
   */
  async function expectEveryRowFinal(organizationId: string) {
    const rows = await getDb().scheduledCall.findMany({ where: { organizationId }, include: { contact: true } });
    const attemptIds = harness.simulator.calls.map((call) => call.userId).filter((id): id is string => id !== null);
    expect(new Set(attemptIds).size, "an attempt id was placed twice").toBe(attemptIds.length);
    // This clinic's dials only: earlier tests' clinics reuse the same fictional numbers.
    const ours = new Set((await getDb().call.findMany({ where: { organizationId }, select: { id: true } })).map((call) => call.id));
    for (const row of rows) {
      const rang = harness.simulator.calls.filter(
        (call) => call.userId !== null && ours.has(call.userId) && call.externalNumber === row.contact.phoneNumber,
      ).length;
      expect(rang, `${row.contact.phoneNumber} rang more often than it was attempted`).toBeLessThanOrEqual(row.attempts);
      expect(FINAL, `${row.id} is ${row.status} (${row.errorMessage})`).toContain(row.status);
      expect(row.attempts).toBeLessThanOrEqual(row.maxAttempts);
      if (row.status === "COMPLETED") expect(row.executedAt).not.toBeNull();
      else expect(row.errorMessage, `${row.id} ended ${row.status} without a reason`).toBeTruthy();
    }
    expect(await getDb().call.count({ where: { organizationId, status: { in: ["INITIATED", "IN_PROGRESS"] } } }), "a call left open").toBe(0);
  }

  /** Nothing may stay IN_PROGRESS once a lease and a run have passed without an open dial to reconcile. */
  async function expectNothingStuck(organizationId: string) {
    await passTime(LEASE_AND_A_RUN_MS);
    await run();
    const stuck = await getDb().scheduledCall.findMany({
      where: { organizationId, status: "IN_PROGRESS", OR: [{ lockedUntil: { lt: new Date() } }, { lockedUntil: null }], dialStartedAt: null },
    });
    expect(stuck, "rows IN_PROGRESS past their lease with no dial to reconcile").toEqual([]);
  }

  /** Runs the cron, letting time pass between runs, until every row is final (or the rounds run out). */
  async function driveToTheEnd(organizationId: string, rounds = 12) {
    for (let round = 0; round < rounds; round++) {
      const open = await getDb().scheduledCall.count({ where: { organizationId, status: { in: ["PENDING", "IN_PROGRESS"] } } });
      if (open === 0) return;
      await passTime(20 * 60_000); // past any provider backoff and the stale-call threshold
      await run();
    }
  }

  it("a 429 storm without Retry-After: every dial refused, nobody rung, all back to PENDING with backoff; then each rung once", async () => {
    const { organization, contacts } = await clinicWithDueCalls(8);
    harness.simulator.injectFault("429", 8);
    const started = Date.now();
    await run();
    const rows = await getDb().scheduledCall.findMany({ where: { organizationId: organization.id } });
    expect(harness.simulator.calls).toHaveLength(0);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "PENDING", dialStartedAt: null, lockedBy: null });
      expect(row.errorMessage).toBeTruthy();
      expect(+row.nextAttemptAt! - started).toBeGreaterThanOrEqual(24_000); // 30 s − 20 % jitter
    }
    await expectNothingStuck(organization.id);
    await driveToTheEnd(organization.id);
    await expectEveryRowFinal(organization.id);
    for (const contact of contacts) expect(harness.simulator.calls.filter((call) => call.externalNumber === contact.phoneNumber)).toHaveLength(1);
  });

  it("a 429 storm with Retry-After: 600: the next attempt waits at least that long (a floor over the backoff)", async () => {
    const proxy = await retryAfterProxy(harness.simulator.url, 600);
    const base = process.env.ELEVENLABS_API_BASE_URL;
    process.env.ELEVENLABS_API_BASE_URL = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const { organization } = await clinicWithDueCalls(4);
      harness.simulator.injectFault("429", 4);
      const started = Date.now();
      await run();
      const rows = await getDb().scheduledCall.findMany({ where: { organizationId: organization.id } });
      expect(rows.map((row) => row.status)).toEqual(["PENDING", "PENDING", "PENDING", "PENDING"]);
      for (const row of rows) expect(+row.nextAttemptAt! - started).toBeGreaterThanOrEqual(600_000);
      expect((await run()).results.processed).toBe(0); // not due inside the provider's window
      await passTime(10 * 60_000 + 1_000);
      await run();
      await expectEveryRowFinal(organization.id);
      expect(harness.simulator.calls).toHaveLength(4);
    } finally {
      process.env.ELEVENLABS_API_BASE_URL = base;
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it("timeouts after the request left ('hang': never placed; 'reset': connection cut): never redialed blindly, reconciled, then retried once", async () => {
    process.env.ELEVENLABS_TIMEOUT_MS = "300";
    try {
      const { organization, contacts } = await clinicWithDueCalls(2);
      harness.simulator.injectFault("hang");
      harness.simulator.injectFault("reset");
      await run();
      const rows = await getDb().scheduledCall.findMany({ where: { organizationId: organization.id } });
      expect(harness.simulator.calls).toHaveLength(0);
      // The request may have reached ElevenLabs: the row waits for reconciliation by attempt id, however many runs pass.
      for (const row of rows) expect(["IN_PROGRESS", "PENDING"]).toContain(row.status);
      const dialsBefore = harness.simulator.requests.filter((r) => r.path.endsWith("/outbound-call")).length;
      await getDb().scheduledCall.updateMany({
        where: { organizationId: organization.id, status: "IN_PROGRESS" },
        data: { lockedUntil: new Date(Date.now() - 1_000) },
      });
      await harness.runCron();
      const unknownStillUnknown = await getDb().scheduledCall.findMany({
        where: { organizationId: organization.id, status: "IN_PROGRESS", dialStartedAt: { not: null } },
      });
      const redials = harness.simulator.requests.filter((r) => r.path.endsWith("/outbound-call")).length - dialsBefore;
      expect(redials, "an attempt whose answer was lost was dialed again before reconciliation").toBeLessThanOrEqual(rows.length - unknownStillUnknown.length);

      await driveToTheEnd(organization.id);
      await expectEveryRowFinal(organization.id);
      for (const contact of contacts) expect(harness.simulator.calls.filter((call) => call.externalNumber === contact.phoneNumber)).toHaveLength(1);
    } finally {
      delete process.env.ELEVENLABS_TIMEOUT_MS;
    }
  });

  it("webhooks that arrive before the dial's answer (call over, or not connected, while the answer is still on its way)", async () => {
    harness.simulator.configure({ latencyMs: 400, callDurationMs: 0 });
    const answered = await clinicWithDueCalls(3);
    await run();
    expect(harness.simulator.deliveries.length).toBeGreaterThanOrEqual(3);
    await expectEveryRowFinal(answered.organization.id);
    const calls = await getDb().call.findMany({ where: { organizationId: answered.organization.id } });
    expect(calls.every((call) => call.conversationId !== null && call.status === "COMPLETED")).toBe(true);

    harness.simulator.reset();
    harness.simulator.configure({ latencyMs: 400, callDurationMs: 0, webhookUrl });
    const busy = await clinicWithDueCalls(1, 1);
    harness.simulator.injectFault("busy");
    await run();
    // call_initiation_failure carries no attempt id: one that overtakes the dial's answer matches no
    // conversation yet and is acknowledged unused. The row is not lost: the sweeper ends it from
    // ElevenLabs' record once the call is stale (staleCallMinutes) — a bounded wait, never a redial.
    let row = await getDb().scheduledCall.findFirstOrThrow({ where: { organizationId: busy.organization.id } });
    if (row.status === "IN_PROGRESS") {
      await passTime(21 * 60_000);
      expect((await run()).swept).toBe(1);
      row = await getDb().scheduledCall.findFirstOrThrow({ where: { organizationId: busy.organization.id } });
    }
    console.log(`[faults] an initiation failure before the dial's answer: ${row.status} "${row.errorMessage}"`);
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.errorMessage).toMatch(/busy/i);
    await expectEveryRowFinal(busy.organization.id);
  });

  it("duplicated and out-of-order webhooks: the first end wins, a late failure and repeats change nothing", async () => {
    harness.simulator.configure({ callDurationMs: 60_000, webhookUrl: null });
    const { organization } = await clinicWithDueCalls(1);
    expect((await harness.runCron()).status).toBe(200); // the call stays in flight: no settle
    const call = await getDb().call.findFirstOrThrow({ where: { organizationId: organization.id } });
    const simulated = harness.simulator.calls[0]!;
    const now = Math.floor(Date.now() / 1000);
    const transcription = {
      type: "post_call_transcription",
      event_timestamp: now,
      data: {
        agent_id: call.agentId,
        conversation_id: call.conversationId,
        status: "done",
        user_id: simulated.userId,
        transcript: [{ role: "agent", message: "Booked you in.", time_in_call_secs: 1 }],
        metadata: { start_time_unix_secs: now - 60, call_duration_secs: 60 },
        analysis: { transcript_summary: "Booked." },
      },
    };
    const lateFailure = {
      type: "call_initiation_failure",
      event_timestamp: now - 30,
      data: { agent_id: call.agentId, conversation_id: call.conversationId, failure_reason: "busy" },
    };

    // The end arrives three times at once, then a failure event that belongs before it.
    const answers = await Promise.all(
      [deliver(transcription), deliver(transcription), deliver(transcription)].map((res) => res.then((r) => r.json() as Promise<{ handled: boolean }>)),
    );
    await settledAfterResponse();
    expect(answers.filter((answer) => answer.handled)).toHaveLength(1);
    const late = (await (await deliver(lateFailure)).json()) as { handled: boolean };
    expect(late.handled).toBe(false);
    await settledAfterResponse();

    const row = await getDb().scheduledCall.findFirstOrThrow({ where: { organizationId: organization.id } });
    expect(row).toMatchObject({ status: "COMPLETED", attempts: 1 });
    expect(await getDb().call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ status: "COMPLETED" });
    expect(await getDb().activityEvent.count({ where: { callId: call.id, type: "CALL_COMPLETED" } })).toBe(1);
    expect(await getDb().activityEvent.count({ where: { callId: call.id, type: { in: ["CALL_NOT_CONNECTED", "CALL_RETRY_SCHEDULED"] } } })).toBe(0);
  });

  it("webhooks that never come, for a whole run of calls: the sweeper ends every one from ElevenLabs' record", async () => {
    harness.simulator.configure({ webhookUrl: null });
    const { organization } = await clinicWithDueCalls(6);
    harness.simulator.injectFault("no-answer");
    harness.simulator.injectFault("voicemail");
    await run();
    await harness.simulator.whenIdle();
    expect(await getDb().call.count({ where: { organizationId: organization.id, status: "INITIATED" } })).toBe(6);
    await driveToTheEnd(organization.id);
    await expectEveryRowFinal(organization.id);
  });

  it("seeded chaos: a random mix of every fault over 20 calls ends with every row final, nobody dialed twice per attempt", async () => {
    process.env.ELEVENLABS_TIMEOUT_MS = "300";
    try {
      const random = seededRandom(Number(process.env.FUZZ_SEED ?? 20_261_203));
      const modes: FaultMode[] = ["429", "500", "hang", "hang_after_dial", "reset", "busy", "no-answer", "voicemail", "appointment_booked", "not_interested"];
      const { organization } = await clinicWithDueCalls(20, 4);
      for (let round = 0; round < 8; round++) {
        harness.simulator.clearFaults();
        for (let i = 0; i < 20; i++) harness.simulator.injectFault(modes[Math.floor(random() * modes.length)]!);
        harness.simulator.configure({ webhookUrl: random() < 0.3 ? null : webhookUrl, callDurationMs: 0 });
        await passTime(20 * 60_000);
        await run();
        await expectNothingStuckOnlyIfNoDial(organization.id);
      }
      harness.simulator.clearFaults();
      harness.simulator.configure({ webhookUrl });
      await driveToTheEnd(organization.id, 20);
      await expectEveryRowFinal(organization.id);
    } finally {
      delete process.env.ELEVENLABS_TIMEOUT_MS;
    }
  });

  /** Mid-chaos: rows IN_PROGRESS without a dial sent must be within their lease. */
  async function expectNothingStuckOnlyIfNoDial(organizationId: string) {
    const stuck = await getDb().scheduledCall.count({
      where: { organizationId, status: "IN_PROGRESS", dialStartedAt: null, lockedUntil: { lt: new Date(Date.now() - LEASE_AND_A_RUN_MS) } },
    });
    expect(stuck).toBe(0);
  }
});
