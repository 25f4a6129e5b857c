import { describe, expect, it } from "vitest";
import { GET as defaultTimeRoute } from "@/app/api/callbacks/default-time/route";
import { POST as createCallbackRoute } from "@/app/api/callbacks/route";
import { createCallback } from "@/lib/callbacks/create-callback";
import { DEFAULT_CALLBACK_LEAD_MS, defaultCallbackTime } from "@/lib/callbacks/default-callback-time";
import { getDb } from "@/lib/db";
import { zonedInstant } from "@/lib/time/local-date";
import { createContact, createMember, createOrganization, registerLine } from "../../factories";
import { createDispatchOrganization } from "../../factories/dispatch";
import { wallClock } from "../../factories/scheduling";
import { listDoNotCall } from "../../factories/do-not-call";
import { createCalls } from "../../factories/calls";
import { callRoute, signInAs } from "../helpers/session";

const SYDNEY = "Australia/Sydney";
const NEW_YORK = "America/New_York";
const QUARTER_HOUR_MS = 15 * 60_000;

/** "14:30" on a date of a zone's clock. A December week: the tests read the same whatever day they run (DST). */
const at = (timeZone: string, date: string, clock: string) => {
  const [hours, minutes] = clock.split(":").map(Number) as [number, number];
  return new Date(zonedInstant(timeZone, date, hours * 60 + minutes)!);
};
const sydney = (date: string, clock: string) => at(SYDNEY, date, clock);

/** A clinic calling on weekdays, 09:00–17:00 on its own clock, with a line to ring from and room in its call limits. */
async function clinic(timezone = SYDNEY) {
  const organization = await createOrganization({ timezone });
  await registerLine(organization.id);
  await getDb().organization.update({
    where: { id: organization.id },
    data: { callingDays: [1, 2, 3, 4, 5], callingWindowStart: 540, callingWindowEnd: 1020, maxCallsPerDay: 10, maxCallsPerWeek: 50 },
  });
  return organization;
}

/**
 * The time the dialog offers at `now`, on the clinic's clock — after proving the server keeps it: saved five
 * minutes later (the note being typed), the callback runs at that time and nothing says it moved.
 */
async function offered(organization: { id: string; timezone: string }, contactId: string, now: Date): Promise<string> {
  const at = await defaultCallbackTime(organization.id, { contactId }, now);
  const saved = await createCallback(organization.id, null, { contactId, dueAt: at.toISOString() }, new Date(+now + 5 * 60_000));
  expect(saved).toMatchObject({ moved: null, message: "Call back scheduled." });
  expect(saved.scheduledCall.scheduledTime).toEqual(at);
  return wallClock(at, organization.timezone);
}

describe("the Call back dialog's default time: the first quarter hour an hour on that the server keeps as asked", () => {
  // Wednesday 2 December 2026 and the days around it; Sydney is on AEDT (UTC+11).
  it("inside calling hours: an hour on, up to the next quarter hour", async () => {
    const organization = await clinic();
    const contact = await createContact(organization.id, { timezone: SYDNEY });
    expect(await offered(organization, contact.id, sydney("2026-12-02", "10:07"))).toBe("Wed 2026-12-02 11:15");
    expect(await offered(organization, contact.id, sydney("2026-12-02", "10:00"))).toBe("Wed 2026-12-02 11:00");
  });

  it("late in the afternoon: the next morning's opening, not a time after closing", async () => {
    const organization = await clinic();
    const contact = await createContact(organization.id, { timezone: SYDNEY });
    expect(await offered(organization, contact.id, sydney("2026-12-02", "16:30"))).toBe("Thu 2026-12-03 09:00");
    // 17:00 is closing time, not a calling time.
    expect(await offered(organization, contact.id, sydney("2026-12-02", "16:00"))).toBe("Thu 2026-12-03 09:00");
  });

  it("before a weekend the clinic does not call: Monday's opening", async () => {
    const organization = await clinic();
    const contact = await createContact(organization.id, { timezone: SYDNEY });
    expect(await offered(organization, contact.id, sydney("2026-12-04", "16:30"))).toBe("Mon 2026-12-07 09:00");
    expect(await offered(organization, contact.id, sydney("2026-12-05", "11:00"))).toBe("Mon 2026-12-07 09:00");
  });

  it("the patient's legal hours on their own clock: a Sydney clinic's patient in Los Angeles is not offered their 21:30", async () => {
    const organization = await clinic();
    // LA (PST, UTC−8) is 19 hours behind Sydney: 08:00–21:00 there is 03:00–16:00 here.
    const abroad = await createContact(organization.id, { timezone: "America/Los_Angeles" });
    const home = await createContact(organization.id, { timezone: SYDNEY });
    expect(await offered(organization, abroad.id, sydney("2026-12-02", "14:30"))).toBe("Wed 2026-12-02 15:30");
    expect(await offered(organization, abroad.id, sydney("2026-12-02", "15:30"))).toBe("Thu 2026-12-03 09:00");
    expect(await offered(organization, home.id, sydney("2026-12-02", "15:30"))).toBe("Wed 2026-12-02 16:30");
  });

  it("a call limit that lifts between quarter hours: the quarter hour after it", async () => {
    const organization = await clinic(NEW_YORK);
    // Florida: at most 3 calls in 24 hours. The first of three was at 10:07:30 yesterday, so 10:00 today would be a fourth.
    const patient = await createContact(organization.id, { timezone: NEW_YORK, phoneNumber: "+13055550171" });
    const dialed = [+at(NEW_YORK, "2026-12-01", "10:07") + 30_000, +at(NEW_YORK, "2026-12-01", "10:40"), +at(NEW_YORK, "2026-12-01", "11:00")];
    await getDb().call.createMany({
      data: dialed.map((time) => ({
        organizationId: organization.id,
        contactId: patient.id,
        toNumber: patient.phoneNumber,
        status: "COMPLETED" as const,
        createdAt: new Date(time),
      })),
    });
    expect(await offered(organization, patient.id, at(NEW_YORK, "2026-12-02", "09:00"))).toBe("Wed 2026-12-02 10:15");
  });

  it("hours that hold no quarter hour (09:05–09:10): the next opening to the minute, not an opening days later", async () => {
    const organization = await clinic();
    await getDb().organization.update({ where: { id: organization.id }, data: { callingWindowStart: 545, callingWindowEnd: 550 } });
    const contact = await createContact(organization.id, { timezone: SYDNEY });
    expect(await offered(organization, contact.id, sydney("2026-12-02", "10:07"))).toBe("Thu 2026-12-03 09:05");
    // Calling on Mondays only: next Monday's opening, not one weeks on.
    await getDb().organization.update({ where: { id: organization.id }, data: { callingDays: [1] } });
    expect(await offered(organization, contact.id, sydney("2026-12-02", "10:07"))).toBe("Mon 2026-12-07 09:05");
  });

  it("a patient staff may not call back (do not call, or no consent) is refused as saving would be, not offered a time", async () => {
    const organization = await clinic();
    const listed = await createContact(organization.id, { timezone: SYDNEY });
    await listDoNotCall(organization.id, [listed.phoneNumber]);
    const refused = await createContact(organization.id, { timezone: SYDNEY, consentBasis: "NONE" });
    for (const contact of [listed, refused]) {
      await expect(defaultCallbackTime(organization.id, { contactId: contact.id }, sydney("2026-12-02", "10:07"))).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringContaining("no call back can be scheduled"),
      });
    }
  });

  it("over HTTP, for a contact or a call's patient: the dialog's GET answers a time the POST keeps; another clinic's ids are 404s", async () => {
    const organization = await createDispatchOrganization();
    const { user } = await createMember("STAFF", organization.id);
    signInAs(user);
    const contact = await createContact(organization.id);
    const [callId] = await createCalls(organization.id, 1, () => ({
      contactId: contact.id,
      toNumber: contact.phoneNumber,
      conversationId: `conv_default_${Date.now()}`,
    }));
    const call = { id: callId! };
    const get = (query: string) => callRoute(defaultTimeRoute, { url: `http://localhost/api/callbacks/default-time?${query}` });

    const before = Date.now();
    for (const query of [`contactId=${contact.id}`, `callId=${call.id}`]) {
      const res = await get(query);
      expect(res.status, query).toBe(200);
      const { dueAt } = (await res.json()) as { dueAt: string };
      // Open all day, on a patient's afternoon: an hour on, on the quarter hour.
      expect(+new Date(dueAt) % QUARTER_HOUR_MS).toBe(0);
      expect(+new Date(dueAt)).toBeGreaterThanOrEqual(before + DEFAULT_CALLBACK_LEAD_MS);
      expect(+new Date(dueAt)).toBeLessThan(Date.now() + DEFAULT_CALLBACK_LEAD_MS + QUARTER_HOUR_MS);

      const saved = await callRoute(createCallbackRoute, { method: "POST", body: { [query.split("=")[0]!]: query.split("=")[1], dueAt } });
      expect(saved.status).toBe(201);
      const body = (await saved.json()) as { scheduledCall: { id: string; scheduledTime: string }; moved: string | null };
      expect(body.moved).toBeNull();
      expect(+new Date(body.scheduledCall.scheduledTime)).toBe(+new Date(dueAt));
      // Both targets follow up the same call: a second call back at the same time would be refused as a duplicate (409).
      await getDb().scheduledCall.update({ where: { id: body.scheduledCall.id }, data: { status: "CANCELLED" } });
    }

    const other = await createDispatchOrganization();
    const theirs = await createContact(other.id);
    expect((await get(`contactId=${theirs.id}`)).status).toBe(404);
    expect((await get(`contactId=${contact.id}&callId=${call.id}`)).status).toBe(400);
    expect((await get("")).status).toBe(400);
  });
});
