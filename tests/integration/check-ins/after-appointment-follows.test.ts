import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { cancelAppointmentById } from "@/lib/appointments/cancel-appointment";
import { updateAppointment } from "@/lib/appointments/update-appointment";
import { createCheckIn } from "@/lib/check-ins/create-check-in";
import { listCheckIns } from "@/lib/check-ins/list-check-ins";
import { createContact, createOrganization, registerLine } from "../../factories";

/** A Sydney clinic calling Mon–Fri 09:00–17:00, a patient, and her appointment on Thursday 14 Jan 2027 at 14:00. */
async function patientWithAppointment() {
  const organization = await createOrganization({ timezone: "Australia/Sydney" });
  await registerLine(organization.id);
  const contact = await createContact(organization.id, { name: "Grace Patient" });
  await getDb().contact.update({ where: { id: contact.id }, data: { timezone: "Australia/Sydney" } });
  const appointment = await getDb().appointment.create({
    data: {
      organizationId: organization.id,
      contactId: contact.id,
      title: "Knee",
      startsAt: new Date("2027-01-14T03:00:00Z"),
      endsAt: new Date("2027-01-14T03:30:00Z"),
      attendeeName: contact.name,
    },
  });
  const weekly = await createCheckIn(organization.id, null, {
    contactId: contact.id,
    time: "10:00",
    repeat: { type: "weekly", weekday: 1, weeks: 2, startDate: "2027-01-18" },
  });
  const after = await createCheckIn(organization.id, null, {
    contactId: contact.id,
    time: "11:00",
    repeat: { type: "after_appointment", appointmentId: appointment.id, days: 5 },
  });
  // Tuesday 19 Jan, 11:00 AEDT.
  expect(after.occurrences[0]!.scheduledTime).toEqual(new Date("2027-01-19T00:00:00Z"));
  return { organization, appointment, weekly, after };
}

const callsOf = (checkInId: string) => getDb().scheduledCall.findMany({ where: { checkInId }, orderBy: { checkInOccurrence: "asc" } });

describe("a check-in N days after an appointment follows the appointment", () => {
  it("the appointment moved a week later: the check-in call moves with it, still 5 days after, at 11:00", async () => {
    const { organization, appointment, weekly, after } = await patientWithAppointment();
    await updateAppointment(organization.id, appointment.id, { startsAt: new Date("2027-01-21T03:00:00Z") });
    const [call] = await callsOf(after.checkIn.id);
    expect(call).toMatchObject({ status: "PENDING", scheduledTime: new Date("2027-01-26T00:00:00Z") });
    // A weekly series has nothing to do with the appointment.
    expect((await callsOf(weekly.checkIn.id)).map((c) => [c.status, c.scheduledTime.toISOString()])).toEqual([
      ["PENDING", "2027-01-17T23:00:00.000Z"],
      ["PENDING", "2027-01-24T23:00:00.000Z"],
    ]);
  });

  it("the plan's description follows the appointment: it names the new date, as Scheduling → Check-ins lists it (D8)", async () => {
    const { organization, appointment, after } = await patientWithAppointment();
    const described = async () => (await listCheckIns(organization.id, { limit: 50 })).checkIns.find((plan) => plan.id === after.checkIn.id)!.description;
    expect(await described()).toMatch(/^5 days after the appointment on Thu 14 Jan( 2027)?, at 11:00 AM$/);
    await updateAppointment(organization.id, appointment.id, { startsAt: new Date("2027-01-21T03:00:00Z") });
    expect(await described()).toMatch(/^5 days after the appointment on Thu 21 Jan( 2027)?, at 11:00 AM$/);
  });

  it("re-placed within the patient's call limits: a day that already holds a call of theirs moves it on, as creating it would", async () => {
    const { organization, appointment, after } = await patientWithAppointment();
    // A call back already set for Tuesday 26 Jan, 09:30 — the day the check-in would now fall on.
    await getDb().scheduledCall.create({
      data: {
        organizationId: organization.id,
        contactId: appointment.contactId!,
        agentId: "agent_test",
        fromNumber: "phnum_test",
        scheduledTime: new Date("2027-01-25T22:30:00Z"),
        kind: "CALLBACK",
        callbackOrigin: "STAFF",
      },
    });
    await updateAppointment(organization.id, appointment.id, { startsAt: new Date("2027-01-21T03:00:00Z") });
    // Wednesday 27 Jan, 09:00 AEDT: the next time 1 a day allows; the time asked for kept beside it.
    expect((await callsOf(after.checkIn.id))[0]).toMatchObject({
      status: "PENDING",
      scheduledTime: new Date("2027-01-26T22:00:00Z"),
      requestedTime: new Date("2027-01-26T00:00:00Z"),
    });
  });

  it("its own call does not count against it: the appointment moved within its day keeps the check-in's day", async () => {
    const { organization, appointment, after } = await patientWithAppointment();
    await updateAppointment(organization.id, appointment.id, { startsAt: new Date("2027-01-14T04:00:00Z") });
    expect((await callsOf(after.checkIn.id))[0]).toMatchObject({ status: "PENDING", scheduledTime: new Date("2027-01-19T00:00:00Z"), requestedTime: null });
  });

  it("the appointment cancelled: the check-in about it is not made", async () => {
    const { organization, appointment, weekly, after } = await patientWithAppointment();
    await cancelAppointmentById(organization.id, appointment.id);
    const [call] = await callsOf(after.checkIn.id);
    expect(call).toMatchObject({ status: "CANCELLED" });
    expect(call!.errorMessage).toMatch(/appointment was cancelled/);
    expect((await callsOf(weekly.checkIn.id)).map((c) => c.status)).toEqual(["PENDING", "PENDING"]);
  });

  it("0 days after: never before the visit is over — an hour after its end, in calling hours — and still after it when it moves", async () => {
    const { organization, appointment } = await patientWithAppointment(); // Thursday 14 Jan, 14:00–14:30
    const sameDay = await createCheckIn(organization.id, null, {
      contactId: appointment.contactId!,
      time: "10:00",
      repeat: { type: "after_appointment", appointmentId: appointment.id, days: 0 },
    });
    expect(sameDay.occurrences[0]).toMatchObject({
      localDate: "2027-01-14",
      moved: "after_appointment",
      requestedTime: new Date("2027-01-13T23:00:00Z"), // 10:00, before the visit
      scheduledTime: new Date("2027-01-14T04:30:00Z"), // 15:30
    });
    expect(sameDay.occurrences[0]!.message).toBe("The appointment ends Thu 14 Jan, 2:30 PM, so the call is set for after it: Thu 14 Jan, 3:30 PM.");
    expect(sameDay.message).toMatch(/at 10:00 AM\. The appointment ends Thu 14 Jan, 2:30 PM, so the call is set for after it: Thu 14 Jan, 3:30 PM\.$/);

    // Moved to 16:00 a week later: an hour after its end is past calling hours (17:00), so the next morning.
    await updateAppointment(organization.id, appointment.id, { startsAt: new Date("2027-01-21T05:00:00Z") });
    expect((await callsOf(sameDay.checkIn.id))[0]).toMatchObject({ status: "PENDING", scheduledTime: new Date("2027-01-21T22:00:00Z") });
  });
});
