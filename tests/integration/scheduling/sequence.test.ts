import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { POST as scheduleRoute } from "@/app/api/scheduled-calls/route";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { scheduleCallback } from "@/lib/appointments/schedule-callback";
import { cancelScheduledCall } from "@/lib/scheduling/cancel-scheduled-call";
import { getDb } from "@/lib/db";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { advanceSequenceNow } from "@/lib/scheduling/advance-sequence";
import { holdSequenceOn, lockSequenceOfCall } from "@/lib/scheduling/hold-sequence";
import { listBatches } from "@/lib/scheduling/list-batches";
import { pauseBatch } from "@/lib/scheduling/pause-batch";
import { resumeBatch } from "@/lib/scheduling/resume-batch";
import { resumeStalledSequences, STALL_GRACE_MS } from "@/lib/scheduling/resume-stalled-sequences";
import type { FaultMode } from "@/simulator/faults";
import { createContacts } from "../../factories/contacts";
import { zoneAtNoon } from "../../factories/dispatch";
import { createSchedulingMember } from "../../factories/scheduling";
import { startDispatchHarness, WEBHOOK_SECRET, type DispatchHarness } from "../dispatch/harness";
import { callRoute, signInAs } from "../helpers/session";
import { listDoNotCall } from "../../factories/do-not-call";
import { lineNumber } from "../../factories/lines";

const schedule = (body: unknown) => callRoute(scheduleRoute, { method: "POST", url: "http://localhost/api/scheduled-calls", body });

function deliver(payload: unknown) {
  const body = JSON.stringify(payload);
  const signature = signElevenLabsPayload(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000));
  return webhookRoute(new Request("http://localhost/api/calls", { method: "POST", headers: { "elevenlabs-signature": signature }, body }), {
    params: Promise.resolve({}),
  });
}

/** The post-call webhook of a conversation that ended with `outcome` (null: the agent sent none). */
function transcription(call: { agentId: string | null; conversationId: string | null }, outcome: string | null) {
  return {
    type: "post_call_transcription",
    event_timestamp: Math.floor(Date.now() / 1000),
    data: {
      agent_id: call.agentId,
      conversation_id: call.conversationId,
      status: "done",
      transcript: [{ role: "agent", message: "Hello, this is the clinic.", time_in_call_secs: 0 }],
      metadata: { start_time_unix_secs: Math.floor(Date.now() / 1000) - 30, call_duration_secs: 30 },
      analysis: outcome ? { data_collection_results: { call_outcome: { data_collection_id: "call_outcome", value: outcome } } } : {},
    },
  };
}

let offset = 0;

describe("a sequence batch calls one contact at a time until someone books", () => {
  let harness: DispatchHarness;
  let webhookUrl: string | null;
  beforeAll(async () => {
    // Unscripted calls connect and end without a booking: only a scripted number books.
    harness = await startDispatchHarness({ outcomeMix: { appointment_booked: 0, callback_scheduled: 0, not_interested: 1, voicemail: 0 } });
    webhookUrl = harness.simulator.config().webhookUrl;
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.simulator.reset();
    harness.simulator.configure({ callDurationMs: 0, webhookUrl });
  });

  /**
   * A sequence of `n` whose 1st patient was not interested and whose 2nd is on the phone now (calls end only by
   * the webhooks the test delivers).
   */
  async function secondPatientOnThePhone(n: number) {
    harness.simulator.configure({ callDurationMs: 60_000, webhookUrl: null });
    const started = await startSequence(n);
    await harness.runCron();
    const first = await getDb().call.findFirstOrThrow({ where: { scheduledCall: { batchId: started.batchId, sequenceIndex: 1 } } });
    await deliver(transcription(first, "not_interested"));
    await settledAfterResponse();
    return { ...started, first, second: await getDb().call.findFirstOrThrow({ where: { scheduledCall: { batchId: started.batchId, sequenceIndex: 2 } } }) };
  }

  /** A clinic calling around the clock, `n` contacts where it is daytime, scheduled as a sequence in the order given. */
  /** A sequence of two whose first patient, still on the phone, asks the agent to be called back in 2 hours. */
  async function firstPatientAsksForCallback(context: string) {
    harness.simulator.configure({ callDurationMs: 60_000, webhookUrl: null });
    const { clinic, contacts, batchId } = await startSequence(2);
    await harness.runCron();
    const first = await getDb().call.findFirstOrThrow({ where: { scheduledCall: { batchId, sequenceIndex: 1 } } });
    const asked = await scheduleCallback(clinic.organization.id, first.agentId!, {
      time: "in 2 hours",
      context,
      conversation_id: first.conversationId!,
    });
    return { clinic, contacts, batchId, first, asked };
  }

  async function startSequence(
    n: number,
    options: {
      maxAttempts?: number;
      retryVoicemail?: boolean;
      script?: Record<number, FaultMode[]>;
      reverse?: boolean;
      clinic?: Awaited<ReturnType<typeof createSchedulingMember>>;
    } = {},
  ) {
    const zone = zoneAtNoon();
    const clinic =
      options.clinic ??
      (await createSchedulingMember("STAFF", {
        timezone: zone,
        callingDays: [1, 2, 3, 4, 5, 6, 7],
        callingWindowStart: 0,
        callingWindowEnd: 1440,
        maxAttempts: options.maxAttempts ?? 3,
        // Retries here come minutes apart: loose per-patient caps (the caps have their own tests).
        maxCallsPerDay: 10,
        maxCallsPerWeek: 50,
      }));
    if (options.retryVoicemail !== undefined)
      await getDb().organization.update({ where: { id: clinic.organization.id }, data: { retryVoicemail: options.retryVoicemail } });
    const created = await createContacts(clinic.organization.id, n, () => ({}), (offset += 100));
    await getDb().contact.updateMany({ where: { id: { in: created.map((c) => c.id) } }, data: { timezone: zone } });
    // The order picked is the order called: here the reverse of the names' order when asked.
    const contacts = options.reverse ? [...created].reverse() : created;
    for (const [step, modes] of Object.entries(options.script ?? {})) harness.simulator.scriptNumber(contacts[Number(step) - 1]!.phoneNumber, modes);
    signInAs(clinic.user);
    const res = await schedule({ contactIds: contacts.map((c) => c.id), scheduledTime: new Date().toISOString(), mode: "sequence" });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { batch: { id: string; mode: string; scheduledCount: number } };
    return { clinic, contacts, batchId: answer.batch.id, answer };
  }

  const steps = (batchId: string) => getDb().scheduledCall.findMany({ where: { batchId }, orderBy: { sequenceIndex: "asc" }, include: { contact: true } });
  const batch = (batchId: string) => getDb().callBatch.findUniqueOrThrow({ where: { id: batchId } });
  const dials = (contacts: { phoneNumber: string }[]) => contacts.map((c) => harness.simulator.dialsTo(c.phoneNumber));

  /** Drives the dispatcher and the simulator until the sequence stops (or `until` holds). */
  async function runUntil(until: () => Promise<boolean>, options: { retriesDueNow?: string } = {}) {
    await harness.runCron();
    for (let round = 0; round < 200; round++) {
      await harness.settle();
      await settledAfterResponse();
      if (await until()) return;
      if (options.retriesDueNow) {
        // A retry is due in 15 minutes or more: bring it to now, as the clock would.
        await getDb().scheduledCall.updateMany({
          where: { batchId: options.retriesDueNow, status: "PENDING", nextAttemptAt: { not: null } },
          data: { nextAttemptAt: new Date(Date.now() - 1_000) },
        });
      }
      await harness.runCron();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("the sequence did not get there");
  }
  const stopped = (batchId: string) => async () => (await batch(batchId)).sequenceStatus !== "RUNNING";
  /** The call backs made from the conversations of the sequence's steps. */
  const callbacksOf = (batchId: string) =>
    getDb().scheduledCall.findMany({ where: { kind: "CALLBACK", sourceCall: { scheduledCall: { batchId } } }, orderBy: { createdAt: "asc" } });
  /** Brings a call back's time to now (it is set an hour or more after the call), as the clock would. */
  const dueNow = (id: string) => getDb().scheduledCall.update({ where: { id }, data: { scheduledTime: new Date(Date.now() - 1_000), nextAttemptAt: null } });

  it("a patient who asks to be called back holds the sequence: nobody else is called until that call back ends without a booking", async () => {
    const { contacts, batchId } = await startSequence(3, { script: { 1: ["callback_scheduled", "not_interested"], 2: ["appointment_booked"] } });
    await runUntil(async () => (await callbacksOf(batchId)).length > 0);
    const [callback] = await callbacksOf(batchId);
    expect(callback).toMatchObject({ status: "PENDING", callbackOrigin: "AFTER_CALL", awaitsConfirmation: true, contactId: contacts[0]!.id });
    expect(+callback!.scheduledTime - Date.now()).toBeGreaterThan(55 * 60_000); // an hour after the call, for staff to confirm

    // The cron runs on: the 2nd patient is not offered the slot while the 1st waits for their call back.
    for (let run = 0; run < 3; run++) {
      const body = (await (await harness.runCron()).json()) as { sequencesResumed: number };
      expect(body.sequencesResumed).toBe(0);
      await harness.settle();
    }
    expect(dials(contacts)).toEqual([1, 0, 0]);
    expect((await steps(batchId)).map((s) => s.status)).toEqual(["COMPLETED", "WAITING", "WAITING"]);
    expect(await advanceSequenceNow(batchId)).toEqual({ state: "held", position: 1, callbackId: callback!.id });
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "RUNNING", sequencePosition: 1, heldByScheduledCallId: callback!.id });

    // The call back rings at its time and ends without a booking: its end makes it the 2nd patient's turn at
    // once (the refill after its webhook dials them, in the same run), and they book.
    await dueNow(callback!.id);
    await harness.runCron();
    await harness.settle();
    expect(dials(contacts)).toEqual([2, 1, 0]);
    expect((await steps(batchId)).map((s) => [s.status, s.cancelReason])).toEqual([
      ["COMPLETED", null],
      ["COMPLETED", null],
      ["CANCELLED", "filled"],
    ]);
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: callback!.id } })).toMatchObject({ status: "COMPLETED" });
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "FILLED", sequencePosition: 2, filledByScheduledCallId: (await steps(batchId))[1]!.id });
    // One patient at a time: the 2nd was dialed after the call back had ended.
    const callbackCall = await getDb().call.findFirstOrThrow({ where: { scheduledCallId: callback!.id } });
    const second = await getDb().call.findFirstOrThrow({ where: { scheduledCall: { batchId, sequenceIndex: 2 } } });
    expect(+second.createdAt).toBeGreaterThanOrEqual(+callbackCall.updatedAt);
  });

  it("a patient who asks again on the call back is called back again, and a call back that books fills the sequence for them", async () => {
    const { contacts, batchId } = await startSequence(2, { script: { 1: ["callback_scheduled", "callback_scheduled", "appointment_booked"] } });
    await runUntil(async () => (await callbacksOf(batchId)).length > 0);
    const [first] = await callbacksOf(batchId);
    await dueNow(first!.id);
    await harness.runCron();
    await harness.settle();
    // "Call me back later" once more: the sequence now waits on that second call back.
    const again = await getDb().scheduledCall.findFirstOrThrow({ where: { kind: "CALLBACK", sourceCall: { scheduledCallId: first!.id } } });
    expect(dials(contacts)).toEqual([2, 0]);
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "RUNNING", sequencePosition: 1, heldByScheduledCallId: again.id });

    await dueNow(again.id);
    await runUntil(stopped(batchId));
    expect(dials(contacts)).toEqual([3, 0]);
    const after = await steps(batchId);
    expect(after.map((s) => [s.status, s.cancelReason])).toEqual([
      ["COMPLETED", null],
      ["CANCELLED", "filled"],
    ]);
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "FILLED", sequencePosition: 1, filledByScheduledCallId: after[0]!.id });
  });

  it("a call back that never reaches the patient, or that staff cancel, lets the sequence move on", async () => {
    // Never answered: the call back's own attempts run out, then the next patient's turn comes.
    harness.simulator.configure({ callDurationMs: 400 });
    const unanswered = await startSequence(2, { maxAttempts: 2, script: { 1: ["callback_scheduled", "no-answer", "no-answer"], 2: ["not_interested"] } });
    await runUntil(async () => (await callbacksOf(unanswered.batchId)).length > 0);
    const [callback] = await callbacksOf(unanswered.batchId);
    for (let attempt = 1; attempt <= 2; attempt++) {
      // Until the call back gives up, the 2nd patient waits.
      expect(dials(unanswered.contacts)).toEqual([attempt, 0]);
      await dueNow(callback!.id);
      await harness.runCron();
      await harness.settle();
    }
    // Its last attempt's end woke the 2nd patient, and the refill after that webhook dialed them.
    expect(dials(unanswered.contacts)).toEqual([3, 1]);
    await runUntil(stopped(unanswered.batchId));
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: callback!.id } })).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(dials(unanswered.contacts)).toEqual([3, 1]);
    expect(await batch(unanswered.batchId)).toMatchObject({ sequenceStatus: "EXHAUSTED", sequencePosition: 2 });

    // Cancelled by staff (they ring the patient themselves): the next patient is called at once.
    harness.simulator.configure({ callDurationMs: 0 });
    const cancelled = await startSequence(2, { script: { 1: ["callback_scheduled"], 2: ["not_interested"] } });
    await runUntil(async () => (await callbacksOf(cancelled.batchId)).length > 0);
    const [staffCancels] = await callbacksOf(cancelled.batchId);
    await harness.runCron();
    await harness.settle();
    expect(dials(cancelled.contacts)).toEqual([1, 0]);
    await cancelScheduledCall(cancelled.clinic.organization.id, staffCancels!.id);
    expect((await steps(cancelled.batchId)).map((s) => s.status)).toEqual(["COMPLETED", "PENDING"]);
    await runUntil(stopped(cancelled.batchId));
    expect(dials(cancelled.contacts)).toEqual([1, 1]);
    expect(await batch(cancelled.batchId)).toMatchObject({ sequenceStatus: "EXHAUSTED", sequencePosition: 2 });
  });

  it("a call back the agent schedules during a step's call holds the sequence too, whatever the call's outcome word", async () => {
    const { contacts, batchId, first, asked } = await firstPatientAsksForCallback("Driving; call back about the slot");
    await deliver(transcription(first, "not_interested"));
    await settledAfterResponse();
    await harness.runCron();
    expect((await steps(batchId)).map((s) => s.status)).toEqual(["COMPLETED", "WAITING"]);
    expect(dials(contacts)).toEqual([1, 0]);
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "RUNNING", sequencePosition: 1, heldByScheduledCallId: asked.scheduled_call_id });
  });

  it("someone else fills the slot while the sequence waits on a call back: the call back is cancelled as filled", async () => {
    const { clinic, contacts, batchId } = await startSequence(3, { script: { 1: ["not_interested"], 2: ["callback_scheduled"] } });
    await runUntil(async () => (await callbacksOf(batchId)).length > 0);
    const [callback] = await callbacksOf(batchId);
    expect(callback).toMatchObject({ contactId: contacts[1]!.id, status: "PENDING" });

    // The 1st patient rings the clinic back and the inbound agent books them.
    const booked = await bookOnNextWeekday(clinic.organization, contacts[0]!, "10:00", "conv_inbound_waitlist_first");
    expect(booked.success).toBe(true);
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "FILLED", filledByScheduledCallId: (await steps(batchId))[0]!.id });
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: callback!.id } })).toMatchObject({
      status: "CANCELLED",
      cancelReason: "filled",
      errorMessage: `Not called: ${contacts[0]!.name} booked (step 1)`,
    });
    expect((await steps(batchId)).map((s) => [s.status, s.cancelReason])).toEqual([
      ["COMPLETED", null],
      ["COMPLETED", null],
      ["CANCELLED", "filled"],
    ]);

    // Its time comes: nobody is rung about a slot that is gone.
    await dueNow(callback!.id);
    await harness.runCron();
    await harness.settle();
    expect(dials(contacts)).toEqual([1, 1, 0]);
  });

  // PGlite serves one connection at a time: the wait there would be for the connection, not the lock.
  it.runIf(inject("databaseKind") === "postgres")(
    "a booking that fills the sequence while a call back is being written under its lock cancels that call back too",
    async () => {
      const { clinic, contacts, batchId, second } = await secondPatientOnThePhone(3);

      // The 2nd patient's call ends "call me back": its call back is written under the sequence's lock (as
      // createFollowUpCallback does), while the 1st patient, ringing the clinic back, books.
      let booking: ReturnType<typeof bookOnNextWeekday> | null = null;
      const callback = await getDb().$transaction(async (tx) => {
        const sequence = await lockSequenceOfCall(tx, second.id);
        expect(sequence).toEqual({ batchId, waitsOnIt: true });
        const written = await tx.scheduledCall.create({
          data: {
            organizationId: clinic.organization.id,
            contactId: contacts[1]!.id,
            fromNumber: "phnum_test",
            agentId: "agent_test",
            scheduledTime: new Date(Date.now() + 3_600_000),
            kind: "CALLBACK",
            callbackOrigin: "AFTER_CALL",
            sourceCallId: second.id,
            sequenceBatchId: batchId,
          },
        });
        await holdSequenceOn(tx, batchId, written.id);
        booking = bookOnNextWeekday(clinic.organization, contacts[0]!, "10:00", "conv_inbound_race_first");
        await new Promise((resolve) => setTimeout(resolve, 300));
        return written;
      });
      expect((await booking!).success).toBe(true);
      expect(await batch(batchId)).toMatchObject({ sequenceStatus: "FILLED" });
      expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: callback.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "filled" });
    },
  );

  it("a sequence of 5 where the 3rd books: exactly 3 dials, in the order picked, and the last 2 CANCELLED as filled", async () => {
    const { contacts, batchId, answer } = await startSequence(5, {
      reverse: true,
      script: { 1: ["not_interested"], 2: ["voicemail"], 3: ["appointment_booked"] },
      retryVoicemail: false,
    });
    expect(answer.batch).toMatchObject({ mode: "SEQUENCE", scheduledCount: 5 });
    const before = await steps(batchId);
    expect(before.map((s) => [s.contactId, s.status])).toEqual(contacts.map((c, i) => [c.id, i === 0 ? "PENDING" : "WAITING"]));

    await runUntil(stopped(batchId));
    expect(dials(contacts)).toEqual([1, 1, 1, 0, 0]);
    const after = await steps(batchId);
    expect(after.map((s) => s.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED", "CANCELLED", "CANCELLED"]);
    expect(after.slice(3).map((s) => s.cancelReason)).toEqual(["filled", "filled"]);
    expect(after[3]!.errorMessage).toBe(`Not called: ${contacts[2]!.name} booked (step 3)`);
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "FILLED", sequencePosition: 3, filledByScheduledCallId: after[2]!.id });
    // Every step went through the dispatcher's claim once: one attempt each, one Call each.
    expect(after.slice(0, 3).map((s) => s.attempts)).toEqual([1, 1, 1]);
    expect(await getDb().call.count({ where: { scheduledCall: { batchId } } })).toBe(3);
  });

  it("busy, no answer and voicemail move on only after the step's retries; nobody booking ends the sequence EXHAUSTED", async () => {
    // The phone rings a while: a failure event comes after the dial's answer, as on a real line.
    harness.simulator.configure({ callDurationMs: 400 });
    const { contacts, batchId } = await startSequence(3, {
      maxAttempts: 2,
      retryVoicemail: true,
      script: { 1: ["busy", "no-answer"], 2: ["voicemail", "voicemail"], 3: ["not_interested"] },
    });
    await runUntil(stopped(batchId), { retriesDueNow: batchId });
    expect(dials(contacts)).toEqual([2, 2, 1]);
    const after = await steps(batchId);
    expect(after.map((s) => [s.status, s.attempts])).toEqual([
      ["FAILED", 2],
      ["FAILED", 2],
      ["COMPLETED", 1],
    ]);
    expect(after[0]!.errorMessage).toBe("Nobody answered. No attempts left (2 of 2).");
    expect(after[1]!.errorMessage).toBe("Reached voicemail. No attempts left (2 of 2).");
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "EXHAUSTED", sequencePosition: 3 });
  });

  it("a step skipped for do-not-call (set after scheduling) does not stall the sequence", async () => {
    const { contacts, batchId } = await startSequence(3, { script: { 3: ["appointment_booked"] } });
    await listDoNotCall(contacts[1]!.organizationId, [contacts[1]!.phoneNumber]);
    await runUntil(stopped(batchId));
    expect(dials(contacts)).toEqual([1, 0, 1]);
    const after = await steps(batchId);
    expect(after.map((s) => [s.status, s.cancelReason])).toEqual([
      ["COMPLETED", null],
      ["CANCELLED", "do_not_call"],
      ["COMPLETED", null],
    ]);
    expect((await batch(batchId)).sequenceStatus).toBe("FILLED");
  });

  it("two sequences of one clinic never interfere: each has one call at a time and stops on its own booking", async () => {
    const first = await startSequence(4, { script: { 2: ["appointment_booked"] } });
    const second = await startSequence(3, { clinic: first.clinic });
    await runUntil(async () => (await stopped(first.batchId)()) && (await stopped(second.batchId)()));
    expect(dials(first.contacts)).toEqual([1, 1, 0, 0]);
    expect(dials(second.contacts)).toEqual([1, 1, 1]);
    expect((await batch(first.batchId)).sequenceStatus).toBe("FILLED");
    expect((await batch(second.batchId)).sequenceStatus).toBe("EXHAUSTED");
    expect((await steps(second.batchId)).map((s) => s.status)).toEqual(["COMPLETED", "COMPLETED", "COMPLETED"]);
    // One call at a time per sequence: each dial came after the previous step's call had ended.
    for (const { batchId } of [first, second]) {
      const calls = await getDb().call.findMany({ where: { scheduledCall: { batchId } }, orderBy: { createdAt: "asc" } });
      for (let i = 1; i < calls.length; i++) expect(+calls[i]!.createdAt).toBeGreaterThanOrEqual(+calls[i - 1]!.updatedAt);
    }
  });

  it("duplicate, concurrent and late webhooks advance the sequence once", async () => {
    harness.simulator.configure({ callDurationMs: 60_000, webhookUrl: null });
    const { contacts, batchId } = await startSequence(3);
    await harness.runCron();
    const first = await getDb().call.findFirstOrThrow({ where: { scheduledCall: { batchId, sequenceIndex: 1 } } });

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => deliver(transcription(first, "not_interested")).then((res) => res.json() as Promise<{ handled: boolean }>)),
    );
    await settledAfterResponse(); // the refill dials step 2
    expect(answers.filter((a) => a.handled)).toHaveLength(1);
    expect(await batch(batchId)).toMatchObject({ sequencePosition: 2, sequenceStatus: "RUNNING" });
    expect((await steps(batchId)).map((s) => s.status)).toEqual(["COMPLETED", "IN_PROGRESS", "WAITING"]);

    // Late: step 1's webhook again, the safety net and ten advances at once — step 2 is still ringing.
    await deliver(transcription(first, "not_interested"));
    await settledAfterResponse();
    await Promise.all(Array.from({ length: 10 }, () => advanceSequenceNow(batchId)));
    expect(await resumeStalledSequences()).toBe(0);
    expect(await batch(batchId)).toMatchObject({ sequencePosition: 2, sequenceStatus: "RUNNING" });
    expect((await steps(batchId)).map((s) => s.status)).toEqual(["COMPLETED", "IN_PROGRESS", "WAITING"]);
    expect(dials(contacts)).toEqual([1, 1, 0]);

    // Step 2 ends twice at once: step 3 is woken once and dialed once.
    const second = await getDb().call.findFirstOrThrow({ where: { scheduledCall: { batchId, sequenceIndex: 2 } } });
    await Promise.all([deliver(transcription(second, null)), deliver(transcription(second, null))]);
    await settledAfterResponse();
    expect(await batch(batchId)).toMatchObject({ sequencePosition: 3 });
    expect(dials(contacts)).toEqual([1, 1, 1]);
  });

  it("the cron's safety net advances a sequence whose step ended without advancing it", async () => {
    harness.simulator.configure({ callDurationMs: 60_000, webhookUrl: null });
    const { batchId } = await startSequence(2);
    // As a crash between a step's end and its advance would leave it. A moment after the end the net leaves it
    // alone (the end may still be writing the call back the patient asked for); a minute on, it advances it.
    await getDb().scheduledCall.updateMany({ where: { batchId, sequenceIndex: 1 }, data: { status: "FAILED", executedAt: new Date() } });
    const resumed = async () => ((await (await harness.runCron()).json()) as { sequencesResumed: number }).sequencesResumed;
    expect(await resumed()).toBe(0);
    expect(await batch(batchId)).toMatchObject({ sequencePosition: 1, sequenceStatus: "RUNNING" });
    await getDb().scheduledCall.updateMany({ where: { batchId, sequenceIndex: 1 }, data: { updatedAt: new Date(Date.now() - STALL_GRACE_MS - 1_000) } });
    expect(await resumed()).toBe(1);
    expect(await batch(batchId)).toMatchObject({ sequencePosition: 2, sequenceStatus: "RUNNING" });
    expect((await steps(batchId))[1]!.status).toBe("IN_PROGRESS"); // due now, so the same run dialed it
  });

  it("a booking made by the agent's book-appointment action during the call stops it, whatever the analysis says", async () => {
    const { clinic, contacts, batchId, second } = await secondPatientOnThePhone(3);
    expect(second.conversationId).not.toBeNull();

    // Mid-call, the agent books (the action's own domain function, as the route runs it).
    const booked = await bookOnNextWeekday(clinic.organization, contacts[1]!, "10:00", second.conversationId!);
    expect(booked.success).toBe(true);
    // The agent's summary word says nothing about it.
    await deliver(transcription(second, "callback_scheduled"));
    await settledAfterResponse();

    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "FILLED", sequencePosition: 2 });
    expect((await steps(batchId)).map((s) => [s.status, s.cancelReason])).toEqual([
      ["COMPLETED", null],
      ["COMPLETED", null],
      ["CANCELLED", "filled"],
    ]);
    expect(dials(contacts)).toEqual([1, 1, 0]);
  });

  it("a patient called earlier who books later (calling the clinic back) stops it; one not yet called who books does not", async () => {
    const { clinic, contacts, batchId, second } = await secondPatientOnThePhone(4);

    const book = (contact: (typeof contacts)[number], startTime: string, conversationId: string) =>
      bookOnNextWeekday(clinic.organization, contact, startTime, conversationId);
    // The 4th patient, not reached yet, books on their own: the sequence goes on.
    expect((await book(contacts[3]!, "09:00", "conv_inbound_fourth")).success).toBe(true);
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "RUNNING", sequencePosition: 2 });

    // The 1st patient calls back while the 2nd is on the phone, and the agent of that inbound call books them.
    expect((await book(contacts[0]!, "10:00", "conv_inbound_first")).success).toBe(true);
    const filledBy = (await steps(batchId))[0]!;
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "FILLED", sequencePosition: 2, filledByScheduledCallId: filledBy.id });
    expect((await steps(batchId)).map((s) => [s.status, s.cancelReason])).toEqual([
      ["COMPLETED", null],
      ["IN_PROGRESS", null],
      ["CANCELLED", "filled"],
      ["CANCELLED", "filled"],
    ]);
    expect((await steps(batchId))[2]!.errorMessage).toBe(`Not called: ${contacts[0]!.name} booked (step 1)`);

    // The call in progress ends without a booking: it wakes nobody.
    await deliver(transcription(second, "not_interested"));
    await settledAfterResponse();
    await harness.runCron();
    expect((await batch(batchId)).sequenceStatus).toBe("FILLED");
    expect((await steps(batchId)).map((s) => s.status)).toEqual(["COMPLETED", "COMPLETED", "CANCELLED", "CANCELLED"]);
    expect(dials(contacts)).toEqual([1, 1, 0, 0]);
  });

  it("a booking on a number the caller only said (their caller id hidden) books but does not stop the waitlist", async () => {
    const { clinic, contacts, batchId } = await secondPatientOnThePhone(3);
    // Anyone can say a waitlisted patient's number: that must not cancel the others' calls.
    expect((await bookOnNextWeekday(clinic.organization, contacts[0]!, "10:00", "conv_inbound_withheld", true)).success).toBe(true);
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "RUNNING", sequencePosition: 2 });
    expect((await steps(batchId)).map((s) => s.status)).toEqual(["COMPLETED", "IN_PROGRESS", "WAITING"]);
    expect(await getDb().activityEvent.findFirstOrThrow({ where: { organizationId: clinic.organization.id, type: "APPOINTMENT_BOOKED" } })).toMatchObject({
      message: expect.stringMatching(/\(on a number the caller gave; their caller id was not shown\)$/),
    });
  });

  it("cancelling the batch stops the sequence: the ringing step's end wakes nobody", async () => {
    harness.simulator.configure({ callDurationMs: 60_000, webhookUrl: null });
    const { clinic, contacts, batchId } = await startSequence(3);
    await harness.runCron();
    const { POST: cancelRoute } = await import("@/app/api/call-batches/[id]/cancel/route");
    signInAs(clinic.user);
    expect((await callRoute(cancelRoute, { method: "POST", params: { id: batchId } })).status).toBe(200);
    const first = await getDb().call.findFirstOrThrow({ where: { scheduledCall: { batchId, sequenceIndex: 1 } } });
    await deliver(transcription(first, "not_interested"));
    await settledAfterResponse();
    expect((await batch(batchId)).sequenceStatus).toBe("CANCELLED");
    expect((await steps(batchId)).map((s) => s.status)).toEqual(["COMPLETED", "CANCELLED", "CANCELLED"]);
    expect(dials(contacts)).toEqual([1, 0, 0]);
  });

  it("cancelling a sequence that waits on a call back cancels that call back with it", async () => {
    const { clinic, contacts, batchId } = await startSequence(2, { script: { 1: ["callback_scheduled"] } });
    await runUntil(async () => (await callbacksOf(batchId)).length > 0);
    const [callback] = await callbacksOf(batchId);
    const { POST: cancelRoute } = await import("@/app/api/call-batches/[id]/cancel/route");
    signInAs(clinic.user);
    const res = await callRoute(cancelRoute, { method: "POST", params: { id: batchId } });
    expect(await res.json()).toMatchObject({ cancelled: 2 });
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: callback!.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "staff" });
    expect((await batch(batchId)).sequenceStatus).toBe("CANCELLED");
    await dueNow(callback!.id);
    await harness.runCron();
    await harness.settle();
    expect(dials(contacts)).toEqual([1, 0]);
  });

  it("the batches list says what a sequence waits for: the call back's patient and time, then that it is ringing; nothing once it ended", async () => {
    const { clinic, contacts, batchId } = await startSequence(3, { script: { 1: ["callback_scheduled"] } });
    // On the same page: a sequence that waits for nobody.
    const other = await startSequence(2, { clinic });
    await getDb().scheduledCall.updateMany({ where: { batchId: other.batchId, sequenceIndex: 1 }, data: { scheduledTime: new Date(Date.now() + 86_400_000) } });
    await runUntil(async () => (await callbacksOf(batchId)).length > 0);
    const [callback] = await callbacksOf(batchId);
    const waitOf = async (id: string) =>
      (await listBatches(clinic.organization.id, { limit: 20 })).batches.find((listed) => listed.id === id)!.sequence!.waitingFor;

    expect(await waitOf(batchId)).toEqual({ callbackId: callback!.id, name: contacts[0]!.name, at: callback!.scheduledTime, ringing: false });
    expect(await waitOf(other.batchId)).toBeNull();

    // It rings (the patient is on the phone a while): the card says the call back is being made.
    harness.simulator.configure({ callDurationMs: 60_000, webhookUrl: null });
    await dueNow(callback!.id);
    await harness.runCron();
    expect(await waitOf(batchId)).toMatchObject({ callbackId: callback!.id, ringing: true });

    // It ends without a booking: the next patient's turn, and no call back is waited on.
    const callbackCall = await getDb().call.findFirstOrThrow({ where: { scheduledCallId: callback!.id } });
    await deliver(transcription(callbackCall, "not_interested"));
    await settledAfterResponse();
    expect(await batch(batchId)).toMatchObject({ sequencePosition: 2, heldByScheduledCallId: null });
    expect(await waitOf(batchId)).toBeNull();
  });

  it("a call back the agent schedules mid-call is waited on only once the step's call has ended", async () => {
    const { clinic, contacts, first, asked } = await firstPatientAsksForCallback("At work; call back about the slot");
    const waitOf = async () => (await listBatches(clinic.organization.id, { limit: 20 })).batches[0]!.sequence!.waitingFor;
    expect(await waitOf()).toBeNull(); // still "Calling 1 of 2": the patient is on the phone
    await deliver(transcription(first, "not_interested"));
    await settledAfterResponse();
    const callback = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: asked.scheduled_call_id } });
    expect(await waitOf()).toEqual({ callbackId: callback.id, name: contacts[0]!.name, at: callback.scheduledTime, ringing: false });
  });

  it("pausing a sequence that waits for a call back: the call back rings as promised, the next patient waits for the resume", async () => {
    const { clinic, contacts, batchId } = await startSequence(3, { script: { 1: ["callback_scheduled", "not_interested"], 2: ["appointment_booked"] } });
    await runUntil(async () => (await callbacksOf(batchId)).length > 0);
    const [callback] = await callbacksOf(batchId);
    const { POST: pauseRoute } = await import("@/app/api/call-batches/[id]/pause/route");
    const { POST: resumeRoute } = await import("@/app/api/call-batches/[id]/resume/route");
    signInAs(clinic.user);
    const paused = await callRoute(pauseRoute, { method: "POST", params: { id: batchId } });
    expect(paused.status).toBe(200);
    expect(await paused.json()).toMatchObject({
      paused: 0,
      message: `Batch paused. The call back to ${contacts[0]!.name} still rings as promised; if it ends without a booking, the next patient is not called until you resume.`,
    });

    // The call back ends without a booking while paused: the 2nd patient's turn has come, but nobody dials them.
    await dueNow(callback!.id);
    for (let run = 0; run < 3; run++) {
      await harness.runCron();
      await harness.settle();
      await settledAfterResponse();
    }
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: callback!.id } })).toMatchObject({ status: "COMPLETED" });
    expect(dials(contacts)).toEqual([2, 0, 0]);
    expect((await steps(batchId)).map((s) => s.status)).toEqual(["COMPLETED", "PENDING", "WAITING"]);
    expect(await batch(batchId)).toMatchObject({ sequencePosition: 2, heldByScheduledCallId: null });

    // Resumed: the 2nd patient is called, books, and the 3rd is not.
    expect((await callRoute(resumeRoute, { method: "POST", params: { id: batchId } })).status).toBe(200);
    await runUntil(stopped(batchId));
    expect(dials(contacts)).toEqual([2, 1, 0]);
    expect(await batch(batchId)).toMatchObject({ sequenceStatus: "FILLED", sequencePosition: 2 });
  });

  it("pausing a sequence whose last patient waits for their call back: 409 saying the call back is all that is left and a pause would not hold it", async () => {
    const { clinic, contacts, batchId } = await startSequence(1, { script: { 1: ["callback_scheduled"] } });
    await runUntil(async () => (await callbacksOf(batchId)).length > 0);
    const [callback] = await callbacksOf(batchId);
    const { POST: pauseRoute } = await import("@/app/api/call-batches/[id]/pause/route");
    signInAs(clinic.user);
    const res = await callRoute(pauseRoute, { method: "POST", params: { id: batchId } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: "conflict",
      batchState: "waiting_for_callback",
      detail: `Nothing is left to pause: the only call left is the call back to ${contacts[0]!.name}, which rings at the time the patient was promised even while the batch is paused, and no other patient is waiting their turn. To stop it, cancel the call back (or Cancel pending on the batch).`,
    });
    expect(await batch(batchId)).toMatchObject({ pausedAt: null, sequenceStatus: "RUNNING", heldByScheduledCallId: callback!.id });
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: callback!.id } })).toMatchObject({ status: "PENDING" });
  });

  it("pausing a sequence that waits for a call back, which staff then cancel: the next patient waits for the resume", async () => {
    const { clinic, contacts, batchId } = await startSequence(2, { script: { 1: ["callback_scheduled"] } });
    await runUntil(async () => (await callbacksOf(batchId)).length > 0);
    const [callback] = await callbacksOf(batchId);
    const actor = { organizationId: clinic.organization.id, userId: clinic.user.id, email: clinic.user.email };
    await pauseBatch(actor, batchId);
    await cancelScheduledCall(clinic.organization.id, callback!.id);
    await harness.runCron();
    await harness.settle();
    expect(dials(contacts)).toEqual([1, 0]);
    expect((await steps(batchId)).map((s) => s.status)).toEqual(["COMPLETED", "PENDING"]);
    await resumeBatch(actor, batchId);
    await runUntil(stopped(batchId));
    expect(dials(contacts)).toEqual([1, 1]);
  });

  it("more than 500 contacts in a sequence is a 400 in plain words, with nothing written", async () => {
    const clinic = await createSchedulingMember("STAFF");
    const contacts = await createContacts(clinic.organization.id, 501, () => ({}), 20_000);
    signInAs(clinic.user);
    const res = await schedule({ contactIds: contacts.map((c) => c.id), scheduledTime: new Date(Date.now() + 86_400_000).toISOString(), mode: "sequence" });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string };
    expect(problem.detail).toBe(
      "A one-at-a-time sequence can call at most 500 contacts, and 501 are selected. Pick the first 500 to call, or schedule them staggered.",
    );
    expect(await getDb().callBatch.count({ where: { organizationId: clinic.organization.id } })).toBe(0);
  });
});

/** A Wednesday 2–8 days ahead in the zone (the clinic's default opening hours are weekdays). */
/**
 * The agent's book-appointment action (its own domain function, as the route runs it) for a patient, on the
 * clinic's next weekday: the patient ringing the clinic's line (its number known, as the configuration check
 * records it), or — `withheld` — with their caller id hidden, saying their number.
 */
async function bookOnNextWeekday(
  organization: { id: string; timezone: string },
  contact: { name: string; phoneNumber: string },
  startTime: string,
  conversationId: string,
  withheld = false,
) {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: organization.timezone }).format(nextWeekday(organization.timezone));
  const line = await getDb().phoneNumber.findFirstOrThrow({ where: { organizationId: organization.id }, select: { id: true, e164: true } });
  const clinicNumber = line.e164 ?? (await getDb().phoneNumber.update({ where: { id: line.id }, data: { e164: lineNumber() } })).e164!;
  return bookAppointment(organization.id, {
    date,
    start_time: startTime,
    customer_name: contact.name,
    ...(withheld ? { caller_id: "anonymous", customer_phone: contact.phoneNumber } : { caller_id: contact.phoneNumber }),
    called_number: clinicNumber,
    conversation_id: conversationId,
  });
}

function nextWeekday(timeZone: string): Date {
  for (let days = 2; ; days++) {
    const at = new Date(Date.now() + days * 86_400_000);
    if (new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" }).format(at) === "Wed") return at;
  }
}
