import { describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/appointments/route";
import { PATCH as updateRoute } from "@/app/api/appointments/[id]/route";
import { POST as bookRoute } from "@/app/api/agent-actions/book-appointment/[agent_id]/route";
import { POST as rescheduleRoute } from "@/app/api/agent-actions/reschedule-appointment/[agent_id]/route";
import { getDb } from "@/lib/db";
import { addDaysToDate, localDateAndMinute } from "@/lib/appointments/opening-hours";
import { clockTime } from "@/lib/appointments/spoken-time";
import { createMember, createOrganization } from "../../factories";
import { callAgentAction, createAgentWithToken, createAppointment, setOpeningHours } from "../../factories/appointments";
import { zoneAtNoon } from "../../factories/clock-zones";
import { callRoute, signInAs } from "../helpers/session";

type Problem = { status: number; code: string; detail: string; issues?: { path: string; message: string }[] };
type AgentAnswer = { success: boolean; reason?: string; message: string };

/** An instant as the staff form sends it (ISO 8601 with an offset). */
const sent = (at: number) => new Date(at).toISOString().replace("Z", "+00:00");
const MINUTE = 60_000;

describe("a start that has already passed", () => {
  it("staff cannot book it (422, nothing written), but a start within the last minute is still now", async () => {
    const { user, organization } = await createMember("STAFF");
    signInAs(user);
    const create = (startsAt: string) => callRoute(createRoute, { method: "POST", body: { startsAt, durationMinutes: 30, attendeeName: "Late Lou" } });

    const refused = await create(sent(Date.now() - 5 * MINUTE));
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await refused.json()) as Problem;
    expect(problem).toMatchObject({ code: "unprocessable", detail: "That time has already passed. Pick a time from now on." });
    expect(problem.issues).toEqual([{ path: "startsAt", message: problem.detail }]);
    expect(await getDb().appointment.count({ where: { organizationId: organization.id } })).toBe(0);

    // The form was sent half a minute after the minute it names.
    expect((await create(sent(Date.now() - 30_000))).status).toBe(201);
  });

  it("staff cannot move one to it; a past appointment's status and length can still be changed", async () => {
    const { user, organization } = await createMember("STAFF");
    signInAs(user);
    const ahead = await createAppointment(organization.id, new Date(Date.now() + 2 * 86_400_000));
    const patch = (id: string, body: unknown) => callRoute(updateRoute, { method: "PATCH", params: { id }, body });

    const moved = await patch(ahead.id, { startsAt: sent(Date.now() - 2 * 3_600_000) });
    expect(moved.status).toBe(422);
    expect(((await moved.json()) as Problem).detail).toMatch(/already passed/);
    expect((await getDb().appointment.findUniqueOrThrow({ where: { id: ahead.id } })).startsAt).toEqual(ahead.startsAt);

    // Yesterday's visit: confirm it, correct its length (the dialog sends the start it shows), cancel it.
    const past = await createAppointment(organization.id, new Date(Date.now() - 86_400_000));
    expect((await patch(past.id, { status: "CONFIRMED" })).status).toBe(200);
    expect((await patch(past.id, { startsAt: sent(+past.startsAt), durationMinutes: 45 })).status).toBe(200);
    expect((await patch(past.id, { durationMinutes: 15 })).status).toBe(200);
    expect((await patch(past.id, { startsAt: sent(+past.startsAt - 3_600_000) })).status).toBe(422);
    expect((await patch(past.id, { status: "CANCELLED" })).status).toBe(200);
    expect(await getDb().appointment.findUniqueOrThrow({ where: { id: past.id } })).toMatchObject({
      status: "CANCELLED",
      startsAt: past.startsAt,
      endsAt: new Date(+past.startsAt + 15 * MINUTE),
    });
  });

  it("the agent hears it in its tool-answer shape (success: false, a sentence, reason) for a booking and a move", async () => {
    // About noon on the clinic's clock, so an hour ago is earlier today, open all day.
    const timeZone = zoneAtNoon();
    const organization = await createOrganization({ timezone: timeZone });
    await setOpeningHours(
      organization.id,
      [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: 0, end: 1440 })),
    );
    const { agentId, token } = await createAgentWithToken(organization.id);
    const anHourAgo = Date.now() - 60 * MINUTE;
    const today = localDateAndMinute(anHourAgo, timeZone).date;
    const earlier = { date: today, start_time: clockTime(anHourAgo, timeZone) };

    const book = await callAgentAction(bookRoute, agentId, token, { ...earlier, customer_name: "Jane Citizen", customer_phone: "0491 570 156" });
    expect(book.status).toBe(422);
    expect(book.headers.get("content-type")).toBe("application/problem+json");
    expect((await book.json()) as AgentAnswer).toMatchObject({
      success: false,
      reason: "passed",
      message: "That time has already passed. Please pick a later time.",
    });
    expect(await getDb().appointment.count({ where: { organizationId: organization.id } })).toBe(0);

    const booked = await createAppointment(organization.id, new Date(Date.now() + 86_400_000), 30, { attendeeName: "Jane", attendeePhone: "+61491570156" });
    const move = await callAgentAction(rescheduleRoute, agentId, token, {
      appointment_id: booked.id,
      caller_id: "+61491570156",
      new_date: earlier.date,
      new_start_time: earlier.start_time,
    });
    expect(move.status).toBe(422);
    expect((await move.json()) as AgentAnswer).toMatchObject({ success: false, reason: "passed", message: expect.stringMatching(/already passed/) });
    expect((await getDb().appointment.findUniqueOrThrow({ where: { id: booked.id } })).startsAt).toEqual(booked.startsAt);
    // Tomorrow's same time is fine.
    expect(
      (await callAgentAction(bookRoute, agentId, token, { ...earlier, date: addDaysToDate(today, 1), customer_name: "Jane", customer_phone: "0491 570 156" }))
        .status,
    ).toBe(201);
  });
});

describe("a start further ahead than a year", () => {
  it("staff cannot book or move an appointment to it (422, a slip of the year), up to a year ahead they can", async () => {
    const { user, organization } = await createMember("STAFF");
    signInAs(user);
    const create = (startsAt: string) => callRoute(createRoute, { method: "POST", body: { startsAt, durationMinutes: 30, attendeeName: "Far Fay" } });
    const refused = await create("9999-12-31T09:00:00+11:00");
    expect(refused.status).toBe(422);
    expect((await refused.json()) as Problem).toMatchObject({
      issues: [{ path: "startsAt", message: "Appointments can be booked up to a year ahead. Check the year." }],
    });
    expect(await getDb().appointment.count({ where: { organizationId: organization.id } })).toBe(0);

    const booked = await create(sent(Date.now() + 360 * 86_400_000));
    expect(booked.status).toBe(201);
    const { appointment } = (await booked.json()) as { appointment: { id: string } };
    const moved = await callRoute(updateRoute, { method: "PATCH", params: { id: appointment.id }, body: { startsAt: sent(Date.now() + 400 * 86_400_000) } });
    expect(moved.status).toBe(422);
  });
});
