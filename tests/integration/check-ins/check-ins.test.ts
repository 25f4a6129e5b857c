import { describe, expect, it } from "vitest";
import { POST as createRoute, GET as listRoute } from "@/app/api/check-ins/route";
import { DELETE as cancelRoute } from "@/app/api/check-ins/[id]/route";
import { getDb } from "@/lib/db";
import { createCheckIn } from "@/lib/check-ins/create-check-in";
import { createContact, createMember, createOrganization, registerLine } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";
import { listDoNotCall } from "../../factories/do-not-call";

/** A clinic calling Monday to Friday, 09:00–17:00 (the defaults), in `timezone`, with a patient there too. */
async function clinicIn(timezone: string) {
  const organization = await createOrganization({ timezone });
  await registerLine(organization.id);
  const contact = await createContact(organization.id, { name: "Grace Patient" });
  await getDb().contact.update({ where: { id: contact.id }, data: { timezone } });
  const { user } = await createMember("STAFF", organization.id);
  return { organization, contact, user };
}

const rowsOf = (checkInId: string) => getDb().scheduledCall.findMany({ where: { checkInId }, orderBy: { checkInOccurrence: "asc" } });

describe("check-ins: each occurrence a scheduled call on the right local day, inside calling hours", () => {
  it("every Monday at 10:00 for 4 weeks in Sydney stays 10:00 local across the start of daylight saving (4 Oct 2026)", async () => {
    const { organization, contact } = await clinicIn("Australia/Sydney");
    const answer = await createCheckIn(
      organization.id,
      null,
      { contactId: contact.id, time: "10:00", repeat: { type: "weekly", weekday: 1, weeks: 4, startDate: "2026-09-16" }, note: "How is the new medication?" },
      new Date("2026-09-15T00:00:00Z"),
    );
    expect(answer.occurrences.map((o) => o.localDate)).toEqual(["2026-09-21", "2026-09-28", "2026-10-05", "2026-10-12"]);
    const rows = await rowsOf(answer.checkIn.id);
    // AEST (UTC+10) before, AEDT (UTC+11) after: the UTC time moves, the local time does not.
    expect(rows.map((row) => row.scheduledTime.toISOString())).toEqual([
      "2026-09-21T00:00:00.000Z",
      "2026-09-28T00:00:00.000Z",
      "2026-10-04T23:00:00.000Z",
      "2026-10-11T23:00:00.000Z",
    ]);
    expect(rows.map((row) => [row.kind, row.status, row.checkInOccurrence, row.requestedTime])).toEqual(
      [1, 2, 3, 4].map((n) => ["CHECK_IN", "PENDING", n, null]),
    );
    expect(rows[2]!.dynamicVariables).toEqual({ check_in_number: "3 of 4", check_in_note: "How is the new medication?" });
    expect(answer.message).toBe("Check-in scheduled: Every Monday at 10:00 AM, 4 times from Wed 16 Sep.");
    const checkIn = await getDb().checkIn.findUniqueOrThrow({ where: { id: answer.checkIn.id } });
    expect(checkIn).toMatchObject({ repeat: "WEEKLY", weekday: 1, occurrences: 4, minuteOfDay: 600 });
  });

  it("every Thursday at 9:30 in New York stays 9:30 local across the end of daylight saving (1 Nov 2026)", async () => {
    const { organization, contact } = await clinicIn("America/New_York");
    const answer = await createCheckIn(
      organization.id,
      null,
      { contactId: contact.id, time: "09:30", repeat: { type: "weekly", weekday: 4, weeks: 3, startDate: "2026-10-20" } },
      new Date("2026-10-01T12:00:00Z"),
    );
    const rows = await rowsOf(answer.checkIn.id);
    expect(rows.map((row) => row.scheduledTime.toISOString())).toEqual(["2026-10-22T13:30:00.000Z", "2026-10-29T13:30:00.000Z", "2026-11-05T14:30:00.000Z"]);
  });

  it("3 days after an appointment; a day outside calling hours moves to the next calling time, and the answer says so", async () => {
    const { organization, contact } = await clinicIn("Australia/Sydney");
    // Thursday 17 Sep 2026, 14:00 Sydney.
    const appointment = await getDb().appointment.create({
      data: {
        organizationId: organization.id,
        contactId: contact.id,
        title: "Knee",
        startsAt: new Date("2026-09-17T04:00:00Z"),
        endsAt: new Date("2026-09-17T04:30:00Z"),
        attendeeName: contact.name,
      },
    });
    const now = new Date("2026-09-01T00:00:00Z");
    const weekday = await createCheckIn(
      organization.id,
      null,
      { contactId: contact.id, time: "11:00", repeat: { type: "after_appointment", appointmentId: appointment.id, days: 5 } },
      now,
    );
    expect(weekday.occurrences[0]).toMatchObject({ localDate: "2026-09-22", moved: null, scheduledTime: new Date("2026-09-22T01:00:00Z") });

    // 3 days after is Sunday 20 Sep: the clinic does not call on Sundays.
    const sunday = await createCheckIn(
      organization.id,
      null,
      { contactId: contact.id, time: "11:00", repeat: { type: "after_appointment", appointmentId: appointment.id, days: 3 } },
      now,
    );
    expect(sunday.occurrences[0]).toMatchObject({
      localDate: "2026-09-20",
      moved: "outside_calling_hours",
      requestedTime: new Date("2026-09-20T01:00:00Z"),
      scheduledTime: new Date("2026-09-20T23:00:00Z"),
    });
    expect(sunday.message).toMatch(/moved to the next calling time \(first: Mon 21 Sep, 9:00 AM\)/);
    const [row] = await rowsOf(sunday.checkIn.id);
    expect(row!.requestedTime?.toISOString()).toBe("2026-09-20T01:00:00.000Z");
  });

  it("a date in the past moves to the next calling time, and the answer says so", async () => {
    const { organization, contact } = await clinicIn("Australia/Sydney");
    const now = new Date("2026-09-16T02:00:00Z"); // Wednesday 12:00 Sydney
    const answer = await createCheckIn(organization.id, null, { contactId: contact.id, time: "10:00", repeat: { type: "once", date: "2026-09-14" } }, now);
    expect(answer.occurrences[0]).toMatchObject({ moved: "past", scheduledTime: now });
    expect(answer.occurrences[0]!.message).toMatch(/had passed/);
  });

  it("a weekly series whose start date has passed starts at its first call still ahead, keeping its number of calls", async () => {
    const { organization, contact } = await clinicIn("Australia/Sydney");
    const now = new Date("2026-09-16T02:00:00Z"); // Wednesday 16 Sep, 12:00 Sydney
    const answer = await createCheckIn(
      organization.id,
      null,
      { contactId: contact.id, time: "10:00", repeat: { type: "weekly", weekday: 1, weeks: 4, startDate: "2026-08-24" } },
      now,
    );
    // Not four calls at "now", one after another: Mondays from the next one on, none moved.
    expect(answer.occurrences.map((o) => [o.localDate, o.moved])).toEqual([
      ["2026-09-21", null],
      ["2026-09-28", null],
      ["2026-10-05", null],
      ["2026-10-12", null],
    ]);
    expect((await rowsOf(answer.checkIn.id)).map((row) => row.scheduledTime.toISOString())[0]).toBe("2026-09-21T00:00:00.000Z");
    expect(answer.message).toBe(
      "Check-in scheduled: Every Monday at 10:00 AM, 4 times from Thu 17 Sep. The weeks already past are skipped: the first call is Mon 21 Sep, 10:00 AM.",
    );
  });

  describe("the patient's call limits (1 a day, 3 a week by default), as call backs keep them", () => {
    // Monday 7 Dec 2026, 10:00 UTC: the clinic calls Monday to Friday, 09:00–17:00.
    const now = new Date("2026-12-07T10:00:00Z");
    const calledAt = (organizationId: string, contactId: string, at: Date) =>
      getDb().call.create({ data: { organizationId, contactId, toNumber: "+61255501234", status: "COMPLETED", createdAt: at } });

    it("a check-in for a patient called today is set for the next time their limit allows, and the answer says so", async () => {
      const { organization, contact } = await clinicIn("Etc/UTC");
      await calledAt(organization.id, contact.id, new Date("2026-12-07T09:30:00Z"));
      const answer = await createCheckIn(organization.id, null, { contactId: contact.id, time: "15:00", repeat: { type: "once", date: "2026-12-07" } }, now);
      expect(answer.occurrences[0]).toMatchObject({
        moved: "call_limit",
        requestedTime: new Date("2026-12-07T15:00:00Z"),
        scheduledTime: new Date("2026-12-08T09:00:00Z"),
      });
      const sentence =
        "The patient was already called that day (at most 1 a day), so the call is set for the next time their call limit allows: Tue 8 Dec, 9:00 AM.";
      expect(answer.occurrences[0]!.message).toBe(sentence);
      expect(answer.message).toBe(`Check-in scheduled: Once, Mon 7 Dec at 3:00 PM. ${sentence}`);
      const [row] = await rowsOf(answer.checkIn.id);
      expect([row!.scheduledTime, row!.requestedTime]).toEqual([new Date("2026-12-08T09:00:00Z"), new Date("2026-12-07T15:00:00Z")]);
    });

    it("a weekly series counts the patient's pending calls and its own earlier calls: each call where the limits allow it", async () => {
      const { organization, contact } = await clinicIn("Etc/UTC");
      await getDb().organization.update({ where: { id: organization.id }, data: { maxCallsPerWeek: 1 } });
      // A call back already set for Tuesday 8 Dec, 09:00.
      await getDb().scheduledCall.create({
        data: {
          organizationId: organization.id,
          contactId: contact.id,
          agentId: "agent_test",
          fromNumber: "phnum_test",
          scheduledTime: new Date("2026-12-08T09:00:00Z"),
          kind: "CALLBACK",
          callbackOrigin: "STAFF",
        },
      });
      const answer = await createCheckIn(
        organization.id,
        null,
        { contactId: contact.id, time: "10:00", repeat: { type: "weekly", weekday: 2, weeks: 3, startDate: "2026-12-08" } },
        now,
      );
      // One a week: the first call waits for the call back's week to end, and each next one for the one before it.
      expect(answer.occurrences.map((o) => [o.localDate, o.moved, o.scheduledTime.toISOString()])).toEqual([
        ["2026-12-08", "call_limit", "2026-12-15T09:00:00.000Z"],
        ["2026-12-15", "call_limit", "2026-12-22T09:00:00.000Z"],
        ["2026-12-22", "call_limit", "2026-12-29T09:00:00.000Z"],
      ]);
      expect(answer.message).toBe(
        "Check-in scheduled: Every Tuesday at 10:00 AM, 3 times from Tue 8 Dec. 3 calls were moved to the next time Grace Patient's call limits allow (first: Tue 15 Dec, 9:00 AM).",
      );
      expect((await rowsOf(answer.checkIn.id)).map((row) => row.scheduledTime.toISOString())).toEqual([
        "2026-12-15T09:00:00.000Z",
        "2026-12-22T09:00:00.000Z",
        "2026-12-29T09:00:00.000Z",
      ]);
    });

    it("a call after a visit keeps to the limits too", async () => {
      const { organization, contact } = await clinicIn("Etc/UTC");
      const appointment = await getDb().appointment.create({
        data: {
          organizationId: organization.id,
          contactId: contact.id,
          title: "Knee",
          startsAt: new Date("2026-12-07T07:00:00Z"),
          endsAt: new Date("2026-12-07T07:30:00Z"),
          attendeeName: contact.name,
        },
      });
      await calledAt(organization.id, contact.id, new Date("2026-12-07T09:30:00Z"));
      const answer = await createCheckIn(
        organization.id,
        null,
        { contactId: contact.id, time: "14:00", repeat: { type: "after_appointment", appointmentId: appointment.id, days: 0 } },
        now,
      );
      expect(answer.occurrences[0]).toMatchObject({ moved: "call_limit", scheduledTime: new Date("2026-12-08T09:00:00Z") });
      expect(answer.message).toMatch(/already called that day/);
    });

    it("next year's check-in names its year", async () => {
      const { organization, contact } = await clinicIn("Etc/UTC");
      const answer = await createCheckIn(organization.id, null, { contactId: contact.id, time: "10:00", repeat: { type: "once", date: "2027-01-05" } }, now);
      expect(answer.message).toBe("Check-in scheduled: Once, Tue 5 Jan 2027 at 10:00 AM.");
    });
  });

  describe("over HTTP", () => {
    it("lists a patient's check-ins with their calls' status, and cancels the calls not yet made", async () => {
      const { organization, contact, user } = await clinicIn("Etc/UTC");
      signInAs(user);
      const created = await callRoute(createRoute, {
        method: "POST",
        body: { contactId: contact.id, time: "10:00", repeat: { type: "weekly", weekday: 2, weeks: 3 } },
      });
      expect(created.status).toBe(201);
      const { checkIn } = (await created.json()) as { checkIn: { id: string } };
      const [first] = await rowsOf(checkIn.id);
      await getDb().scheduledCall.update({ where: { id: first!.id }, data: { status: "COMPLETED", executedAt: new Date() } });

      const listed = await callRoute(listRoute, { url: `http://localhost/api/check-ins?contactId=${contact.id}` });
      const { checkIns } = (await listed.json()) as { checkIns: Array<{ id: string; scheduledCalls: Array<{ status: string }> }> };
      expect(checkIns).toHaveLength(1);
      expect(checkIns[0]!.scheduledCalls.map((call) => call.status)).toEqual(["COMPLETED", "PENDING", "PENDING"]);

      const cancelled = await callRoute(cancelRoute, { method: "DELETE", params: { id: checkIn.id } });
      expect(await cancelled.json()).toMatchObject({ cancelled: 2 });
      expect((await rowsOf(checkIn.id)).map((row) => row.status)).toEqual(["COMPLETED", "CANCELLED", "CANCELLED"]);
      expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(3);
    });

    it("bad input is a clear 4xx and writes nothing: a series too long, another clinic's contact or appointment, another patient's appointment, do-not-call", async () => {
      const { organization, contact, user } = await clinicIn("Etc/UTC");
      const other = await createContact(organization.id, { name: "Someone Else" });
      const theirs = await clinicIn("Etc/UTC");
      const theirAppointment = await getDb().appointment.create({
        data: {
          organizationId: theirs.organization.id,
          contactId: theirs.contact.id,
          title: "X",
          startsAt: new Date(Date.now() + 86_400_000),
          endsAt: new Date(Date.now() + 86_400_000 + 1_800_000),
          attendeeName: "X",
        },
      });
      const othersAppointment = await getDb().appointment.create({
        data: {
          organizationId: organization.id,
          contactId: other.id,
          title: "Y",
          startsAt: new Date(Date.now() + 86_400_000),
          endsAt: new Date(Date.now() + 86_400_000 + 1_800_000),
          attendeeName: "Y",
        },
      });
      signInAs(user);
      const post = async (body: unknown) => {
        const res = await callRoute(createRoute, { method: "POST", body });
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        return { status: res.status, body: (await res.json()) as { detail: string } };
      };
      const tooLong = await post({ contactId: contact.id, time: "10:00", repeat: { type: "weekly", weekday: 1, weeks: 13 } });
      expect(tooLong.status).toBe(400);
      expect(JSON.stringify(tooLong.body)).toContain("at most 12 calls");
      expect((await post({ contactId: contact.id, time: "25:00", repeat: { type: "once", date: "2026-12-08" } })).status).toBe(400);
      expect((await post({ contactId: contact.id, time: "10:00", repeat: { type: "once", date: "2026-02-30" } })).status).toBe(400);
      expect((await post({ contactId: theirs.contact.id, time: "10:00", repeat: { type: "once", date: "2026-12-08" } })).status).toBe(404);
      expect(
        (await post({ contactId: contact.id, time: "10:00", repeat: { type: "after_appointment", appointmentId: theirAppointment.id, days: 3 } })).status,
      ).toBe(404);
      expect(
        (await post({ contactId: contact.id, time: "10:00", repeat: { type: "after_appointment", appointmentId: othersAppointment.id, days: 3 } })).status,
      ).toBe(422);
      await listDoNotCall(contact.organizationId, [contact.phoneNumber]);
      expect((await post({ contactId: contact.id, time: "10:00", repeat: { type: "once", date: "2026-12-08" } })).status).toBe(409);
      expect(await getDb().checkIn.count({ where: { organizationId: organization.id } })).toBe(0);
      expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(0);
    });

    it("a date more than a year ahead is a 400 beside the date, as for every scheduled call, and nothing is written", async () => {
      const { organization, contact, user } = await clinicIn("Etc/UTC");
      signInAs(user);
      const refused = async (repeat: unknown) => {
        const res = await callRoute(createRoute, { method: "POST", body: { contactId: contact.id, time: "10:00", repeat } });
        expect(res.status).toBe(400);
        return (await res.json()) as { detail: string; issues: { path: string; message: string }[] };
      };
      const once = await refused({ type: "once", date: "9999-12-31" });
      expect(once.detail).toBe("Calls can be scheduled up to a year ahead. Check the year.");
      expect(once.issues).toEqual([{ path: "repeat.date", message: "Must be within a year" }]);
      expect((await refused({ type: "weekly", weekday: 1, weeks: 2, startDate: "2199-01-05" })).issues[0]!.path).toBe("repeat.startDate");
      expect(await getDb().checkIn.count({ where: { organizationId: organization.id } })).toBe(0);
      expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(0);
    });

    it("a patient whose consent is none is refused with a 409 in plain words, and nothing is written", async () => {
      const { organization, contact, user } = await clinicIn("Etc/UTC");
      await getDb().contact.update({ where: { id: contact.id }, data: { consentBasis: "NONE" } });
      signInAs(user);
      const res = await callRoute(createRoute, {
        method: "POST",
        body: { contactId: contact.id, time: "10:00", repeat: { type: "once", date: "2026-12-08" } },
      });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { detail: string }).detail).toBe(
        "Grace Patient has agreed to no calls (their consent is recorded as none), so no check-in can be scheduled.",
      );
      expect(await getDb().checkIn.count({ where: { organizationId: organization.id } })).toBe(0);
      expect(await getDb().scheduledCall.count({ where: { organizationId: organization.id } })).toBe(0);
    });
  });
});
