import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { POST as createCallbackRoute } from "@/app/api/callbacks/route";
import { POST as confirmRoute } from "@/app/api/scheduled-calls/[id]/confirm/route";
import { getDb } from "@/lib/db";
import { openCallColumn } from "@/lib/calls/history/sealed-call-fields";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { scheduleCallback } from "@/lib/appointments/schedule-callback";
import { createFollowUpCallback, FOLLOW_UP_DELAY_MS } from "@/lib/callbacks/create-follow-up-callback";
import { LAST_TURNS_MAX_CHARS } from "@/lib/calls/callback-history";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { createContact, createMember } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";
import { startDispatchHarness, WEBHOOK_SECRET, type DispatchHarness } from "../dispatch/harness";
import { listDoNotCall } from "../../factories/do-not-call";
import { createCallback } from "@/lib/callbacks/create-callback";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { judgePatientDial } from "@/lib/compliance/check-patient-dial";

function deliver(payload: unknown) {
  const body = JSON.stringify(payload);
  const signature = signElevenLabsPayload(body, WEBHOOK_SECRET, Math.floor(Date.now() / 1000));
  return webhookRoute(new Request("http://localhost/api/calls", { method: "POST", headers: { "elevenlabs-signature": signature }, body }), {
    params: Promise.resolve({}),
  });
}

/** A long conversation: 40 turns of about 100 characters, the last one the patient's. */
const LONG_TRANSCRIPT = Array.from({ length: 40 }, (_, i) => ({
  role: i % 2 === 0 ? "agent" : "user",
  message: `Turn ${i}: ${"words ".repeat(15)}end of turn ${i}.`,
  time_in_call_secs: i * 5,
}));

function endedEvent(call: { agentId: string | null; conversationId: string | null; id: string }, outcome: string) {
  return {
    type: "post_call_transcription",
    event_timestamp: Math.floor(Date.now() / 1000),
    data: {
      agent_id: call.agentId,
      conversation_id: call.conversationId,
      status: "done",
      user_id: call.id,
      transcript: LONG_TRANSCRIPT,
      metadata: { start_time_unix_secs: Math.floor(Date.now() / 1000) - 200, call_duration_secs: 200 },
      analysis: {
        transcript_summary: "The patient wants to talk to a nurse about her test results.",
        data_collection_results: { call_outcome: { value: outcome } },
      },
    },
  };
}

describe("callbacks: created by staff, by the agent and by a call's outcome; dispatched and settled like every scheduled call", () => {
  let harness: DispatchHarness;
  let webhookUrl: string | null;
  beforeAll(async () => {
    harness = await startDispatchHarness({ outcomeMix: { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 } });
    webhookUrl = harness.simulator.config().webhookUrl;
  });
  afterAll(() => harness.close());
  beforeEach(() => {
    harness.simulator.reset();
    harness.simulator.configure({ callDurationMs: 400, webhookUrl });
  });

  /** A scheduled call the simulator dialed and left open (no webhook): the test delivers its end. */
  async function openCall() {
    harness.simulator.configure({ callDurationMs: 60_000, webhookUrl: null });
    const organization = await createDispatchOrganization();
    const [contact] = await createDueCalls(organization.id, 1);
    expect((await harness.runCron()).status).toBe(200);
    const call = await getDb().call.findFirstOrThrow({ where: { contactId: contact!.id } });
    expect(call.conversationId).not.toBeNull();
    return { organization, contact: contact!, call };
  }

  it("an escalated outcome creates a callback to confirm, an hour on, following that call; a second delivery creates none", async () => {
    const { organization, call } = await openCall();
    const before = Date.now();
    expect((await deliver(endedEvent(call, "escalated"))).status).toBe(200);
    await settledAfterResponse();
    await deliver(endedEvent(call, "escalated"));
    await settledAfterResponse();

    const callbacks = await getDb().scheduledCall.findMany({ where: { organizationId: organization.id, kind: "CALLBACK" } });
    expect(callbacks).toHaveLength(1);
    const [callback] = callbacks;
    expect(callback).toMatchObject({
      status: "PENDING",
      callbackOrigin: "AFTER_CALL",
      awaitsConfirmation: true,
      confirmedAt: null,
      sourceCallId: call.id,
      contactId: call.contactId,
    });
    expect(+callback!.scheduledTime).toBeGreaterThanOrEqual(before + FOLLOW_UP_DELAY_MS - 1_000);
    expect(callback!.note).toMatch(/escalated/);
    expect(callback!.dynamicVariables).toMatchObject({ previous_conversation_id: call.conversationId });
    expect(await getDb().activityEvent.count({ where: { organizationId: organization.id, type: "CALLBACK_SCHEDULED" } })).toBe(1);
  });

  it("the callback is dialed with the earlier summary, bounded last turns and conversation id, and completes from its own conversation's webhook", async () => {
    const { organization, call } = await openCall();
    await deliver(endedEvent(call, "callback_scheduled"));
    await settledAfterResponse();
    const callback = await getDb().scheduledCall.findFirstOrThrow({ where: { organizationId: organization.id, kind: "CALLBACK" } });

    // The first call is still talking at the simulator (its end was delivered by hand): hang it up.
    harness.simulator.reset();
    harness.simulator.configure({ callDurationMs: 400, webhookUrl });
    await getDb().scheduledCall.update({ where: { id: callback.id }, data: { scheduledTime: new Date(Date.now() - 1_000) } });
    await harness.runCron();
    await harness.settle();

    const done = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: callback.id } });
    expect(done).toMatchObject({ status: "COMPLETED", attempts: 1 });
    const attempt = await getDb().call.findUniqueOrThrow({ where: { id: done.callId! } });
    expect(attempt.status).toBe("COMPLETED");
    expect(attempt.conversationId).not.toBe(call.conversationId);
    // What the agent was given, as the conversation echoes it back.
    const variables = openCallColumn("dynamicVariables", attempt.dynamicVariables) as Record<string, string>;
    expect(variables.previous_conversation_id).toBe(call.conversationId);
    expect(variables.previous_call_summary).toBe("The patient wants to talk to a nurse about her test results.");
    const turns = variables.previous_call_last_turns!;
    expect(turns.length).toBeLessThanOrEqual(LAST_TURNS_MAX_CHARS);
    expect(turns.length).toBeGreaterThan(LAST_TURNS_MAX_CHARS - 200);
    const lines = turns.split("\n");
    expect(lines.at(-1)).toBe(`Patient: Turn 39: ${"words ".repeat(15)}end of turn 39.`);
    expect(lines.at(-2)).toMatch(/^Agent: Turn 38:/);
    expect(turns).not.toContain("Turn 0:");
    expect(variables.callback_reason).toMatch(/called back/);
  });

  it("a callback the agent scheduled mid-call shows as the agent's, with the call it came from, and the outcome adds no second one", async () => {
    const organization = await createDispatchOrganization();
    const { agentId } = await getDb()
      .organization.findUniqueOrThrow({ where: { id: organization.id }, select: { elevenLabsAgentId: true } })
      .then((o) => ({ agentId: o.elevenLabsAgentId! }));
    const contact = await createContact(organization.id);
    const call = await getDb().call.create({
      data: {
        organizationId: organization.id,
        contactId: contact.id,
        toNumber: contact.phoneNumber,
        status: "IN_PROGRESS",
        conversationId: `conv_agent_${Date.now()}`,
        agentId,
      },
    });
    const answer = await scheduleCallback(organization.id, agentId, {
      time: "in 2 hours",
      context: "Wants the results explained",
      conversation_id: call.conversationId!,
    });
    const row = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: answer.scheduled_call_id } });
    expect(row).toMatchObject({
      kind: "CALLBACK",
      callbackOrigin: "AGENT",
      sourceCallId: call.id,
      awaitsConfirmation: false,
      note: "Wants the results explained",
    });

    await getDb().call.update({ where: { id: call.id }, data: { status: "COMPLETED", outcome: "callback" } });
    expect(await createFollowUpCallback(organization.id, call.id)).toEqual({ created: false, reason: "already_scheduled" });
    expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(1);
  });

  describe("staff's Call back", () => {
    async function clinic(hours?: { callingWindowStart: number; callingWindowEnd: number; timezone: string }) {
      const organization = await createDispatchOrganization();
      if (hours) await getDb().organization.update({ where: { id: organization.id }, data: hours });
      const { user } = await createMember("STAFF", organization.id);
      signInAs(user);
      const contact = await createContact(organization.id, { name: "Ada Patient" });
      // Daytime for the patient too, whatever time the tests run (an Australian number would be read as Sydney).
      await getDb().contact.update({ where: { id: contact.id }, data: { timezone: organization.timezone } });
      return { organization, user, contact };
    }
    const post = (body: unknown) => callRoute(createCallbackRoute, { method: "POST", body });

    it("from a call's page: follows that call; confirm is only for callbacks made from an outcome", async () => {
      const { organization, contact } = await clinic();
      const call = await getDb().call.create({
        data: {
          organizationId: organization.id,
          contactId: contact.id,
          toNumber: contact.phoneNumber,
          status: "COMPLETED",
          conversationId: `conv_staff_${Date.now()}`,
          summary: "Asked about parking",
        },
      });
      const dueAt = new Date(Date.now() + 3 * 3_600_000).toISOString();
      const res = await post({ callId: call.id, dueAt, note: "Ring about the parking permit" });
      expect(res.status).toBe(201);
      const body = (await res.json()) as {
        scheduledCall: { id: string; kind: string; sourceCallId: string; scheduledTime: string; toConfirm: boolean };
        moved: string | null;
        message: string;
      };
      expect(body).toMatchObject({
        moved: null,
        message: "Call back scheduled.",
        scheduledCall: { kind: "CALLBACK", sourceCallId: call.id, scheduledTime: dueAt, toConfirm: false },
      });
      const row = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: body.scheduledCall.id } });
      expect(row).toMatchObject({
        callbackOrigin: "STAFF",
        note: "Ring about the parking permit",
        dynamicVariables: { callback_note: "Ring about the parking permit", previous_conversation_id: call.conversationId },
      });

      const confirm = await callRoute(confirmRoute, { method: "POST", params: { id: row.id } });
      expect(confirm.status).toBe(409);
    });

    it("a due time in the past moves to now (the next calling time) and the answer says so", async () => {
      await clinic();
      const contact = await getDb().contact.findFirstOrThrow({ where: { name: "Ada Patient" }, orderBy: { createdAt: "desc" } });
      const res = await post({ contactId: contact.id, dueAt: "2020-01-01T10:00:00Z" });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { scheduledCall: { scheduledTime: string; requestedTime: string; moved: boolean }; moved: string; message: string };
      expect(body.moved).toBe("past");
      expect(body.message).toMatch(/had passed/);
      expect(body.scheduledCall.requestedTime).toBe("2020-01-01T10:00:00.000Z");
      expect(Math.abs(+new Date(body.scheduledCall.scheduledTime) - Date.now())).toBeLessThan(60_000);
    });

    it("a due time outside calling hours moves to the next opening in the clinic's zone and the answer says so", async () => {
      // Calling hours 09:00–17:00 Sydney; asked for 20:00 Sydney tomorrow (09:00 UTC in December, AEDT = UTC+11).
      const { contact } = await clinic({ timezone: "Australia/Sydney", callingWindowStart: 540, callingWindowEnd: 1020 });
      await getDb().contact.update({ where: { id: contact.id }, data: { timezone: "Australia/Sydney" } });
      const asked = new Date(Date.now() + 2 * 86_400_000);
      asked.setUTCHours(9, 0, 0, 0);
      const res = await post({ contactId: contact.id, dueAt: asked.toISOString() });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { scheduledCall: { scheduledTime: string }; moved: string; message: string };
      expect(body.moved).toBe("outside_calling_hours");
      expect(body.message).toMatch(/outside calling hours.*9:00 AM/);
      const local = new Intl.DateTimeFormat("en-GB", { timeZone: "Australia/Sydney", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
        new Date(body.scheduledCall.scheduledTime),
      );
      expect(local).toBe("09:00");
      expect(+new Date(body.scheduledCall.scheduledTime)).toBeGreaterThan(+asked);
    });

    it("bad input is a clear 4xx and writes nothing: both ids, too far ahead, do-not-call, another clinic's call", async () => {
      const { organization, contact } = await clinic();
      const other = await createDispatchOrganization();
      const theirContact = await createContact(other.id);
      const theirCall = await getDb().call.create({
        data: { organizationId: other.id, contactId: theirContact.id, toNumber: theirContact.phoneNumber, status: "COMPLETED" },
      });
      const soon = new Date(Date.now() + 3_600_000).toISOString();
      expect((await post({ contactId: contact.id, callId: theirCall.id, dueAt: soon })).status).toBe(400);
      expect((await post({ contactId: contact.id, dueAt: new Date(Date.now() + 100 * 86_400_000).toISOString() })).status).toBe(400);
      expect((await post({ callId: theirCall.id, dueAt: soon })).status).toBe(404);
      expect((await post({ contactId: theirContact.id, dueAt: soon })).status).toBe(404);
      await listDoNotCall(organization.id, [contact.phoneNumber]);
      const refused = await post({ contactId: contact.id, dueAt: soon });
      expect(refused.status).toBe(409);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect(await getDb().scheduledCall.count({ where: { organizationId: { in: [organization.id, other.id] } } })).toBe(0);
    });

    it("a patient whose consent is none is refused with a 409 in plain words, and nothing is written", async () => {
      const { organization, contact } = await clinic();
      await getDb().contact.update({ where: { id: contact.id }, data: { consentBasis: "NONE" } });
      const refused = await post({ contactId: contact.id, dueAt: new Date(Date.now() + 3_600_000).toISOString() });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { detail: string }).detail).toBe(
        "Ada Patient has agreed to no calls (their consent is recorded as none), so no call back can be scheduled.",
      );
      expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(0);
    });
  });

  it("an outcome asking for a call back creates none for a patient whose consent is none", async () => {
    const organization = await createDispatchOrganization();
    const contact = await createContact(organization.id, { consentBasis: "NONE" });
    const call = await getDb().call.create({
      data: { organizationId: organization.id, contactId: contact.id, toNumber: contact.phoneNumber, status: "COMPLETED", outcome: "callback" },
    });
    expect(await createFollowUpCallback(organization.id, call.id)).toEqual({ created: false, reason: "no_consent" });
    expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("a call back after a call the clinic placed today is set for the time the patient's call limit allows, as the dispatcher will judge it", async () => {
    const organization = await createDispatchOrganization({ maxCallsPerDay: 1, maxCallsPerWeek: 3 });
    const contact = await createContact(organization.id, { name: "Liam Limit" });
    const now = new Date();
    const call = await getDb().call.create({
      data: {
        organizationId: organization.id,
        contactId: contact.id,
        toNumber: contact.phoneNumber,
        status: "COMPLETED",
        outcome: "callback",
        createdAt: new Date(+now - 300_000),
      },
    });
    const rules = await loadCallingRules(organization.id);
    const dialable = (at: Date) =>
      judgePatientDial([+call.createdAt], { toNumber: contact.phoneNumber, zone: contact.timezone!, rules, now: at, clinicHours: true });

    // From the call's outcome: "to confirm" at the time it will really ring (tomorrow, the patient's day), not in an hour.
    const followUp = await createFollowUpCallback(organization.id, call.id, now);
    expect(followUp.created).toBe(true);
    const { scheduledTime } = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: (followUp as { scheduledCallId: string }).scheduledCallId } });
    expect(+scheduledTime).toBeGreaterThan(+now + FOLLOW_UP_DELAY_MS);
    expect(dialable(scheduledTime)).toEqual({ ok: true });

    // By staff, in two hours: moved, and the answer says why.
    const staff = await createCallback(organization.id, null, { contactId: contact.id, dueAt: new Date(+now + 2 * 3_600_000).toISOString() }, now);
    expect(staff.moved).toBe("call_limit");
    expect(staff.message).toMatch(
      /^The patient was already called that day \(at most 1 a day\), so the call is set for the next time their call limit allows: /,
    );
    expect(dialable(new Date(staff.scheduledCall.scheduledTime))).toEqual({ ok: true });
  });

  it("staff confirm a callback made from an outcome: audited, once", async () => {
    const { organization, call } = await openCall();
    await deliver(endedEvent(call, "escalated"));
    await settledAfterResponse();
    const callback = await getDb().scheduledCall.findFirstOrThrow({ where: { organizationId: organization.id, kind: "CALLBACK" } });
    const { user } = await createMember("STAFF", organization.id);
    signInAs(user);
    const res = await callRoute(confirmRoute, { method: "POST", params: { id: callback.id } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { scheduledCall: { toConfirm: boolean } }).scheduledCall.toConfirm).toBe(false);
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: callback.id } })).toMatchObject({ confirmedByUserId: user.id });
    const again = await callRoute(confirmRoute, { method: "POST", params: { id: callback.id } });
    expect(((await again.json()) as { message: string }).message).toBe("Already confirmed");
    expect(
      await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "CALLBACK_CONFIRMED", targetId: callback.id, actorUserId: user.id } }),
    ).toBe(1);
  });
});
