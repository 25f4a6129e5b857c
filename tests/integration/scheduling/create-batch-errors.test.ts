import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as scheduleRoute } from "@/app/api/scheduled-calls/route";
import { getDb } from "@/lib/db";
import { createSchedulingContacts, createSchedulingMember, upcomingDay, type SchedulingMember } from "../../factories/scheduling";
import { callRoute, signInAs } from "../helpers/session";

interface Problem {
  status: number;
  code: string;
  detail: string;
  issues?: { path: string; message: string }[];
  missingContactIds?: string[];
  skipped?: { contactId: string; reason: string }[];
}

const schedule = (body: unknown) => callRoute(scheduleRoute, { method: "POST", url: "http://localhost/api/scheduled-calls", body });

describe("POST /api/scheduled-calls refuses bad requests and writes nothing", () => {
  let clinic: SchedulingMember;
  let callable: { id: string }[];
  let foreignContact: { id: string };
  const future = upcomingDay("Australia/Sydney", 3).at("14:00").toISOString();

  beforeAll(async () => {
    clinic = await createSchedulingMember("STAFF");
    callable = await createSchedulingContacts(clinic.organization.id, [
      { name: "Ann Able", phoneNumber: "+61255509001" },
      { name: "Ben Able", phoneNumber: "+61255509002" },
    ]);
    const other = await createSchedulingMember("OWNER");
    foreignContact = (await createSchedulingContacts(other.organization.id, [{ name: "Someone Else's", phoneNumber: "+61255509003" }]))[0]!;
  });
  beforeEach(() => signInAs(clinic.user));

  /** Sends the request, checks the problem, and that not a single row was written anywhere. */
  async function refused(body: unknown, status: number, code: string) {
    const res = await schedule(body);
    const problem = (await res.json()) as Problem;
    expect(res.status, problem.detail).toBe(status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(problem.code).toBe(code);
    expect(await getDb().scheduledCall.count()).toBe(0);
    expect(await getDb().callBatch.count()).toBe(0);
    return problem;
  }

  it("refuses a time in the past", async () => {
    const problem = await refused({ contactIds: [callable[0]!.id], scheduledTime: new Date(Date.now() - 5 * 60_000).toISOString() }, 400, "invalid_input");
    expect(problem.detail).toBe("The scheduled time is in the past. Pick a time from now on.");
    expect(problem.issues).toEqual([{ path: "scheduledTime", message: "Must be in the future" }]);
  });

  it("refuses a time more than a year ahead (a slip of the year), and writes nothing", async () => {
    const problem = await refused({ contactIds: [callable[0]!.id], scheduledTime: "9999-12-31T09:00:00+11:00" }, 400, "invalid_input");
    expect(problem.issues).toEqual([{ path: "scheduledTime", message: "Must be within a year" }]);
    expect(await getDb().callBatch.count()).toBe(0);
  });

  it.each(["2026-12-02 14:00", "2026-12-02T14:00:00", "next Tuesday", 1764644400000])("refuses the time %j", async (scheduledTime) => {
    const problem = await refused({ contactIds: [callable[0]!.id], scheduledTime }, 400, "invalid_input");
    expect(problem.issues?.map((issue) => issue.path)).toEqual(["scheduledTime"]);
  });

  it("refuses an empty list, and a selection that matches nobody", async () => {
    expect((await refused({ contactIds: [], scheduledTime: future }, 400, "invalid_input")).detail).toBe("Select at least one contact to schedule.");
    expect((await refused({ selection: { filter: { q: "nobody is called this" } }, scheduledTime: future }, 400, "invalid_input")).detail).toBe(
      "Select at least one contact to schedule.",
    );
    expect(
      (await refused({ selection: { filter: { q: "able" }, excludeIds: callable.map((c) => c.id) }, scheduledTime: future }, 400, "invalid_input")).detail,
    ).toBe("Select at least one contact to schedule.");
  });

  it("answers 404 for the whole request when one id is unknown", async () => {
    const problem = await refused({ contactIds: [callable[0]!.id, "c_missing", callable[1]!.id], scheduledTime: future }, 404, "not_found");
    expect(problem.detail).toBe("1 contact was not found. Nothing was scheduled; reload the contacts and try again.");
    expect(problem.missingContactIds).toEqual(["c_missing"]);
    const two = await refused({ contactIds: ["c_missing", "c_gone"], scheduledTime: future }, 404, "not_found");
    expect(two.detail).toBe("2 contacts were not found. Nothing was scheduled; reload the contacts and try again.");
  });

  it("answers 404 for another clinic's contact, exactly like an unknown one, by ids and by includeIds", async () => {
    const byIds = await refused({ contactIds: [callable[0]!.id, foreignContact.id], scheduledTime: future }, 404, "not_found");
    expect(byIds.missingContactIds).toEqual([foreignContact.id]);
    const bySelection = await refused({ selection: { filter: { q: "able" }, includeIds: [foreignContact.id] }, scheduledTime: future }, 404, "not_found");
    expect(bySelection.missingContactIds).toEqual([foreignContact.id]);
    expect(await getDb().scheduledCall.count({ where: { contactId: foreignContact.id } })).toBe(0);
  });

  it("answers 400 when no phone number is configured, and names where to set it", async () => {
    await getDb().organization.update({ where: { id: clinic.organization.id }, data: { elevenLabsPhoneNumberId: null } });
    try {
      const problem = await refused({ contactIds: [callable[0]!.id], scheduledTime: future }, 400, "bad_request");
      expect(problem.detail).toMatch(/^No phone number is configured for this organization yet\. An admin can register one and choose it in Settings/);
    } finally {
      await getDb().organization.update({ where: { id: clinic.organization.id }, data: { elevenLabsPhoneNumberId: clinic.line.phoneNumberId } });
    }
  });

  it("answers 400 when every contact is skipped, listing why", async () => {
    const [quiet] = await createSchedulingContacts(clinic.organization.id, [{ name: "Quiet Quinn", phoneNumber: "+61255509004", doNotCall: true }]);
    const problem = await refused({ contactIds: [quiet!.id], scheduledTime: future }, 400, "invalid_input");
    expect(problem.detail).toBe("None of the selected contacts can be called, so nothing was scheduled.");
    expect(problem.skipped).toEqual([{ contactId: quiet!.id, name: "Quiet Quinn", reason: "On the do-not-call list" }]);
  });

  it.each([
    ["malformed JSON", "{ not json", 400, "bad_request"],
    ["no body", undefined, 400, "invalid_input"],
    ["a JSON array", [], 400, "invalid_input"],
    ["an unknown field", { contactIds: ["x"], scheduledTime: "2030-01-01T00:00:00Z", priority: "high" }, 400, "invalid_input"],
    ["both contactIds and selection", { contactIds: ["x"], selection: { ids: ["x"] }, scheduledTime: "2030-01-01T00:00:00Z" }, 400, "invalid_input"],
    ["spacing of 0 minutes", { contactIds: ["x"], scheduledTime: "2030-01-01T00:00:00Z", staggerMinutes: 0 }, 400, "invalid_input"],
  ])("answers %s with a 400", async (_, body, status, code) => {
    await refused(body, status, code);
  });

  it("answers 401 without a session and 400 for an Idempotency-Key that is too long", async () => {
    signInAs(null);
    await refused({ contactIds: [callable[0]!.id], scheduledTime: future }, 401, "unauthenticated");
    signInAs(clinic.user);
    const res = await scheduleRoute(
      new Request("http://localhost/api/scheduled-calls", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "k".repeat(256) },
        body: JSON.stringify({ contactIds: [callable[0]!.id], scheduledTime: future }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(400);
    expect(await getDb().callBatch.count()).toBe(0);
  });
});
