import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { todayKpis } from "@/lib/calls/today-kpis";
import { createMember } from "../../factories";

describe("todayKpis", () => {
  it("counts the clinic's own calls since its local midnight", async () => {
    const { organization } = await createMember("STAFF");
    const other = await createMember("STAFF");
    const now = new Date("2026-11-22T03:00:00Z"); // 14:00 in Sydney; the Sydney day began 2026-11-21T13:00Z
    const call = (organizationId: string, createdAt: string, status: "COMPLETED" | "FAILED" | "INITIATED", outcome: string | null) => ({
      organizationId,
      toNumber: "+61255500001",
      createdAt: new Date(createdAt),
      status,
      outcome,
    });
    await getDb().call.createMany({
      data: [
        call(organization.id, "2026-11-21T12:59:00Z", "COMPLETED", "appointment_booked"), // yesterday in Sydney
        call(organization.id, "2026-11-21T13:01:00Z", "COMPLETED", "appointment_booked"),
        call(organization.id, "2026-11-21T20:00:00Z", "COMPLETED", "voicemail"),
        call(organization.id, "2026-11-22T02:00:00Z", "FAILED", "busy"),
        call(organization.id, "2026-11-22T02:30:00Z", "INITIATED", null),
        call(other.organization.id, "2026-11-22T02:00:00Z", "COMPLETED", "appointment_booked"),
      ],
    });
    expect(await todayKpis(organization.id, "Australia/Sydney", now)).toMatchObject({ callsToday: 4, answered: 1, appointmentsBooked: 1, scheduled: 0 });
  });
});
