import { describe, expect, it } from "vitest";
import { POST as availabilityRoute } from "@/app/api/agent-actions/check-availability/[agent_id]/route";
import { POST as bookRoute } from "@/app/api/agent-actions/book-appointment/[agent_id]/route";
import { GET as todayRoute } from "@/app/api/agent-actions/appointments/[agent_id]/today/route";
import { regenerateAgentToken } from "@/lib/agents/regenerate-agent-token";
import { checkAvailability } from "@/lib/appointments/check-availability";
import { getDb } from "@/lib/db";
import { createOrganization } from "../../factories";
import { callAgentAction, createAgentWithToken, createAppointment, EVERY_DAY_9_TO_5, setOpeningHours } from "../../factories/appointments";

describe("check-availability", () => {
  it("opening hours minus bookings (cancelled ones free again), on the slot grid, past slots of today unavailable", async () => {
    const org = await createOrganization({ timezone: "Australia/Sydney" });
    await setOpeningHours(org.id, [{ day: 2, start: 540, end: 720 }], 60); // Tuesdays 09:00–12:00, hourly
    const tuesday = "2027-02-02"; // AEDT, UTC+11
    await createAppointment(org.id, new Date("2027-02-01T23:00:00Z"), 60); // 10:00 local
    await createAppointment(org.id, new Date("2027-02-02T00:00:00Z"), 60, { status: "CANCELLED" }); // 11:00, cancelled
    const early = await checkAvailability(org.id, { date: tuesday }, Date.parse("2027-01-20T00:00:00Z"));
    expect(early.slots).toEqual([
      { date: tuesday, start_time: "09:00", end_time: "10:00", available: true },
      { date: tuesday, start_time: "10:00", end_time: "11:00", available: false },
      { date: tuesday, start_time: "11:00", end_time: "12:00", available: true },
    ]);
    expect(early).toMatchObject({ total_slots: 3, available_slots: 2, message: "On Tuesday 2 February there are 2 free times: 9:00 AM and 11:00 AM." });

    // 09:10 local on the day itself: the 09:00 slot has begun.
    const during = await checkAvailability(org.id, { date: tuesday }, Date.parse("2027-02-01T22:10:00Z"));
    expect(during.slots.map((s) => s.available)).toEqual([false, false, true]);

    // A 90-minute visit must end by closing time and not touch the 10:00 booking.
    const long = await checkAvailability(org.id, { date: tuesday, duration_minutes: 90 }, Date.parse("2027-01-20T00:00:00Z"));
    expect(long.slots.map((s) => [s.start_time, s.available])).toEqual([
      ["09:00", false],
      ["10:00", false],
    ]);

    // Off the hourly grid: 11:15 for 30 minutes fits between the 10:00 booking and closing; 10:30 does not.
    const offGrid = await checkAvailability(org.id, { date: tuesday, time: "11:15", duration_minutes: 30 }, Date.parse("2027-01-20T00:00:00Z"));
    expect(offGrid.message).toBe("Yes, 11:15 AM on Tuesday 2 February is free.");
    const clash = await checkAvailability(org.id, { date: tuesday, time: "10:30", duration_minutes: 30 }, Date.parse("2027-01-20T00:00:00Z"));
    expect(clash.message).toMatch(/^10:30 AM on Tuesday 2 February is not available\. The nearest free times are 9:00 AM and 11:00 AM\.$/);
    const late = await checkAvailability(org.id, { date: tuesday, time: "11:45", duration_minutes: 30 }, Date.parse("2027-01-20T00:00:00Z"));
    expect(late.message).toMatch(/is outside the clinic's opening hours/);

    const closed = await checkAvailability(org.id, { date: "2027-02-03" }, Date.parse("2027-01-20T00:00:00Z"));
    expect(closed).toMatchObject({ total_slots: 0, message: "The clinic is closed on Wednesday 3 February." });
  });

  it("across a DST change the slots keep the wall clock, and a skipped wall time is never offered", async () => {
    const org = await createOrganization({ timezone: "America/New_York" });
    await setOpeningHours(
      org.id,
      [
        { day: 6, start: 540, end: 600 },
        { day: 7, start: 60, end: 600 },
      ],
      60,
    );
    const before = Date.parse("2027-03-01T00:00:00Z");
    // Saturday 13 March (EST, UTC−5) and Sunday 14 March, when 02:00 jumps to 03:00 (EDT, UTC−4).
    await createAppointment(org.id, new Date("2027-03-14T13:00:00Z"), 60); // 09:00 EDT
    const saturday = await checkAvailability(org.id, { date: "2027-03-13" }, before);
    expect(saturday.slots).toEqual([{ date: "2027-03-13", start_time: "09:00", end_time: "10:00", available: true }]);
    const sunday = await checkAvailability(org.id, { date: "2027-03-14" }, before);
    const times = sunday.slots.map((s) => s.start_time);
    expect(times).toContain("01:00");
    expect(times).not.toContain("02:00");
    expect(times).toContain("03:00");
    // 09:00 EDT is 13:00 UTC, the booked one; 08:00 EDT is free.
    expect(sunday.slots.find((s) => s.start_time === "09:00")?.available).toBe(false);
    expect(sunday.slots.find((s) => s.start_time === "08:00")?.available).toBe(true);
    // 01:00 EST → 03:00 EDT is one real hour: the 01:00 slot ends at 03:00 on the clock.
    expect(sunday.slots.find((s) => s.start_time === "01:00")?.end_time).toBe("03:00");
  });
});

describe("agent token matrix", () => {
  it("no token, a wrong one, a regenerated-away one, another clinic's agent id: one 401, nothing read or written", async () => {
    const org = await createOrganization();
    await setOpeningHours(org.id, EVERY_DAY_9_TO_5);
    const mine = await createAgentWithToken(org.id, "agent_matrix");
    const other = await createOrganization();
    const theirs = await createAgentWithToken(other.id, "agent_theirs");
    const { token: fresh } = await regenerateAgentToken(org.id, { userId: "u", email: "admin@example.com" }, mine.agent.id, "http://localhost");
    const body = { date: "2027-02-02", start_time: "10:00", customer_name: "Jane", customer_phone: "0491 570 156" };

    const refused: [string, string | null][] = [
      ["agent_matrix", null],
      ["agent_matrix", ""],
      ["agent_matrix", `cbat_${"x".repeat(43)}`],
      ["agent_matrix", mine.token], // replaced by the regeneration above
      ["agent_theirs", fresh], // another clinic's agent id with this clinic's token
      ["agent_matrix", theirs.token], // this agent id with another clinic's token
      ["agent_unknown", fresh],
    ];
    const answers = new Set<string>();
    for (const [agentId, token] of refused) {
      for (const [route, payload] of [
        [bookRoute, body],
        [availabilityRoute, { date: "2027-02-02" }],
        [todayRoute, undefined],
      ] as const) {
        const res = await callAgentAction(route, agentId, token, payload);
        expect(res.status, `${agentId} ${token}`).toBe(401);
        const answer = (await res.json()) as { message: string; success: boolean };
        expect(answer.success).toBe(false);
        answers.add(answer.message);
      }
    }
    expect([...answers]).toEqual(["Sorry, I can't reach the clinic's booking system right now."]);
    expect(await getDb().appointment.count({ where: { organizationId: { in: [org.id, other.id] } } })).toBe(0);
    expect(await getDb().contact.count({ where: { organizationId: { in: [org.id, other.id] } } })).toBe(0);

    const ok = await callAgentAction(bookRoute, "agent_matrix", fresh, body);
    expect(ok.status).toBe(201);
    expect(await getDb().appointment.count({ where: { organizationId: org.id } })).toBe(1);
  });
});
