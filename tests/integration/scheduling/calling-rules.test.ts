import { beforeEach, describe, expect, it } from "vitest";
import { GET as getRulesRoute, PATCH as patchRulesRoute } from "@/app/api/organizations/calling-rules/route";
import { POST as scheduleRoute } from "@/app/api/scheduled-calls/route";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createMember } from "../../factories";
import { createSchedulingContacts, createSchedulingMember, upcomingDay, wallClock } from "../../factories/scheduling";
import { callRoute, signInAs } from "../helpers/session";

type Json = Record<string, unknown> & { detail?: string; issues?: { path: string; message: string }[] };

const patchRules = async (body: unknown) => {
  const res = await callRoute(patchRulesRoute, { method: "PATCH", url: "http://localhost/api/organizations/calling-rules", body });
  return { status: res.status, body: (await res.json()) as Json };
};
const storedRules = (organizationId: string) =>
  getDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      timezone: true,
      callingDays: true,
      callingWindowStart: true,
      callingWindowEnd: true,
      staggerMinutes: true,
      maxAttempts: true,
      concurrencyLimit: true,
      retryVoicemail: true,
      staleCallMinutes: true,
    },
  });

describe("/api/organizations/calling-rules", () => {
  let admin: Awaited<ReturnType<typeof createMember>>;

  beforeEach(async () => {
    admin = await createMember("ADMIN");
    signInAs(admin.user);
  });

  it("shows the rules with calling hours as clock times, to every member", async () => {
    const staff = await createMember("STAFF", admin.organization.id);
    signInAs(staff.user);
    const res = await callRoute(getRulesRoute);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      timezone: "Australia/Sydney",
      callingDays: [1, 2, 3, 4, 5],
      callingWindowStart: "09:00",
      callingWindowEnd: "17:00",
      staggerMinutes: 2,
      maxAttempts: 3,
      concurrencyLimit: 4,
      retryVoicemail: true,
      staleCallMinutes: 20,
      maxCallsPerDay: 1,
      maxCallsPerWeek: 3,
      overCapAction: "DEFER",
      transcriptRetentionDays: 365,
      version: 0,
    });
  });

  it.each(["ADMIN", "OWNER"] as const)("lets an %s change them, stored as minutes", async (role: Role) => {
    const member = role === "ADMIN" ? admin : await createMember(role, admin.organization.id);
    signInAs(member.user);
    const { status, body } = await patchRules({
      timezone: "Australia/Perth",
      callingDays: [6, 1, 2],
      callingWindowStart: "08:30",
      callingWindowEnd: "18:00",
      staggerMinutes: 3,
      maxAttempts: 5,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      timezone: "Australia/Perth",
      callingDays: [1, 2, 6],
      callingWindowStart: "08:30",
      callingWindowEnd: "18:00",
      staggerMinutes: 3,
      maxAttempts: 5,
    });
    expect(await storedRules(admin.organization.id)).toMatchObject({
      timezone: "Australia/Perth",
      callingDays: [1, 2, 6],
      callingWindowStart: 510,
      callingWindowEnd: 1080,
      staggerMinutes: 3,
      maxAttempts: 5,
    });
  });

  it("changes only the fields sent, and only the admin's own clinic", async () => {
    const other = await createMember("ADMIN");
    const before = await storedRules(other.organization.id);
    const { status } = await patchRules({ retryVoicemail: false });
    expect(status).toBe(200);
    expect(await storedRules(admin.organization.id)).toMatchObject({
      retryVoicemail: false,
      callingWindowStart: 540,
      callingWindowEnd: 1020,
      staggerMinutes: 2,
    });
    expect(await storedRules(other.organization.id)).toEqual(before);
  });

  it("keeps transcripts for the days an admin sets, within 30 to 3,650", async () => {
    signInAs(admin.user);
    expect((await patchRules({ transcriptRetentionDays: 90 })).body).toMatchObject({ transcriptRetentionDays: 90 });
    const tooShort = await patchRules({ transcriptRetentionDays: 7 });
    expect(tooShort.status).toBe(400);
    expect(JSON.stringify(tooShort.body)).toMatch(/at least 30 days/);
    expect(
      (await getDb().organization.findUniqueOrThrow({ where: { id: admin.organization.id }, select: { transcriptRetentionDays: true } }))
        .transcriptRetentionDays,
    ).toBe(90);
  });

  it("answers 403 to staff and stores nothing", async () => {
    const staff = await createMember("STAFF", admin.organization.id);
    signInAs(staff.user);
    const before = await storedRules(admin.organization.id);
    const { status, body } = await patchRules({ staggerMinutes: 10 });
    expect(status).toBe(403);
    expect(body.detail).toBe("Your role does not allow this action.");
    expect(await storedRules(admin.organization.id)).toEqual(before);
  });

  it.each([
    ["an end before the start", { callingWindowStart: "17:00", callingWindowEnd: "09:00" }],
    ["an end equal to the start", { callingWindowStart: "12:00", callingWindowEnd: "12:00" }],
    ["only an end before the stored start (09:00)", { callingWindowEnd: "08:00" }],
    ["only a start at the stored end (17:00)", { callingWindowStart: "17:00" }],
    ["a good change bundled with an empty window", { staggerMinutes: 9, callingDays: [1], callingWindowEnd: "09:00" }],
  ])("answers 400 for %s and stores nothing", async (_, change) => {
    const before = await storedRules(admin.organization.id);
    const { status, body } = await patchRules(change);
    expect(status).toBe(400);
    expect(body.detail).toBe("Calling hours must start before they end (e.g. 09:00 to 17:00).");
    expect(body.issues).toEqual([{ path: "callingWindowEnd", message: "Must be later than the start" }]);
    expect(await storedRules(admin.organization.id)).toEqual(before);
  });

  it.each([
    [{ timezone: "Mars/Olympus" }, "timezone"],
    [{ callingDays: [] }, "callingDays"],
    [{ staggerMinutes: 61 }, "staggerMinutes"],
    [{ maxAttempts: 0 }, "maxAttempts"],
    [{ callingWindowStart: "9am" }, "callingWindowStart"],
    [{}, "(root)"],
  ])("answers 400 for %j, naming the field, and stores nothing", async (change, path) => {
    const before = await storedRules(admin.organization.id);
    const { status, body } = await patchRules(change);
    expect(status).toBe(400);
    expect(body.issues?.map((issue) => issue.path)).toEqual([path]);
    expect(await storedRules(admin.organization.id)).toEqual(before);
  });

  it("schedules by the new hours once they are saved", async () => {
    const clinic = await createSchedulingMember("ADMIN");
    signInAs(clinic.user);
    expect((await patchRules({ callingWindowStart: "08:00", callingWindowEnd: "12:00", staggerMinutes: 5 })).status).toBe(200);
    const contacts = await createSchedulingContacts(clinic.organization.id, [
      { name: "Rules 1", phoneNumber: "+61255511001" },
      { name: "Rules 2", phoneNumber: "+61255511002" },
    ]);
    const wednesday = upcomingDay("Australia/Sydney", 3);
    const res = await callRoute(scheduleRoute, {
      method: "POST",
      url: "http://localhost/api/scheduled-calls",
      body: { contactIds: contacts.map((c) => c.id), scheduledTime: wednesday.at("11:55").toISOString() },
    });
    expect(res.status).toBe(201);
    const { scheduledCalls } = (await res.json()) as { scheduledCalls: { scheduledTime: string }[] };
    expect(scheduledCalls.map((call) => wallClock(new Date(call.scheduledTime), "Australia/Sydney"))).toEqual([
      wallClock(wednesday.at("11:55"), "Australia/Sydney"),
      wallClock(wednesday.at("08:00", 1), "Australia/Sydney"),
    ]);
  });
});
