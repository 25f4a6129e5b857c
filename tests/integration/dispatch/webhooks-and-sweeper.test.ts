import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { getDb } from "@/lib/db";
import { openCallColumn } from "@/lib/calls/history/sealed-call-fields";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { createElevenLabsClient, type ElevenLabsClient } from "@/lib/elevenlabs/client";
import { sweepOpenCalls } from "@/lib/dispatch/sweep-open-calls";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { startDispatchHarness, WEBHOOK_SECRET, type DispatchHarness } from "./harness";

function deliver(payload: unknown) {
  const body = JSON.stringify(payload);
  const signature = signElevenLabsPayload(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000));
  return webhookRoute(new Request("http://localhost/api/calls", { method: "POST", headers: { "elevenlabs-signature": signature }, body }), {
    params: Promise.resolve({}),
  });
}

describe("webhooks and the sweeper finish scheduled calls", () => {
  let harness: DispatchHarness;
  let webhookUrl: string | null;
  beforeAll(async () => {
    harness = await startDispatchHarness({ outcomeMix: { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 } });
    webhookUrl = harness.simulator.config().webhookUrl;
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.simulator.reset();
    // The phone rings for a quarter of this: long enough that a failure event comes after the dial's
    // answer, as on a real line (call_initiation_failure does not carry our attempt id).
    harness.simulator.configure({ callDurationMs: 400, webhookUrl });
  });

  async function dialOne(options: { maxAttempts?: number; retryVoicemail?: boolean; staleCallMinutes?: number } = {}) {
    const organization = await createDispatchOrganization({ retryVoicemail: options.retryVoicemail, staleCallMinutes: options.staleCallMinutes });
    const [contact] = await createDueCalls(organization.id, 1, { maxAttempts: options.maxAttempts });
    expect((await harness.runCron()).status).toBe(200);
    const scheduled = await getDb().scheduledCall.findFirstOrThrow({ where: { contactId: contact!.id } });
    return { organization, contact: contact!, scheduled };
  }
  const row = (id: string) => getDb().scheduledCall.findUniqueOrThrow({ where: { id } });

  it("a transcription webhook completes the scheduled call (executedAt set)", async () => {
    const { scheduled } = await dialOne();
    await harness.settle();
    const done = await row(scheduled.id);
    expect(done).toMatchObject({ status: "COMPLETED", attempts: 1, errorMessage: null });
    expect(done.executedAt).not.toBeNull();
  });

  it("busy: back to PENDING with a long backoff inside calling hours; with no attempts left, FAILED with the reason", async () => {
    harness.simulator.injectFault("busy");
    const { scheduled } = await dialOne({ maxAttempts: 2 });
    await harness.settle();
    const retry = await row(scheduled.id);
    expect(retry).toMatchObject({ status: "PENDING", attempts: 1, errorMessage: "The line was busy" });
    expect(+retry.nextAttemptAt! - Date.now()).toBeGreaterThan(11 * 60_000); // 15 min − 20 % jitter

    await getDb().scheduledCall.update({ where: { id: scheduled.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    harness.simulator.injectFault("no-answer");
    await harness.runCron();
    await harness.settle();
    const failed = await row(scheduled.id);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(failed.errorMessage).toBe("Nobody answered. No attempts left (2 of 2).");
  });

  it("voicemail is retried like no answer when the clinic wants it, and completes the call when it does not", async () => {
    harness.simulator.injectFault("voicemail");
    const retried = await dialOne({ retryVoicemail: true });
    await harness.settle();
    expect(await row(retried.scheduled.id)).toMatchObject({ status: "PENDING", errorMessage: "Reached voicemail" });

    harness.simulator.injectFault("voicemail");
    const kept = await dialOne({ retryVoicemail: false });
    await harness.settle();
    expect(await row(kept.scheduled.id)).toMatchObject({ status: "COMPLETED" });
  });

  it("duplicate and concurrent deliveries of one event change the scheduled call once", async () => {
    harness.simulator.configure({ callDurationMs: 60_000, webhookUrl: null });
    const { scheduled } = await dialOne();
    const call = await getDb().call.findFirstOrThrow({ where: { scheduledCallId: scheduled.id } });
    const event = {
      type: "call_initiation_failure",
      event_timestamp: Math.floor(Date.now() / 1000),
      data: { agent_id: call.agentId, conversation_id: call.conversationId, failure_reason: "busy" },
    };

    const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(event).then((res) => res.json() as Promise<{ handled: boolean }>)));
    await settledAfterResponse();
    expect(answers.filter((answer) => answer.handled)).toHaveLength(1);
    expect(await row(scheduled.id)).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(await getDb().activityEvent.count({ where: { callId: call.id, type: "CALL_RETRY_SCHEDULED" } })).toBe(1);
    expect(await getDb().activityEvent.count({ where: { callId: call.id, type: "CALL_NOT_CONNECTED" } })).toBe(1);
  });

  it("a late event of an older attempt does not touch the newer attempt", async () => {
    harness.simulator.configure({ callDurationMs: 60_000, webhookUrl: null });
    const { scheduled } = await dialOne();
    const first = await getDb().call.findFirstOrThrow({ where: { scheduledCallId: scheduled.id } });
    await deliver({
      type: "call_initiation_failure",
      event_timestamp: 1,
      data: { agent_id: first.agentId, conversation_id: first.conversationId, failure_reason: "busy" },
    });
    await settledAfterResponse(); // the refill it started finds nothing due yet
    await getDb().scheduledCall.update({ where: { id: scheduled.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    await harness.runCron();
    const second = await row(scheduled.id);
    expect(second).toMatchObject({ status: "IN_PROGRESS", attempts: 2 });
    expect(second.callId).not.toBe(first.id);
    // The first attempt's conversation "ends" again: nothing changes for attempt 2.
    await deliver({
      type: "post_call_transcription",
      event_timestamp: 1,
      data: {
        agent_id: first.agentId,
        conversation_id: first.conversationId,
        status: "done",
        transcript: [],
        metadata: { start_time_unix_secs: 1, call_duration_secs: 1 },
        analysis: {},
      },
    });
    expect(await row(scheduled.id)).toMatchObject({ status: "IN_PROGRESS", callId: second.callId });
  });

  it("the sweeper finishes a call whose webhook never came, from ElevenLabs' conversation record", async () => {
    harness.simulator.configure({ webhookUrl: null });
    const { scheduled, organization } = await dialOne({ staleCallMinutes: 20 });
    await harness.simulator.whenIdle(); // the call ended at the simulator; no webhook was sent
    const call = await getDb().call.findFirstOrThrow({ where: { scheduledCallId: scheduled.id } });
    expect(call.status).toBe("INITIATED");

    // Not stale yet: left alone.
    let body = (await (await harness.runCron()).json()) as { swept: number };
    expect(body.swept).toBe(0);

    await getDb().call.update({ where: { id: call.id }, data: { createdAt: new Date(Date.now() - 21 * 60_000) } });
    body = (await (await harness.runCron()).json()) as { swept: number };
    expect(body.swept).toBe(1);
    const finished = await getDb().call.findUniqueOrThrow({ where: { id: call.id } });
    expect(finished).toMatchObject({ status: "COMPLETED", outcome: "resolved", reportedOutcome: "appointment_booked" });
    expect(JSON.stringify(openCallColumn("transcript", finished.transcript))).toContain("Contact");
    expect(await row(scheduled.id)).toMatchObject({ status: "COMPLETED" });
    expect(await getDb().call.count({ where: { organizationId: organization.id, status: "INITIATED" } })).toBe(0);
  });

  describe("a failed conversation ends the same way whether its webhook came or the sweeper read it", () => {
    /** What a scheduled call and its attempt came to. */
    async function endOf(scheduledCallId: string) {
      const { call, status, attempts, errorMessage } = await getDb().scheduledCall.findUniqueOrThrow({
        where: { id: scheduledCallId },
        include: { call: true },
      });
      return {
        call: {
          status: call!.status,
          outcome: call!.outcome,
          reportedOutcome: call!.reportedOutcome,
          errorMessage: call!.errorMessage,
          terminationReason: call!.terminationReason,
        },
        scheduled: { status, attempts, errorMessage },
      };
    }
    /** The simulator's client, reading each conversation with `status` in place of its own (ElevenLabs' "failed" after the call was answered). */
    function readingStatus(status: string | null): ElevenLabsClient {
      const client = createElevenLabsClient();
      if (status === null) return client;
      return {
        ...client,
        getConversation: async (id) => {
          const read = await client.getConversation(id);
          return read.ok ? { ...read, value: { ...read.value, status } } : read;
        },
      };
    }

    it.each([
      {
        case: "nobody spoke: the phone never connected, so it is retried like busy",
        fault: "busy" as const,
        forceStatus: null,
        call: { status: "FAILED", outcome: "busy", reportedOutcome: "busy", errorMessage: "Not connected: busy", terminationReason: "Call failed: busy" },
        scheduled: { status: "PENDING", attempts: 1, errorMessage: "The line was busy" },
      },
      {
        case: "the patient spoke before it failed: the call is recorded, never redialed",
        fault: "appointment_booked" as const,
        forceStatus: "failed",
        call: { status: "COMPLETED", outcome: "resolved", reportedOutcome: "appointment_booked", errorMessage: null },
        scheduled: { status: "COMPLETED", attempts: 1, errorMessage: null },
      },
    ])("$case", async ({ fault, forceStatus, call: expectedCall, scheduled: expectedScheduled }) => {
      harness.simulator.configure({ webhookUrl: null });
      harness.simulator.injectFault(fault, 2);
      const byWebhook = await dialOne();
      const bySweeper = await dialOne();
      await harness.simulator.whenIdle(); // both conversations are over at ElevenLabs; neither webhook was sent

      // One: its post_call_transcription arrives, carrying the conversation as ElevenLabs records it.
      const first = await getDb().call.findFirstOrThrow({ where: { scheduledCallId: byWebhook.scheduled.id } });
      const read = await fetch(`${harness.simulator.url}/v1/convai/conversations/${first.conversationId}`, { headers: { "xi-api-key": "test" } });
      const record = (await read.json()) as Record<string, unknown>;
      const answer = await deliver({
        type: "post_call_transcription",
        event_timestamp: Math.floor(Date.now() / 1000),
        data: { ...record, ...(forceStatus ? { status: forceStatus } : {}) },
      });
      expect(answer.status).toBe(200);
      await settledAfterResponse();

      // The other: its webhook never came; the sweeper reads the same kind of record once the call is stale.
      const second = await getDb().call.findFirstOrThrow({ where: { scheduledCallId: bySweeper.scheduled.id } });
      await getDb().call.update({ where: { id: second.id }, data: { createdAt: new Date(Date.now() - 21 * 60_000) } });
      expect((await sweepOpenCalls(readingStatus(forceStatus), { now: new Date() })).swept).toBe(1);

      const [webhookEnd, sweeperEnd] = [await endOf(byWebhook.scheduled.id), await endOf(bySweeper.scheduled.id)];
      expect(webhookEnd).toEqual(sweeperEnd);
      expect(webhookEnd.call).toMatchObject(expectedCall);
      expect(webhookEnd.scheduled).toEqual(expectedScheduled);
    });
  });

  it("the sweeper retries an attempt ElevenLabs never started (no conversation for our attempt id)", async () => {
    const organization = await createDispatchOrganization();
    const [contact] = await createDueCalls(organization.id, 1);
    const scheduled = await getDb().scheduledCall.findFirstOrThrow({ where: { contactId: contact!.id } });
    // As a crash right after the dial mark would leave it: dial sent, no conversation anywhere.
    const call = await getDb().call.create({
      data: {
        organizationId: organization.id,
        contactId: contact!.id,
        scheduledCallId: scheduled.id,
        toNumber: contact!.phoneNumber,
        createdAt: new Date(Date.now() - 25 * 60_000),
      },
    });
    await getDb().scheduledCall.update({
      where: { id: scheduled.id },
      data: { status: "IN_PROGRESS", attempts: 1, dialStartedAt: new Date(Date.now() - 25 * 60_000), callId: call.id },
    });

    const body = (await (await harness.runCron()).json()) as { swept: number };
    expect(body.swept).toBe(1);
    expect((await getDb().call.findUniqueOrThrow({ where: { id: call.id } })).status).toBe("FAILED");
    const retried = await row(scheduled.id);
    expect(retried).toMatchObject({ status: "PENDING", attempts: 1, errorMessage: "ElevenLabs never started this call" });
  });
});
