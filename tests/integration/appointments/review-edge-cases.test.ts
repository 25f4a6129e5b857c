import { describe, expect, it } from "vitest";
import { POST as bookRoute } from "@/app/api/agent-actions/book-appointment/[agent_id]/route";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { checkAvailability } from "@/lib/appointments/check-availability";
import { scheduleCallback } from "@/lib/appointments/schedule-callback";
import { getDb } from "@/lib/db";
import { DEFAULT_OPENING_HOURS } from "@/lib/appointments/opening-hours";
import { createOrganization, lineNumber, registerLine } from "../../factories";
import { callAgentAction, createAgentWithToken, setOpeningHours } from "../../factories/appointments";

type Booked = { success: boolean; reason?: string; message: string; alternatives?: { date: string; start_time: string }[] };

describe("book-appointment: alternatives on another day", () => {
  it("a closed Sunday offers Monday's times with Monday's date, so booking an alternative as given works", async () => {
    const organization = await createOrganization({ timezone: "Australia/Sydney" });
    await setOpeningHours(organization.id, DEFAULT_OPENING_HOURS); // Mon–Fri 09:00–17:00
    const { agentId, token } = await createAgentWithToken(organization.id);
    const now = Date.parse("2026-12-02T00:00:00Z"); // Wednesday 2 Dec, 11:00 Sydney
    const answer = (await bookAppointment(
      organization.id,
      { date: "2026-12-06", start_time: "10:00", customer_name: "Sunday Sam", customer_phone: "0491 570 156" },
      now,
    )) as Booked;
    expect(answer).toMatchObject({ success: false, reason: "closed" });
    expect(answer.message).toMatch(/9:00 AM and 9:30 AM on Monday 7 December/);
    expect(answer.alternatives).toEqual([
      { date: "2026-12-07", start_time: "09:00" },
      { date: "2026-12-07", start_time: "09:30" },
    ]);
    // Over HTTP the shape is the same (the route passes it through).
    const res = await callAgentAction(bookRoute, agentId, token, {
      date: "2027-01-03", // a Sunday
      start_time: "10:00",
      customer_name: "Sunday Sam",
      customer_phone: "0491 570 156",
    });
    const body = (await res.json()) as Booked;
    expect(body.alternatives?.[0]).toEqual({ date: "2027-01-04", start_time: "09:00" });
  });
});

describe("schedule-callback: 'tomorrow' on the night the clocks change", () => {
  it("at 23:30 the night before Sydney springs forward, Monday is not called 'tomorrow'", async () => {
    const organization = await createOrganization({ timezone: "Australia/Sydney" });
    await getDb().organization.update({
      where: { id: organization.id },
      data: { callingDays: [1, 2, 3, 4, 5], callingWindowStart: 540, callingWindowEnd: 1020 },
    });
    const { agentId } = await createAgentWithToken(organization.id, `agent_dst_${organization.id}`);
    const { phoneNumberId } = await registerLine(organization.id, { setDefault: false, e164: lineNumber() });
    await getDb().organization.update({ where: { id: organization.id }, data: { elevenLabsAgentId: agentId, elevenLabsPhoneNumberId: phoneNumberId } });
    // Saturday 3 Oct 2026, 23:30 AEST; Sunday 4 Oct has 23 hours, so now + 24 h is already Monday.
    const now = Date.parse("2026-10-03T13:30:00Z");
    const answer = await scheduleCallback(organization.id, agentId, { caller_id: "+61491570160", time: "in 2 hours", context: "Results" }, now);
    expect(answer.local_time).toBe("2026-10-05 9:00 AM");
    expect(answer.message).toBe("Done — the clinic calls between 9:00 AM and 5:00 PM on its calling days, so I'll call you Monday 5 October at 9:00 AM.");
  });
});

describe("check-availability: a time the clocks skip", () => {
  it("02:30 on the morning Sydney springs forward is not answered as another time being free", async () => {
    const organization = await createOrganization({ timezone: "Australia/Sydney" });
    await setOpeningHours(organization.id, [{ day: 7, start: 0, end: 1440 }]); // open all Sunday
    const now = Date.parse("2026-10-01T00:00:00Z");
    const answer = await checkAvailability(organization.id, { date: "2026-10-04", time: "02:30" }, now);
    expect(answer.message).not.toMatch(/^Yes/);
    expect(answer.message).toMatch(/doesn't exist on that day because the clocks change/);
    expect(answer.message).toMatch(/The nearest free times are 3:00 AM and 3:30 AM\./);
  });
});
