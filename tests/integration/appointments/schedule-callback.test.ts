import { describe, expect, it } from "vitest";
import { POST as callbackRoute } from "@/app/api/agent-actions/schedule-callback/[agent_id]/route";
import { scheduleCallback } from "@/lib/appointments/schedule-callback";
import { zonedInstant } from "@/lib/appointments/opening-hours";
import { buildDynamicVariables } from "@/lib/calls/dynamic-variables";
import { getDb } from "@/lib/db";
import { createContact, createOrganization, lineNumber, registerLine } from "../../factories";
import { callAgentAction, createAgentWithToken } from "../../factories/appointments";
import { listDoNotCall } from "../../factories/do-not-call";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { judgePatientDial } from "@/lib/compliance/check-patient-dial";

async function clinic() {
  const organization = await createOrganization({ timezone: "Australia/Sydney" });
  await getDb().organization.update({
    where: { id: organization.id },
    data: { callingDays: [1, 2, 3, 4, 5, 6, 7], callingWindowStart: 540, callingWindowEnd: 1020, maxAttempts: 4 },
  });
  const { agentId, token } = await createAgentWithToken(organization.id, `agent_callbacks_${organization.id}`);
  const { phoneNumberId } = await registerLine(organization.id, { setDefault: false, e164: lineNumber() });
  await getDb().organization.update({ where: { id: organization.id }, data: { elevenLabsAgentId: agentId, elevenLabsPhoneNumberId: phoneNumberId } });
  return { organization, agentId, token, phoneNumberId };
}

const TEN_AM = zonedInstant("Australia/Sydney", "2026-12-02", 600)!;

describe("schedule-callback", () => {
  it('"call me back at 3" → one PENDING scheduled call at 3:00 PM carrying the context and the conversation id', async () => {
    const { organization, agentId, phoneNumberId } = await clinic();
    const answer = await scheduleCallback(
      organization.id,
      agentId,
      { caller_id: "+61491570156", time: "3pm", context: "Wants to move her flu shot", conversation_id: "conv_prev" },
      TEN_AM,
    );
    expect(answer).toMatchObject({ success: true, moved_to_calling_hours: false, message: "Done — I'll call you at 3:00 PM." });
    const row = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: answer.scheduled_call_id }, include: { contact: true } });
    expect(row).toMatchObject({ organizationId: organization.id, status: "PENDING", agentId, fromNumber: phoneNumberId, maxAttempts: 4, requestedTime: null });
    expect(+row.scheduledTime).toBe(zonedInstant("Australia/Sydney", "2026-12-02", 900));
    expect(row.contact.phoneNumber).toBe("+61491570156");
    // What the dispatcher will hand the agent when it dials the callback.
    const variables = buildDynamicVariables({
      contact: row.contact,
      organization: { ...organization, locale: "en-AU" },
      now: new Date(+row.scheduledTime),
      overrides: row.dynamicVariables as Record<string, string>,
    });
    expect(variables).toMatchObject({ context: "Wants to move her flu shot", previous_conversation_id: "conv_prev" });
  });

  it("'call me at 11am' is read on the caller's clock: the contact's own zone, else the clinic's (never the server's)", async () => {
    const { organization, agentId } = await clinic();
    // Sydney is UTC+11 in December and Perth UTC+8: the same words are three hours apart.
    await createContact(organization.id, { name: "Perth Patient", phoneNumber: "+61491570163", timezone: "Australia/Perth" });
    await createContact(organization.id, { name: "Sydney Patient", phoneNumber: "+61491570164", timezone: null });
    const ask = (caller_id: string) => scheduleCallback(organization.id, agentId, { caller_id, time: "11am", context: "Results" }, TEN_AM);

    const perth = await ask("+61491570163");
    const sydney = await ask("+61491570164");
    const scheduled = async (id: string) => +(await getDb().scheduledCall.findUniqueOrThrow({ where: { id } })).scheduledTime;
    expect(await scheduled(perth.scheduled_call_id)).toBe(zonedInstant("Australia/Perth", "2026-12-02", 660));
    expect(await scheduled(sydney.scheduled_call_id)).toBe(zonedInstant("Australia/Sydney", "2026-12-02", 660));
    // Both inside the clinic's hours (2 PM and 11 AM in Sydney): nothing moved, and each is told their own 11.
    for (const answer of [perth, sydney]) expect(answer).toMatchObject({ moved_to_calling_hours: false, message: "Done — I'll call you at 11:00 AM." });
    expect([perth.time_zone, perth.local_time]).toEqual(["Australia/Perth", "2026-12-02 11:00 AM"]);
    expect([sydney.time_zone, sydney.local_time]).toEqual(["Australia/Sydney", "2026-12-02 11:00 AM"]);
  });

  it("a caller with no contact zone but a number of one zone is read on that zone's clock: '5pm' from San Francisco is 5 PM there", async () => {
    const { organization, agentId } = await clinic();
    // 10:00 in Sydney on 2 December is 15:00 on 1 December in California; 5 PM there is noon in Sydney, inside the clinic's hours.
    const answer = await scheduleCallback(organization.id, agentId, { caller_id: "+14155550123", time: "5pm", context: "Results" }, TEN_AM);
    expect(answer).toMatchObject({ moved_to_calling_hours: false, time_zone: "America/Los_Angeles", local_time: "2026-12-01 5:00 PM" });
    const row = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: answer.scheduled_call_id } });
    expect(+row.scheduledTime).toBe(zonedInstant("America/Los_Angeles", "2026-12-01", 1020));
  });

  it("asked again in the same conversation, the callback moves: one patient, one call back", async () => {
    const { organization, agentId } = await clinic();
    const first = await scheduleCallback(
      organization.id,
      agentId,
      { caller_id: "+61491570158", time: "3pm", context: "Test results", conversation_id: "conv_same" },
      TEN_AM,
    );
    const second = await scheduleCallback(
      organization.id,
      agentId,
      { caller_id: "+61491570158", time: "4pm", context: "Test results, after work", conversation_id: "conv_same" },
      TEN_AM,
    );
    expect(second.scheduled_call_id).toBe(first.scheduled_call_id);
    expect(second.message).toBe("Done — I'll call you at 4:00 PM.");
    const rows = await getDb().scheduledCall.findMany({ where: { organizationId: organization.id } });
    expect(rows).toHaveLength(1);
    expect(+rows[0]!.scheduledTime).toBe(zonedInstant("Australia/Sydney", "2026-12-02", 960));
    expect(rows[0]!.dynamicVariables).toMatchObject({ context: "Test results, after work" });
    // Another conversation asking for a callback is a callback of its own.
    const other = await scheduleCallback(
      organization.id,
      agentId,
      { caller_id: "+61491570158", time: "5pm", context: "Billing", conversation_id: "conv_other" },
      TEN_AM,
    );
    expect(other.scheduled_call_id).not.toBe(first.scheduled_call_id);
  });

  it("written by insertCallback like every call back, it keeps what is the agent's own: its line, its variables, its one feed entry", async () => {
    const { organization, phoneNumberId } = await clinic();
    // An agent that is not the clinic's default takes the call: the call back rings with that agent.
    const { agentId: answering } = await registerLine(organization.id, { setDefault: false, e164: lineNumber() });
    const answer = await scheduleCallback(
      organization.id,
      answering,
      { caller_id: "+61491570163", time: "3pm", context: "Results", conversation_id: "conv_own" },
      TEN_AM,
    );
    const row = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: answer.scheduled_call_id } });
    expect(row).toMatchObject({ agentId: answering, fromNumber: phoneNumberId, callbackOrigin: "AGENT", awaitsConfirmation: false, createdByUserId: null });
    // The note is the agent's `context`, not a second `callback_note`.
    expect(row.dynamicVariables).toEqual({ context: "Results", callback_requested: "3pm", previous_conversation_id: "conv_own" });
    const feed = await getDb().activityEvent.findMany({ where: { organizationId: organization.id, type: "CALLBACK_SCHEDULED" } });
    expect(feed.map((entry) => entry.message)).toEqual([expect.stringMatching(/^The agent scheduled a call back to /)]);
  });

  it("outside calling hours → the next opening, and the message says so", async () => {
    const { organization, agentId } = await clinic();
    const answer = await scheduleCallback(organization.id, agentId, { caller_id: "0491 570 157", time: "8pm", context: "Results" }, TEN_AM);
    expect(answer.moved_to_calling_hours).toBe(true);
    expect(answer.message).toBe("Done — the clinic calls between 9:00 AM and 5:00 PM on its calling days, so I'll call you tomorrow at 9:00 AM.");
    const row = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: answer.scheduled_call_id } });
    expect(+row.scheduledTime).toBe(zonedInstant("Australia/Sydney", "2026-12-03", 540));
    expect(+row.requestedTime!).toBe(zonedInstant("Australia/Sydney", "2026-12-02", 1200));
  });

  it("a patient the clinic already called today is promised the time the dispatcher will really dial: the next one their call limit allows", async () => {
    const { organization, agentId } = await clinic();
    const patient = await createContact(organization.id, { name: "Cal Limit", phoneNumber: "+61491570162", timezone: "Australia/Sydney" });
    // The clinic's call that asked for the call back, placed at 9:50 (the default limit: 1 call a day).
    await getDb().call.create({
      data: {
        organizationId: organization.id,
        contactId: patient.id,
        toNumber: patient.phoneNumber,
        status: "COMPLETED",
        createdAt: new Date(TEN_AM - 600_000),
      },
    });
    const answer = await scheduleCallback(
      organization.id,
      agentId,
      { caller_id: "+61491570162", time: "in 2 hours", context: "Results", conversation_id: "conv_limit" },
      TEN_AM,
    );
    const row = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: answer.scheduled_call_id } });
    // What the dispatcher checks right before the dial, at the time the row is due.
    const rules = await loadCallingRules(organization.id);
    const dialed = (await getDb().call.findMany({ where: { contactId: patient.id }, select: { createdAt: true } })).map((call) => +call.createdAt);
    const verdict = judgePatientDial(dialed, { toNumber: patient.phoneNumber, zone: "Australia/Sydney", rules, now: row.scheduledTime, clinicHours: true });
    expect(verdict).toEqual({ ok: true });
    expect(+row.scheduledTime).toBe(zonedInstant("Australia/Sydney", "2026-12-03", 540));
    expect(answer).toMatchObject({ moved_to_calling_hours: true, moved_for_call_limit: true });
    expect(answer.message).toBe("Done — the clinic calls each patient only so often, so I'll call you tomorrow at 9:00 AM.");
  });

  it("over HTTP with the token; bad input is a 4xx to read aloud with nothing written", async () => {
    const { organization, agentId, token } = await clinic();
    const ok = await callAgentAction(callbackRoute, agentId, token, {
      caller_id: "0491 570 158",
      time: "in 2 hours",
      context: "Billing question",
      conversation_id: "conv_x",
    });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { message: string }).message).toMatch(/^Done — .*I'll call you /);
    const before = await getDb().scheduledCall.count({ where: { organizationId: organization.id } });

    await listDoNotCall(organization.id, ["+61491570159"]);
    const cases: [unknown, number, RegExp][] = [
      [{ caller_id: "0491 570 158", time: "whenever", context: "x" }, 400, /couldn't work out when/],
      [{ caller_id: "0491 570 158", time: "3pm" }, 400, /what the call back is about/],
      [{ time: "3pm", context: "x" }, 422, /can't tell which number you're calling from/],
      [{ caller_id: "12", time: "3pm", context: "x" }, 422, /can't tell which number you're calling from/],
      // A number the agent typed (an older tool's phone_number) is never the patient's: a withheld caller id could name anyone's.
      [{ phone_number: "0491 570 158", time: "3pm", context: "x" }, 422, /can't tell which number you're calling from/],
      [{ caller_id: "0491 570 159", time: "3pm", context: "x" }, 409, /do-not-call/],
      [{ caller_id: "0491 570 158", time: "2020-01-01T10:00:00Z", context: "x" }, 400, /already passed/],
    ];
    for (const [body, status, message] of cases) {
      const res = await callAgentAction(callbackRoute, agentId, token, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { message: string }).message).toMatch(message);
    }
    expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(before);
    expect(await getDb().contact.count({ where: { organizationId: organization.id, phoneNumber: "+6112" } })).toBe(0);
  });

  it("a caller whose consent is none gets a 409 the agent can say, in their language, and nothing is written", async () => {
    const { organization, agentId, token } = await clinic();
    await createContact(organization.id, { name: "Nora Noconsent", phoneNumber: "+61491570160", consentBasis: "NONE" });
    const hindi = await createContact(organization.id, { name: "Hema Hindi", phoneNumber: "+61491570161", consentBasis: "NONE" });
    await getDb().contact.update({ where: { id: hindi.id }, data: { language: "hi-IN" } });

    const res = await callAgentAction(callbackRoute, agentId, token, { caller_id: "0491 570 160", time: "in 2 hours", context: "Billing" });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toBe(
      "The clinic's records say you agreed to no calls, so I can't schedule a call back. The clinic's staff can change that if you tell them.",
    );
    await expect(scheduleCallback(organization.id, agentId, { caller_id: "+61491570161", time: "3pm", context: "x" }, TEN_AM)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/सहमति नहीं दी है/),
    });
    expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(0);
  });
});
