import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { todayKpis } from "@/lib/calls/today-kpis";
import { callsPerDay } from "@/lib/calls/calls-per-day";
import { createMember } from "../../factories";

type Shape = {
  createdAt: string;
  status?: "COMPLETED" | "FAILED" | "INITIATED";
  direction?: "OUTBOUND" | "INBOUND";
  outcome?: string | null;
  intent?: string | null;
  callSuccessful?: string | null;
};

async function seed(organizationId: string, calls: Shape[]) {
  await getDb().call.createMany({
    data: calls.map((call) => ({
      organizationId,
      toNumber: "+61255500001",
      status: "COMPLETED" as const,
      outcome: null,
      ...call,
      createdAt: new Date(call.createdAt),
    })),
  });
}

describe("todayKpis", () => {
  it("counts the clinic's own calls since its local midnight", async () => {
    const { organization } = await createMember("STAFF");
    const other = await createMember("STAFF");
    const now = new Date("2026-11-22T03:00:00Z"); // 14:00 in Sydney; the Sydney day began 2026-11-21T13:00Z
    await seed(organization.id, [
      { createdAt: "2026-11-21T12:59:00Z", outcome: "resolved", intent: "scheduling" }, // yesterday in Sydney
      { createdAt: "2026-11-21T13:01:00Z", outcome: "resolved", intent: "scheduling", callSuccessful: "success" },
      { createdAt: "2026-11-21T20:00:00Z", outcome: "voicemail" },
      { createdAt: "2026-11-21T21:00:00Z", outcome: "escalated", callSuccessful: "failure", direction: "INBOUND" },
      { createdAt: "2026-11-21T22:00:00Z", outcome: "resolved", intent: "billing" }, // no evaluation: resolved counts as success
      { createdAt: "2026-11-22T02:00:00Z", status: "FAILED", outcome: "busy" },
      { createdAt: "2026-11-22T02:30:00Z", status: "INITIATED", direction: "INBOUND" },
      { createdAt: "2026-11-21T12:00:00Z", direction: "INBOUND" }, // yesterday in Sydney: not counted either way
    ]);
    await seed(other.organization.id, [{ createdAt: "2026-11-22T02:00:00Z", outcome: "resolved", intent: "scheduling", direction: "INBOUND" }]);
    expect(await todayKpis(organization.id, "Australia/Sydney", now)).toMatchObject({
      callsToday: 6,
      outbound: 4,
      inbound: 2,
      answered: 3,
      appointmentsBooked: 1,
      escalations: 1,
      successRate: 2 / 3,
      scheduled: 0,
    });
  });

  it("has no success rate before anyone answered", async () => {
    const { organization } = await createMember("STAFF");
    expect(await todayKpis(organization.id, "Australia/Sydney", new Date("2026-11-22T03:00:00Z"))).toMatchObject({ callsToday: 0, successRate: null });
  });

  it("moves to the new day at the clinic's midnight, not the server's or UTC's", async () => {
    const { organization } = await createMember("STAFF");
    await seed(organization.id, [{ createdAt: "2026-11-21T12:59:59Z" }, { createdAt: "2026-11-21T13:00:00Z" }]);
    expect((await todayKpis(organization.id, "Australia/Sydney", new Date("2026-11-21T12:59:59.999Z"))).callsToday).toBe(1);
    expect((await todayKpis(organization.id, "Australia/Sydney", new Date("2026-11-21T13:00:00Z"))).callsToday).toBe(1);
    // Los Angeles (UTC-8 in November): the same instants are the afternoon of one day.
    expect((await todayKpis(organization.id, "America/Los_Angeles", new Date("2026-11-21T20:00:00Z"))).callsToday).toBe(2);
  });

  it("starts the day right across a DST change (Sydney springs forward on 4 October 2026)", async () => {
    const { organization } = await createMember("STAFF");
    // 4 Oct starts at 00:00 AEST = 2026-10-03T14:00Z and is 23 hours long; 5 Oct starts at 00:00 AEDT = 2026-10-04T13:00Z.
    await seed(organization.id, [
      { createdAt: "2026-10-03T13:59:00Z" }, // 3 Oct, 23:59
      { createdAt: "2026-10-03T14:01:00Z" }, // 4 Oct, 00:01
      { createdAt: "2026-10-04T12:59:00Z" }, // 4 Oct, 23:59 (AEDT)
      { createdAt: "2026-10-04T13:01:00Z" }, // 5 Oct, 00:01
    ]);
    expect((await todayKpis(organization.id, "Australia/Sydney", new Date("2026-10-04T12:00:00Z"))).callsToday).toBe(2);
    expect((await todayKpis(organization.id, "Australia/Sydney", new Date("2026-10-04T13:30:00Z"))).callsToday).toBe(1);

    const days = await callsPerDay(organization.id, "Australia/Sydney", new Date("2026-10-05T01:00:00Z"));
    expect(days).toHaveLength(14);
    expect(days.at(-1)?.day).toBe("2026-10-05");
    expect(days[0]?.day).toBe("2026-09-22");
    const count = (day: string) => days.find((entry) => entry.day === day)?.other;
    expect([count("2026-10-03"), count("2026-10-04"), count("2026-10-05")]).toEqual([1, 2, 1]);
  });

  it("charts calls per day by outcome, with empty days as zeros", async () => {
    const { organization } = await createMember("STAFF");
    await seed(organization.id, [
      { createdAt: "2026-11-21T14:00:00Z", outcome: "resolved" },
      { createdAt: "2026-11-21T15:00:00Z", outcome: "callback" },
      { createdAt: "2026-11-21T16:00:00Z", status: "FAILED", outcome: "no_answer" },
      { createdAt: "2026-11-21T17:00:00Z", status: "INITIATED" },
      { createdAt: "2026-11-21T18:00:00Z", outcome: "not_interested" },
      { createdAt: "2026-11-01T18:00:00Z", outcome: "resolved" }, // older than 14 days
    ]);
    const days = await callsPerDay(organization.id, "Australia/Sydney", new Date("2026-11-22T03:00:00Z"));
    expect(days.at(-1)).toEqual({ day: "2026-11-22", resolved: 1, callback: 1, escalated: 0, voicemail: 0, not_reached: 1, other: 1, in_progress: 1 });
    expect(days.slice(0, -1).every((day) => Object.entries(day).every(([key, value]) => key === "day" || value === 0))).toBe(true);
  });
});
