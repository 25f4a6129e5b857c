import { describe, expect, it } from "vitest";
import { POST as cancelRoute } from "@/app/api/agent-actions/cancel-appointment/[agent_id]/route";
import { POST as rescheduleRoute } from "@/app/api/agent-actions/reschedule-appointment/[agent_id]/route";
import { POST as findRoute } from "@/app/api/agent-actions/find-patient/[agent_id]/route";
import { POST as bookRoute } from "@/app/api/agent-actions/book-appointment/[agent_id]/route";
import { getDb } from "@/lib/db";
import { updateAppointment } from "@/lib/appointments/update-appointment";
import { UNKNOWN_CALLER } from "@/lib/appointments/caller-phone";
import { addDaysToDate, localDateAndMinute, zonedInstant } from "@/lib/appointments/opening-hours";
import { createContact, createOrganization, lineNumber, registerLine } from "../../factories";
import { callAgentAction, createAgentWithToken, createAppointment, EVERY_DAY_9_TO_5, setOpeningHours } from "../../factories/appointments";

type Answer = { success?: boolean; found?: boolean; appointment_id?: string; message: string; next_appointment?: { start_time: string } | null };
const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Answer });

async function clinic() {
  const organization = await createOrganization({ timezone: "Australia/Sydney" });
  await setOpeningHours(organization.id, EVERY_DAY_9_TO_5);
  return { organization, ...(await createAgentWithToken(organization.id)) };
}
const date = addDaysToDate(localDateAndMinute(Date.now(), "Australia/Sydney").date, 4);

describe("cancel, reschedule and find-patient", () => {
  it("by the caller's phone: find → reschedule (taken, then free) → cancel frees the slot", async () => {
    const { organization, agentId, token } = await clinic();
    const booked = await json(
      await callAgentAction(bookRoute, agentId, token, { date, start_time: "10:00", customer_name: "Jane Citizen", customer_phone: "0491 570 156" }),
    );
    await createAppointment(organization.id, new Date(zonedInstant("Australia/Sydney", date, 660)!), 30, { attendeeName: "Someone Else" }); // 11:00

    const found = await json(await callAgentAction(findRoute, agentId, token, { caller_id: "+61 491 570 156" }));
    expect(found.body).toMatchObject({ found: true, next_appointment: { start_time: "10:00" } });
    expect(found.body.message).toMatch(/^This is Jane Citizen\. Their next appointment is at 10:00 AM on /);
    expect((await json(await callAgentAction(findRoute, agentId, token, { caller_id: "0491 570 999" }))).body).toMatchObject({
      found: false,
      message: "I don't have a record for this number yet.",
    });

    const taken = await json(await callAgentAction(rescheduleRoute, agentId, token, { caller_id: "0491570156", new_date: date, new_start_time: "11:00" }));
    expect(taken.body.success).toBe(false);
    // Its own 10:00 slot counts as free for the move.
    expect(taken.body.message).toMatch(
      /11:00 AM .* is already taken\. The nearest free times are 10:30 AM and 11:30 AM\. The appointment is still at 10:00 AM/,
    );
    const moved = await json(await callAgentAction(rescheduleRoute, agentId, token, { caller_id: "0491570156", new_date: date, new_start_time: "10:15" }));
    expect(moved.body).toMatchObject({ success: true, appointment_id: booked.body.appointment_id });
    expect(moved.body.message).toMatch(/^Done — Jane Citizen's appointment is moved to 10:15 AM on /);

    const cancelled = await json(await callAgentAction(cancelRoute, agentId, token, { caller_id: "0491 570 156" }));
    expect(cancelled.body.message).toMatch(/^Done — the appointment for Jane Citizen at 10:15 AM on .* is cancelled\.$/);
    expect((await getDb().appointment.findUniqueOrThrow({ where: { id: booked.body.appointment_id! } })).status).toBe("CANCELLED");
    const again = await json(await callAgentAction(cancelRoute, agentId, token, { appointment_id: booked.body.appointment_id, caller_id: "0491 570 156" }));
    expect(again).toMatchObject({ status: 404, body: { message: "I couldn't find that appointment under your number. It may have been cancelled already." } });
    // The slot is free again.
    expect(
      (await json(await callAgentAction(bookRoute, agentId, token, { date, start_time: "10:15", customer_name: "New Person", customer_phone: "0491 570 160" })))
        .body.success,
    ).toBe(true);
  });

  it("another clinic's appointment id answers like a missing one and changes nothing", async () => {
    const mine = await clinic();
    const theirs = await clinic();
    const foreign = await createAppointment(theirs.organization.id, new Date(zonedInstant("Australia/Sydney", date, 600)!), 30);
    const caller = { caller_id: foreign.attendeePhone ?? "+61491570156" };
    const cancel = await json(await callAgentAction(cancelRoute, mine.agentId, mine.token, { appointment_id: foreign.id, ...caller }));
    const move = await json(
      await callAgentAction(rescheduleRoute, mine.agentId, mine.token, { appointment_id: foreign.id, new_date: date, new_start_time: "12:00", ...caller }),
    );
    const missing = await json(await callAgentAction(cancelRoute, mine.agentId, mine.token, { appointment_id: "nope", ...caller }));
    const withoutId = ({ status, body }: Awaited<ReturnType<typeof json>>) => ({ status, body: { ...body, requestId: undefined } });
    expect(withoutId(cancel)).toEqual(withoutId(missing));
    expect(move.status).toBe(404);
    expect(await getDb().appointment.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ status: "SCHEDULED", startsAt: foreign.startsAt });
    const neither = await json(await callAgentAction(cancelRoute, mine.agentId, mine.token, {}));
    expect(neither).toMatchObject({ status: 422, body: { message: UNKNOWN_CALLER } });
  });

  it("by id, only the caller's own appointment: someone else's looks missing and stays as it was", async () => {
    const { organization, agentId, token } = await clinic();
    const janes = await createAppointment(organization.id, new Date(zonedInstant("Australia/Sydney", date, 600)!), 30, {
      attendeeName: "Jane",
      attendeePhone: "+61491570156",
    });
    const asStranger = { appointment_id: janes.id, caller_id: "+61491570199" };
    expect((await json(await callAgentAction(cancelRoute, agentId, token, asStranger))).status).toBe(404);
    expect((await json(await callAgentAction(rescheduleRoute, agentId, token, { ...asStranger, new_date: date, new_start_time: "12:00" }))).status).toBe(404);
    expect(await getDb().appointment.findUniqueOrThrow({ where: { id: janes.id } })).toMatchObject({ status: "SCHEDULED", startsAt: janes.startsAt });
    const asJane = await json(await callAgentAction(cancelRoute, agentId, token, { appointment_id: janes.id, caller_id: "+61491570156" }));
    expect(asJane.status).toBe(200);
  });

  it("a number the caller only says (caller id withheld) opens nobody's records; it can still book a new appointment", async () => {
    const { organization, agentId, token } = await clinic();
    const clinicNumber = lineNumber();
    await registerLine(organization.id, { e164: clinicNumber, setDefault: false });
    const jane = await createContact(organization.id, { name: "Jane Citizen", phoneNumber: "+61491570156" });
    await getDb().contact.update({ where: { id: jane.id }, data: { language: "hi-IN" } });
    const janes = await createAppointment(organization.id, new Date(zonedInstant("Australia/Sydney", date, 600)!), 30, {
      attendeeName: "Jane Citizen",
      attendeePhone: "+61491570156",
    });
    // An inbound call with the caller id withheld; the caller names Jane's number (an older tool's LLM-filled fields).
    const withheld = { caller_id: "anonymous", called_number: clinicNumber, conversation_id: "conv_withheld" };
    const refused = [
      await callAgentAction(findRoute, agentId, token, { ...withheld, phone_number: "0491 570 156" }),
      await callAgentAction(cancelRoute, agentId, token, { ...withheld, customer_phone: "0491 570 156" }),
      await callAgentAction(cancelRoute, agentId, token, { ...withheld, appointment_id: janes.id, customer_phone: "0491 570 156" }),
      await callAgentAction(rescheduleRoute, agentId, token, { ...withheld, customer_phone: "0491 570 156", new_date: date, new_start_time: "12:00" }),
    ];
    for (const res of refused) {
      const answer = await json(res);
      expect(answer).toMatchObject({ status: 422, body: { success: false, message: UNKNOWN_CALLER } });
      expect(JSON.stringify(answer.body)).not.toMatch(/Jane|10:00/);
    }
    expect(await getDb().appointment.findUniqueOrThrow({ where: { id: janes.id } })).toMatchObject({ status: "SCHEDULED", startsAt: janes.startsAt });

    // Booking creates and reveals nothing: allowed on the number said, in the clinic's language (not the contact's,
    // which would tell the caller whose number it is), the contact left as staff keep it, the feed saying so.
    const booked = await json(
      await callAgentAction(bookRoute, agentId, token, { ...withheld, date, start_time: "14:00", customer_name: "J. Citizen", customer_phone: "0491 570 156" }),
    );
    expect(booked).toMatchObject({ status: 201, body: { success: true } });
    expect(booked.body.message).toMatch(/^Done — J\. Citizen is booked for 2:00 PM on /);
    expect(await getDb().appointment.findUniqueOrThrow({ where: { id: booked.body.appointment_id! } })).toMatchObject({
      attendeePhone: "+61491570156",
      contactId: jane.id,
    });
    expect(await getDb().contact.findUniqueOrThrow({ where: { id: jane.id } })).toMatchObject({ name: "Jane Citizen", language: "hi-IN" });
    expect(await getDb().activityEvent.findFirstOrThrow({ where: { organizationId: organization.id, type: "APPOINTMENT_BOOKED" } })).toMatchObject({
      message: expect.stringMatching(/^The agent booked J\. Citizen for .*\(on a number the caller gave; their caller id was not shown\)$/),
    });
    // The clinic's own number is never a patient's.
    const own = await json(
      await callAgentAction(bookRoute, agentId, token, { ...withheld, date, start_time: "15:00", customer_name: "Prank", customer_phone: clinicNumber }),
    );
    expect(own).toMatchObject({
      status: 400,
      body: { message: "I couldn't tell which phone number you're calling from. Could you say it, with the area code?" },
    });
  });

  it("an appointment that is already over is neither cancelled nor moved by the agent; staff can still mark it cancelled", async () => {
    const { organization, agentId, token } = await clinic();
    // Ended a minute ago.
    const over = await createAppointment(organization.id, new Date(Date.now() - 31 * 60_000), 30, { attendeeName: "Jane", attendeePhone: "+61491570156" });
    const caller = { appointment_id: over.id, caller_id: "+61491570156" };
    const when = /The appointment at \d{1,2}:\d{2} [AP]M on \w+ \d{1,2} \w+ is already over, so/;

    const cancel = await json(await callAgentAction(cancelRoute, agentId, token, caller));
    expect(cancel).toMatchObject({ status: 409, body: { success: false } });
    expect(cancel.body.message).toMatch(new RegExp(`${when.source} it can't be cancelled\\.$`));
    const move = await json(await callAgentAction(rescheduleRoute, agentId, token, { ...caller, new_date: date, new_start_time: "12:00" }));
    expect(move).toMatchObject({ status: 409, body: { success: false } });
    expect(move.body.message).toMatch(new RegExp(`${when.source} it can't be moved\\. I can book a new appointment instead\\.$`));
    expect(await getDb().appointment.findUniqueOrThrow({ where: { id: over.id } })).toMatchObject({ status: "SCHEDULED", startsAt: over.startsAt });

    // Staff keep the book: a visit that did not happen can still be marked cancelled afterwards.
    expect(await updateAppointment(organization.id, over.id, { status: "CANCELLED" })).toMatchObject({ status: "CANCELLED" });
  });
});
