import { describe, expect, it } from "vitest";
import { POST as bookRoute } from "@/app/api/agent-actions/book-appointment/[agent_id]/route";
import { POST as availabilityRoute } from "@/app/api/agent-actions/check-availability/[agent_id]/route";
import { GET as todayRoute } from "@/app/api/agent-actions/appointments/[agent_id]/today/route";
import { getDb } from "@/lib/db";
import { addDaysToDate, localDateAndMinute } from "@/lib/appointments/opening-hours";
import { createOrganization } from "../../factories";
import { callAgentAction, createAgentWithToken, createAppointment, EVERY_DAY_9_TO_5, setOpeningHours } from "../../factories/appointments";

type Booked = { success: boolean; appointment_id?: string; message: string; alternatives?: { start_time: string }[] };

async function clinic(timezone = "Australia/Sydney") {
  const organization = await createOrganization({ timezone });
  await setOpeningHours(organization.id, EVERY_DAY_9_TO_5);
  const { agentId, token } = await createAgentWithToken(organization.id);
  return { organization, agentId, token };
}

/** A local date a few days ahead in the clinic's zone, so "the past" never gets in the way. */
const daysAhead = (timezone: string, days: number) => addDaysToDate(localDateAndMinute(Date.now(), timezone).date, days);

describe("book-appointment", () => {
  it("20 concurrent bookings of one slot: exactly one succeeds, 19 hear it is taken", async () => {
    const { organization, agentId, token } = await clinic();
    const date = daysAhead("Australia/Sydney", 3);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        callAgentAction(bookRoute, agentId, token, {
          date,
          start_time: "10:00",
          duration_minutes: 30,
          customer_name: `Patient ${i}`,
          customer_phone: `0491 570 ${String(100 + i)}`,
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as Booked })),
      ),
    );
    const won = answers.filter((a) => a.body.success);
    const lost = answers.filter((a) => !a.body.success);
    expect(won).toHaveLength(1);
    expect(won[0]!.status).toBe(201);
    expect(lost).toHaveLength(19);
    for (const answer of lost) {
      expect(answer.status).toBe(200);
      expect(answer.body.message).toMatch(/10:00 AM .* is already taken\. The nearest free times are 9:30 AM and 10:30 AM\./);
    }
    expect(await getDb().appointment.count({ where: { organizationId: organization.id } })).toBe(1);
    // The losers wrote nothing: only the winner's contact exists.
    expect(await getDb().contact.count({ where: { organizationId: organization.id } })).toBe(1);
  });

  it("the same new caller booking twice at once gets one contact", async () => {
    const { organization, agentId, token } = await clinic();
    const date = daysAhead("Australia/Sydney", 3);
    const answers = await Promise.all(
      ["10:00", "11:00", "12:00"].map((start_time) =>
        callAgentAction(bookRoute, agentId, token, { date, start_time, customer_name: "Same Caller", customer_phone: "0491 570 199" }).then(
          (res) => res.status,
        ),
      ),
    );
    expect(answers).toEqual([201, 201, 201]);
    expect(await getDb().contact.count({ where: { organizationId: organization.id } })).toBe(1);
  });

  it("books, links the contact by phone in E.164, and the slot then shows as taken", async () => {
    const { organization, agentId, token } = await clinic();
    const date = daysAhead("Australia/Sydney", 2);
    const res = await callAgentAction(bookRoute, agentId, token, {
      date,
      start_time: "14:00",
      customer_name: "Jane Citizen",
      customer_phone: "0491 570 156",
      customer_email: "jane@example.com",
      notes: "Flu shot",
      conversation_id: "conv_1",
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Booked;
    expect(body.message).toMatch(/^Done — Jane Citizen is booked for 2:00 PM on /);
    const row = await getDb().appointment.findUniqueOrThrow({ where: { id: body.appointment_id! }, include: { contact: true } });
    expect(row).toMatchObject({ organizationId: organization.id, source: "AGENT", attendeePhone: "+61491570156", conversationId: "conv_1", notes: "Flu shot" });
    expect(row.contact?.phoneNumber).toBe("+61491570156");

    // The same caller again: the existing contact is reused.
    await callAgentAction(bookRoute, agentId, token, { date, start_time: "15:00", customer_name: "Jane C", customer_phone: "+61491570156" });
    expect(await getDb().contact.count({ where: { organizationId: organization.id } })).toBe(1);

    const slots = (await (await callAgentAction(availabilityRoute, agentId, token, { date, time: "14:00" })).json()) as {
      message: string;
      slots: { start_time: string; available: boolean }[];
    };
    expect(slots.slots.find((s) => s.start_time === "14:00")?.available).toBe(false);
    expect(slots.message).toMatch(/^2:00 PM on .* is not available\. The nearest free times are 1:30 PM and 2:30 PM\.$/);
  });

  it("outside opening hours: success false with the nearest free times, nothing written", async () => {
    const { organization, agentId, token } = await clinic();
    const date = daysAhead("Australia/Sydney", 2);
    const res = await callAgentAction(bookRoute, agentId, token, {
      date,
      start_time: "16:45",
      duration_minutes: 30,
      customer_name: "Late Larry",
      customer_phone: "0491 570 157",
    });
    const body = (await res.json()) as Booked;
    expect(body.success).toBe(false);
    expect(body.message).toMatch(/isn't open .* The nearest free time/);
    expect(await getDb().appointment.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("bad input answers a 4xx with a message to read aloud and writes nothing", async () => {
    const { organization, agentId, token } = await clinic();
    const date = daysAhead("Australia/Sydney", 2);
    const yesterday = daysAhead("Australia/Sydney", -1);
    const base = { date, start_time: "10:00", customer_name: "Jane", customer_phone: "0491 570 156" };
    const cases: [unknown, RegExp][] = [
      [{ ...base, date: "01/12/2026" }, /couldn't read that date/],
      [{ ...base, date: "2026-02-30" }, /couldn't read that date/],
      [{ ...base, start_time: "3pm" }, /couldn't read that time/],
      [{ ...base, date: yesterday }, /already passed/],
      [{ ...base, duration_minutes: 4 }, /at least 5 minutes/],
      [{ ...base, duration_minutes: 241 }, /at most 240 minutes/],
      [{ ...base, customer_name: " " }, /patient's name/],
      [{ ...base, customer_name: undefined }, /patient's name/],
      [{ ...base, customer_phone: undefined }, /phone number/],
      [{ ...base, customer_phone: "12" }, /couldn't tell which phone number you're calling from/],
      ["{not json", /not valid JSON/],
    ];
    for (const [body, message] of cases) {
      const res = await callAgentAction(bookRoute, agentId, token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const answer = (await res.json()) as { message: string; success: boolean };
      expect(answer.success).toBe(false);
      expect(answer.message, JSON.stringify(body)).toMatch(message);
    }
    expect(await getDb().appointment.count({ where: { organizationId: organization.id } })).toBe(0);
    expect(await getDb().contact.count({ where: { organizationId: organization.id } })).toBe(0);
  });

  it("today's appointments in the clinic's day", async () => {
    const { organization, agentId, token } = await clinic("America/New_York");
    const soon = new Date(Date.now() + 5 * 60_000);
    const today = localDateAndMinute(Date.now(), "America/New_York").date;
    // Only book later today when "later today" is still today in New York.
    if (localDateAndMinute(+soon, "America/New_York").date === today) await createAppointment(organization.id, soon, 15, { attendeeName: "Today Tess" });
    await createAppointment(organization.id, new Date(Date.now() + 2 * 86_400_000), 15, { attendeeName: "Later Lou" });
    const res = await callAgentAction(todayRoute, agentId, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { date: string; total_appointments: number; appointments: { customer_name: string; status: string }[]; message: string };
    expect(body.date).toBe(today);
    expect(body.appointments.map((a) => a.customer_name)).not.toContain("Later Lou");
    expect(body.total_appointments).toBe(body.appointments.length);
    expect(body.message).toMatch(/^(Today|There are no appointments today)/);
  });
});
