import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/appointments/route";
import { PATCH as updateRoute } from "@/app/api/appointments/[id]/route";
import { GET as getHoursRoute, PATCH as hoursRoute } from "@/app/api/organizations/opening-hours/route";
import { POST as availabilityRoute } from "@/app/api/agent-actions/check-availability/[agent_id]/route";
import { getDb } from "@/lib/db";
import { createMember } from "../../factories";
import { callAgentAction, createAgentWithToken } from "../../factories/appointments";
import { callRoute, signInAs } from "../helpers/session";

type Created = { appointment: { id: string; startsAt: string; endsAt: string; status: string; source: string; contactId: string | null } };

describe("appointments for staff", () => {
  it("create, list the range, move, confirm, cancel; overlaps are 409s decided by the database", async () => {
    const { user, organization } = await createMember("STAFF");
    signInAs(user);
    const create = (startsAt: string, name = "Walk In") =>
      callRoute(createRoute, { method: "POST", body: { startsAt, durationMinutes: 30, attendeeName: name, attendeePhone: "0491 570 156" } });
    const first = await create("2027-02-02T10:00:00+11:00");
    expect(first.status).toBe(201);
    const { appointment } = (await first.json()) as Created;
    expect(appointment).toMatchObject({ status: "SCHEDULED", source: "STAFF", startsAt: "2027-02-01T23:00:00.000Z" });
    expect(appointment.contactId).not.toBeNull();

    const overlapping = await create("2027-02-02T10:15:00+11:00", "Second");
    expect(overlapping.status).toBe(409);
    expect(((await overlapping.json()) as { detail: string }).detail).toMatch(/overlaps another appointment/);
    expect((await create("2027-02-02T10:30:00+11:00", "Touching")).status).toBe(201);

    const listed = (await (
      await callRoute(listRoute, { url: "http://localhost/api/appointments?from=2027-02-02T00:00:00%2B11:00&to=2027-02-03T00:00:00%2B11:00" })
    ).json()) as { appointments: { attendeeName: string }[] };
    expect(listed.appointments.map((a) => a.attendeeName)).toEqual(["Walk In", "Touching"]);

    // Moving onto the 10:30 one is refused; moving elsewhere works; then confirm and cancel.
    const patch = (body: unknown) => callRoute(updateRoute, { method: "PATCH", params: { id: appointment.id }, body });
    expect((await patch({ startsAt: "2027-02-02T10:20:00+11:00" })).status).toBe(409);
    expect(((await (await patch({ startsAt: "2027-02-02T14:00:00+11:00", durationMinutes: 45 })).json()) as Created).appointment).toMatchObject({
      startsAt: "2027-02-02T03:00:00.000Z",
      endsAt: "2027-02-02T03:45:00.000Z",
    });
    expect(((await (await patch({ status: "CONFIRMED" })).json()) as Created).appointment.status).toBe("CONFIRMED");
    expect(((await (await patch({ status: "CANCELLED" })).json()) as Created).appointment.status).toBe("CANCELLED");
    expect((await patch({ startsAt: "2027-02-02T15:00:00+11:00" })).status).toBe(409);
    // Its old time is free again.
    expect((await create("2027-02-02T14:00:00+11:00", "Takes the slot")).status).toBe(201);
    expect(await getDb().appointment.count({ where: { organizationId: organization.id } })).toBe(3);
  });

  it("another clinic's appointment is a 404; bad input is a 400 with nothing written", async () => {
    const mine = await createMember("STAFF");
    const theirs = await createMember("OWNER");
    signInAs(theirs.user);
    const { appointment } = (await (
      await callRoute(createRoute, { method: "POST", body: { startsAt: "2027-02-02T10:00:00+11:00", durationMinutes: 30, attendeeName: "Theirs" } })
    ).json()) as Created;
    signInAs(mine.user);
    expect((await callRoute(updateRoute, { method: "PATCH", params: { id: appointment.id }, body: { status: "CANCELLED" } })).status).toBe(404);
    expect((await getDb().appointment.findUniqueOrThrow({ where: { id: appointment.id } })).status).toBe("SCHEDULED");
    for (const body of [
      { startsAt: "2027-02-02T10:00", durationMinutes: 30, attendeeName: "No offset" },
      { startsAt: "2027-02-02T10:00:00Z", durationMinutes: 500, attendeeName: "Long" },
      { startsAt: "2027-02-02T10:00:00Z", durationMinutes: 30, attendeeName: "" },
      { startsAt: "2027-02-02T10:00:00Z", durationMinutes: 30, attendeeName: "X", attendeePhone: "nope" },
    ]) {
      expect((await callRoute(createRoute, { method: "POST", body })).status, JSON.stringify(body)).toBe(400);
    }
    expect(await getDb().appointment.count({ where: { organizationId: mine.organization.id } })).toBe(0);
    expect((await callRoute(listRoute, { url: "http://localhost/api/appointments?from=2027-01-01T00:00:00Z&to=2027-06-01T00:00:00Z" })).status).toBe(400);
  });

  it("opening hours: admins change them (audited before → after), staff may only read, and availability follows at once", async () => {
    const { user: admin, organization } = await createMember("ADMIN");
    signInAs(admin);
    const res = await callRoute(hoursRoute, {
      method: "PATCH",
      body: { openingHours: [{ day: 2, start: "08:00", end: "10:00" }], appointmentSlotMinutes: 60 },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ openingHours: [{ day: 2, start: "08:00", end: "10:00" }], appointmentSlotMinutes: 60, version: 1 });
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: organization.id, action: "SETTINGS_UPDATED" } });
    expect(audit.before).toMatchObject({ appointmentSlotMinutes: 30 });
    expect(audit.after).toEqual({ openingHours: [{ day: 2, start: "08:00", end: "10:00" }], appointmentSlotMinutes: 60 });

    const { agentId, token } = await createAgentWithToken(organization.id);
    const slots = (await (await callAgentAction(availabilityRoute, agentId, token, { date: "2027-02-02" })).json()) as { slots: { start_time: string }[] };
    expect(slots.slots.map((s) => s.start_time)).toEqual(["08:00", "09:00"]);

    expect((await callRoute(hoursRoute, { method: "PATCH", body: { openingHours: [{ day: 2, start: "10:00", end: "09:00" }] } })).status).toBe(400);
    expect((await callRoute(hoursRoute, { method: "PATCH", body: { appointmentSlotMinutes: 3 } })).status).toBe(400);
    const staff = await createMember("STAFF", organization.id);
    signInAs(staff.user);
    expect((await callRoute(hoursRoute, { method: "PATCH", body: { appointmentSlotMinutes: 15 } })).status).toBe(403);
    expect((await callRoute(getHoursRoute)).status).toBe(200);
  });
});
