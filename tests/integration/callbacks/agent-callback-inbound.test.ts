import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { POST as createCallbackRoute } from "@/app/api/callbacks/route";
import { scheduleCallback } from "@/lib/appointments/schedule-callback";
import { zonedInstant } from "@/lib/appointments/opening-hours";
import { addDaysToDate, localDateAndMinute } from "@/lib/time/local-date";
import { createCallback } from "@/lib/callbacks/create-callback";
import { getCall } from "@/lib/calls/history/get-call";
import { listAttention } from "@/lib/attention/list-attention";
import { getDb } from "@/lib/db";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { AppError } from "@/lib/errors";
import { createMember, registerLine } from "../../factories";
import { inboundCallEvent } from "../../factories/calls";
import { createAgentWithToken } from "../../factories/appointments";
import { callRoute, signInAs } from "../helpers/session";

const SECRET = "whsec_agent_callback_inbound";
const RILEY = "+61255509999";
const TEN_AM = zonedInstant("Australia/Sydney", "2026-12-02", 600)!;
const THREE_PM = new Date(zonedInstant("Australia/Sydney", "2026-12-02", 900)!);

let lines = 0;

/** A Sydney clinic calling every day 09:00–17:00, its reception agent answering the clinic's number; and a staff member. */
async function clinic() {
  const { organization, user } = await createMember("STAFF");
  await getDb().organization.update({
    where: { id: organization.id },
    data: { timezone: "Australia/Sydney", callingDays: [1, 2, 3, 4, 5, 6, 7], callingWindowStart: 540, callingWindowEnd: 1020 },
  });
  const { agentId } = await createAgentWithToken(organization.id, `agent_reception_${organization.id}`);
  const { phoneNumberId } = await registerLine(organization.id, { setDefault: false, e164: `+612555${String(70_000 + lines++)}` });
  await getDb().organization.update({ where: { id: organization.id }, data: { elevenLabsAgentId: agentId, elevenLabsPhoneNumberId: phoneNumberId } });
  return { organization, user, agentId };
}

/** The post-call webhook of a call the patient made to the clinic: they asked to be called back, and gave their name. */
async function callEnded(conversationId: string, agentId: string) {
  const now = Math.floor(Date.now() / 1000);
  const body = JSON.stringify(
    inboundCallEvent(conversationId, agentId, RILEY, {
      said: "It's Riley Brooks, can you call me back at three?",
      summary: "Riley asked to be called back at 3.",
      outcome: "callback_scheduled",
      callerName: "Riley Brooks",
    }),
  );
  const signature = signElevenLabsPayload(body, SECRET, now);
  const res = await webhookRoute(new Request("http://localhost/api/calls", { method: "POST", headers: { "elevenlabs-signature": signature }, body }), {
    params: Promise.resolve({}),
  });
  expect(res.status).toBe(200);
  await settledAfterResponse();
  return getDb().call.findFirstOrThrow({ where: { conversationId } });
}

/** The agent's schedule_callback as ElevenLabs sends it on a call Riley made: her caller id, the clinic's number rung. */
async function agentCallsBack(organizationId: string, agentId: string, conversationId: string) {
  const { e164 } = await getDb().phoneNumber.findFirstOrThrow({ where: { organizationId }, select: { e164: true } });
  return scheduleCallback(
    organizationId,
    agentId,
    { caller_id: RILEY, called_number: e164!, time: "3pm", context: "Wants to talk about her results", conversation_id: conversationId },
    TEN_AM,
  );
}

const reader = (userId: string) => ({ actor: { userId, email: "staff@example.com" }, via: "page" as const });

describe("the agent's call back during a call the clinic received is that call's follow-up", () => {
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.ELEVENLABS_WEBHOOK_SECRET = SECRET;
  });
  afterAll(() => {
    process.env = saved;
  });

  it("made before the call is recorded: linked when it is; the call's page and Needs attention agree; the unknown caller is named as they said", async () => {
    const { organization, user, agentId } = await clinic();
    const conversationId = `conv_in_first_${organization.id}`;
    const answer = await agentCallsBack(organization.id, agentId, conversationId);
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: answer.scheduled_call_id } })).toMatchObject({ sourceCallId: null });

    const call = await callEnded(conversationId, agentId);
    const callback = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: answer.scheduled_call_id }, include: { contact: true } });
    expect(callback.sourceCallId).toBe(call.id);
    // The contact schedule_callback made with the number alone takes the name the caller gave.
    expect(callback.contact.name).toBe("Riley Brooks");
    expect(call.contactId).toBe(callback.contactId);
    // One call back: the outcome's own "to confirm" one sees the agent's.
    expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(1);

    const page = await getCall(organization.id, call.id, reader(user.id));
    expect(page.followUps).toEqual([expect.objectContaining({ id: callback.id, callbackOrigin: "AGENT", status: "PENDING" })]);
    const attention = await listAttention(organization.id);
    expect(attention.open.filter((item) => item.callId === call.id)).toEqual([]);
  });

  it("made after the call is recorded (an outbound conversation, or a late tool call): linked at once", async () => {
    const { organization, agentId } = await clinic();
    const conversationId = `conv_in_later_${organization.id}`;
    const call = await callEnded(conversationId, agentId);
    const answer = await agentCallsBack(organization.id, agentId, conversationId);
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: answer.scheduled_call_id } })).toMatchObject({ sourceCallId: call.id });
  });

  it("staff's Call back on that call at the same time is a 409 naming the agent's; another time is fine", async () => {
    const { organization, user, agentId } = await clinic();
    const conversationId = `conv_in_dup_${organization.id}`;
    const answer = await agentCallsBack(organization.id, agentId, conversationId);
    const call = await callEnded(conversationId, agentId);

    const duplicate = createCallback(
      organization.id,
      { userId: user.id },
      { callId: call.id, dueAt: new Date(+THREE_PM + 15 * 60_000).toISOString() },
      new Date(TEN_AM),
    );
    await expect(duplicate).rejects.toMatchObject({
      status: 409,
      message:
        "This call already has a call back to Riley Brooks at Wed 2 Dec, 3:00 PM (scheduled by the agent during the call). Change that one on Scheduling instead of adding a second.",
      extra: { existingScheduledCallId: answer.scheduled_call_id },
    });
    await expect(duplicate).rejects.toBeInstanceOf(AppError);
    const later = await createCallback(
      organization.id,
      { userId: user.id },
      { callId: call.id, dueAt: new Date(+THREE_PM + 90 * 60_000).toISOString() },
      new Date(TEN_AM),
    );
    expect(later.scheduledCall.scheduledTime).toEqual(new Date(+THREE_PM + 90 * 60_000));
    expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(2);

    // Over HTTP (the real clock): the problem names the one to change.
    signInAs(user);
    const tomorrow = addDaysToDate(localDateAndMinute(Date.now(), "Australia/Sydney").date, 1);
    const elevenTomorrow = new Date(zonedInstant("Australia/Sydney", tomorrow, 660)!);
    await getDb().scheduledCall.update({ where: { id: answer.scheduled_call_id }, data: { scheduledTime: elevenTomorrow } });
    const res = await callRoute(createCallbackRoute, { method: "POST", body: { callId: call.id, dueAt: elevenTomorrow.toISOString() } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "conflict", existingScheduledCallId: answer.scheduled_call_id });
  });

  it("a call back of the conversation left unlinked (written before this rule) is still listed on the call's page", async () => {
    const { organization, user, agentId } = await clinic();
    const conversationId = `conv_in_legacy_${organization.id}`;
    const answer = await agentCallsBack(organization.id, agentId, conversationId);
    const call = await callEnded(conversationId, agentId);
    await getDb().scheduledCall.update({ where: { id: answer.scheduled_call_id }, data: { sourceCallId: null } });
    expect((await getCall(organization.id, call.id, reader(user.id))).followUps.map((f) => f.id)).toEqual([answer.scheduled_call_id]);
  });

  it("a contact staff have named since keeps their name", async () => {
    const { organization, agentId } = await clinic();
    const conversationId = `conv_in_named_${organization.id}`;
    const answer = await agentCallsBack(organization.id, agentId, conversationId);
    const { contactId } = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: answer.scheduled_call_id } });
    await getDb().contact.update({ where: { id: contactId }, data: { name: "Riley B. (new patient)" } });
    await callEnded(conversationId, agentId);
    expect((await getDb().contact.findUniqueOrThrow({ where: { id: contactId } })).name).toBe("Riley B. (new patient)");
  });
});
