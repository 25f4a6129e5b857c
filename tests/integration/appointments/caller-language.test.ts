import { describe, expect, it } from "vitest";
import { POST as availabilityRoute } from "@/app/api/agent-actions/check-availability/[agent_id]/route";
import { POST as bookRoute } from "@/app/api/agent-actions/book-appointment/[agent_id]/route";
import { POST as callbackRoute } from "@/app/api/agent-actions/schedule-callback/[agent_id]/route";
import { POST as conversationInitRoute } from "@/app/api/agent-actions/conversation-init/route";
import { checkAvailability } from "@/lib/appointments/check-availability";
import { scheduleCallback } from "@/lib/appointments/schedule-callback";
import { zonedInstant } from "@/lib/appointments/opening-hours";
import { getDb } from "@/lib/db";
import { createOrganization, lineNumber, registerLine } from "../../factories";
import { callAgentAction, createAgentWithToken, setOpeningHours } from "../../factories/appointments";

const HINDI = "+61491570201";
const ENGLISH = "+61491570202";
const DEVANAGARI = /[\u0900-\u097F]/;

/** A Sydney clinic (en-AU) with a Hindi-speaking and an English-speaking patient, open every day 9–5. */
async function clinic() {
  const organization = await createOrganization({ timezone: "Australia/Sydney" });
  await getDb().organization.update({
    where: { id: organization.id },
    data: { callingDays: [1, 2, 3, 4, 5, 6, 7], callingWindowStart: 540, callingWindowEnd: 1020 },
  });
  await setOpeningHours(
    organization.id,
    [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: 540, end: 1020 })),
    60,
  );
  const { agentId, token } = await createAgentWithToken(organization.id, `agent_lang_${organization.id}`);
  const { phoneNumberId } = await registerLine(organization.id, { setDefault: false, e164: lineNumber() });
  await getDb().organization.update({ where: { id: organization.id }, data: { elevenLabsAgentId: agentId, elevenLabsPhoneNumberId: phoneNumberId } });
  await getDb().contact.createMany({
    data: [
      { organizationId: organization.id, name: "Asha Verma", phoneNumber: HINDI, language: "hi-IN", customFields: {} },
      { organizationId: organization.id, name: "Jane Citizen", phoneNumber: ENGLISH, language: "en-AU", customFields: {} },
    ],
  });
  return { organization, agentId, token };
}

const TEN_AM = zonedInstant("Australia/Sydney", "2026-12-02", 600)!; // Wednesday 2 December, 10:00 in Sydney

describe("agent actions answer a hi-IN caller in Hindi", () => {
  it('schedule_callback: "3 baje" → a call back at 3 PM, said in Hindi; an English caller hears English', async () => {
    const { organization, agentId, token } = await clinic();
    const res = await callAgentAction(callbackRoute, agentId, token, { caller_id: HINDI, time: "3 baje", context: "Dawai ke baare mein" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { message: string; scheduled_time: string };
    expect(body.message).toMatch(/^हो गया — आपको /);
    expect(body.message).toMatch(/(दोपहर 3:00 बजे|\d{1,2} \S+ को .+ बजे) कॉल किया जाएगा।$/);

    // Pinned at a known "now": the very words, and the English twin for the other patient.
    const hindi = await scheduleCallback(organization.id, agentId, { caller_id: HINDI, time: "3 baje", context: "x", conversation_id: "conv_hi" }, TEN_AM);
    expect(hindi.message).toBe("हो गया — आपको दोपहर 3:00 बजे कॉल किया जाएगा।");
    const moved = await scheduleCallback(organization.id, agentId, { caller_id: HINDI, time: "8pm", context: "x", conversation_id: "conv_hi_2" }, TEN_AM);
    expect(moved.message).toBe("हो गया — क्लिनिक अपने कॉल वाले दिनों में सुबह 9:00 बजे से शाम 5:00 बजे के बीच कॉल करता है, इसलिए आपको कल सुबह 9:00 बजे कॉल किया जाएगा।");
    const english = await scheduleCallback(organization.id, agentId, { caller_id: ENGLISH, time: "3pm", context: "x" }, TEN_AM);
    expect(english.message).toBe("Done — I'll call you at 3:00 PM.");

    const refused = await callAgentAction(callbackRoute, agentId, token, { caller_id: HINDI, time: "jab bhi", context: "x" });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toBe("कॉल बैक का समय समझ नहीं आया। क्या आप समय बता सकते हैं, जैसे 3 बजे, या 2 घंटे बाद?");
  });

  it("check_availability: the patient found from the call's conversation hears the day and times in Hindi", async () => {
    const { organization, agentId, token } = await clinic();
    // An outbound call Callboard dialed to the Hindi-speaking patient: the conversation id says who is on the line.
    await getDb().call.create({
      data: { organizationId: organization.id, toNumber: HINDI, conversationId: `conv_lang_${organization.id}`, status: "IN_PROGRESS" },
    });
    const now = Date.parse("2027-01-20T00:00:00Z");
    const free = await checkAvailability(organization.id, { date: "2027-02-02", time: "15:00", conversation_id: `conv_lang_${organization.id}` }, now);
    expect(free.message).toBe("जी हाँ, मंगलवार, 2 फ़रवरी को दोपहर 3:00 बजे खाली है।");
    const list = await checkAvailability(organization.id, { date: "2027-02-02", caller_id: HINDI }, now);
    expect(list.message).toBe(
      "मंगलवार, 2 फ़रवरी को 8 समय खाली हैं: सुबह 9:00 बजे, सुबह 10:00 बजे, सुबह 11:00 बजे, दोपहर 12:00 बजे, दोपहर 1:00 बजे और दोपहर 2:00 बजे, और बाद के भी।",
    );
    const english = await checkAvailability(organization.id, { date: "2027-02-02", time: "15:00", caller_id: ENGLISH }, now);
    expect(english.message).toBe("Yes, 3:00 PM on Tuesday 2 February is free.");
    // No way to tell the caller: the clinic's default (English here).
    expect((await checkAvailability(organization.id, { date: "2027-02-02", time: "15:00" }, now)).message).toBe("Yes, 3:00 PM on Tuesday 2 February is free.");
    // A tool bound to {{language}} says so itself; an unknown value is ignored, not refused.
    expect((await checkAvailability(organization.id, { date: "2027-02-02", time: "15:00", language: "hi-IN" }, now)).message).toMatch(DEVANAGARI);
    expect((await checkAvailability(organization.id, { date: "2027-02-02", time: "15:00", language: "xx" }, now)).message).toMatch(/^Yes/);

    const res = await callAgentAction(availabilityRoute, agentId, token, { date: "2020-01-01", caller_id: HINDI });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/^वह तारीख़ निकल चुकी है — आज .+ है।$/);
  });

  it("book_appointment: booked and taken answers in Hindi, the staff feed in English", async () => {
    const { organization, agentId, token } = await clinic();
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const booked = await callAgentAction(bookRoute, agentId, token, { date, start_time: "15:00", customer_name: "Asha Verma", caller_id: HINDI });
    expect(booked.status).toBe(201);
    expect(((await booked.json()) as { message: string }).message).toMatch(/^हो गया — Asha Verma की अपॉइंटमेंट .+ को दोपहर 3:00 बजे के लिए बुक हो गई है।$/);
    const taken = await callAgentAction(bookRoute, agentId, token, { date, start_time: "15:00", customer_name: "Asha Verma", caller_id: HINDI });
    const answer = (await taken.json()) as { success: boolean; message: string };
    expect(answer.success).toBe(false);
    expect(answer.message).toMatch(/^माफ़ कीजिए, .+ को दोपहर 3:00 बजे पहले से बुक है। सबसे नज़दीकी खाली समय .+ हैं।$/);
    const feed = await getDb().activityEvent.findFirstOrThrow({ where: { organizationId: organization.id, type: "APPOINTMENT_BOOKED" } });
    expect(feed.message).toMatch(/^The agent booked Asha Verma for 3:00 PM on /);
  });

  it("conversation-init: a hi-IN caller is greeted in Hindi, with the language override and the next appointment in Hindi", async () => {
    const { organization, agentId, token } = await clinic();
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    await getDb().appointment.create({
      data: {
        organizationId: organization.id,
        title: "Check-up",
        startsAt,
        endsAt: new Date(+startsAt + 1_800_000),
        attendeeName: "Asha Verma",
        attendeePhone: HINDI,
      },
    });
    const init = async (callerId: string) => {
      const res = await conversationInitRoute(
        new Request("http://localhost/api/agent-actions/conversation-init", {
          method: "POST",
          headers: { "content-type": "application/json", "x-agent-token": token },
          body: JSON.stringify({ caller_id: callerId, agent_id: agentId }),
        }),
        { params: Promise.resolve({}) },
      );
      expect(res.status).toBe(200);
      return (await res.json()) as { dynamic_variables: Record<string, string>; conversation_config_override?: { agent: { language: string } } };
    };
    const hindi = await init(HINDI);
    expect(hindi.conversation_config_override).toEqual({ agent: { language: "hi" } });
    expect(hindi.dynamic_variables).toMatchObject({ known_caller: "yes", contact_name: "Asha Verma", language: "hi-IN" });
    expect(hindi.dynamic_variables.greeting).toMatch(DEVANAGARI);
    expect(hindi.dynamic_variables.next_appointment).toMatch(/^\S+, \d{1,2} \S+ को (सुबह|दोपहर|शाम|रात) \d{1,2}:\d{2} बजे$/);

    const english = await init(ENGLISH);
    expect(english.conversation_config_override).toBeUndefined();
    expect(english.dynamic_variables.greeting).toMatch(/^Good (morning|afternoon|evening)$/);
    const stranger = await init("+61491570299");
    expect(stranger.conversation_config_override).toBeUndefined();
    expect(stranger.dynamic_variables).toMatchObject({ known_caller: "no", language: "en-AU" });
  });
});
