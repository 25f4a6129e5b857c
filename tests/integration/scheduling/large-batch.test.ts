import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as scheduleRoute } from "@/app/api/scheduled-calls/route";
import { getDb } from "@/lib/db";
import { createContacts } from "../../factories/contacts";
import { createSchedulingMember, upcomingDay, wallClock, type SchedulingMember } from "../../factories/scheduling";
import { callRoute, signInAs } from "../helpers/session";

const SYDNEY = "Australia/Sydney";
const schedule = (body: unknown) => callRoute(scheduleRoute, { method: "POST", url: "http://localhost/api/scheduled-calls", body });

// Correctness at the largest size one request may have, not speed: the timeouts are generous.
describe("a batch of 10,000 contacts", () => {
  let clinic: SchedulingMember;
  let ids: string[];
  const wednesday = upcomingDay(SYDNEY, 3);

  beforeAll(async () => {
    // The tests schedule the same patients twice on one day (planning is what they measure): loose
    // per-patient caps, which have their own tests.
    clinic = await createSchedulingMember("STAFF", { maxCallsPerDay: 10, maxCallsPerWeek: 50 });
    // 10,001: one more than a request may schedule. Names sort in index order.
    ids = (await createContacts(clinic.organization.id, 10_001)).map((contact) => contact.id);
  }, 120_000);
  beforeEach(() => signInAs(clinic.user));

  it("refuses 10,001 with a 400, by selection and by ids, and writes nothing", async () => {
    for (const body of [{ selection: { filter: { q: "" } } }, { contactIds: ids }]) {
      const res = await schedule({ ...body, scheduledTime: wednesday.at("09:00").toISOString() });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toBe(
        "One request can schedule at most 10,000 contacts. Narrow the selection and schedule the rest separately.",
      );
    }
    expect(await getDb().scheduledCall.count()).toBe(0);
    expect(await getDb().callBatch.count()).toBe(0);
  }, 60_000);

  it("schedules 10,000 in one request: every row written, each on its own slot of calling hours", async () => {
    const chosen = ids.slice(0, 10_000);
    const res = await schedule({ contactIds: chosen, scheduledTime: wednesday.at("09:00").toISOString() });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as {
      message: string;
      batch: { id: string; scheduledCount: number; skippedCount: number; firstCallAt: string; lastCallAt: string };
      scheduledCalls: { contact: { id: string } }[];
      hasMoreScheduledCalls: boolean;
    };
    expect(answer.message).toBe("10000 call(s) scheduled successfully");
    expect(answer.batch).toMatchObject({ scheduledCount: 10_000, skippedCount: 0 });
    expect(answer.scheduledCalls).toHaveLength(100);
    expect(answer.hasMoreScheduledCalls).toBe(true);

    const [summary] = await getDb().$queryRaw<{ rows: number; contacts: number; times: number; first: Date; last: Date }[]>`
      SELECT count(*)::int AS "rows", count(DISTINCT "contactId")::int AS "contacts", count(DISTINCT "scheduledTime")::int AS "times",
             min("scheduledTime") AS "first", max("scheduledTime") AS "last"
        FROM "ScheduledCall" WHERE "batchId" = ${answer.batch.id}`;
    expect(summary).toMatchObject({ rows: 10_000, contacts: 10_000, times: 10_000 });
    expect(summary!.first.toISOString()).toBe(answer.batch.firstCallAt);
    expect(summary!.last.toISOString()).toBe(answer.batch.lastCallAt);
    expect(await getDb().scheduledCall.count({ where: { batchId: answer.batch.id, contactId: ids[10_000]! } })).toBe(0);

    // 240 calls fill a day of 09:00–17:00 at 2 minutes; 10,000 end on the 42nd calling day, at 14:18.
    const rows = await getDb().scheduledCall.findMany({
      where: { batchId: answer.batch.id },
      orderBy: { scheduledTime: "asc" },
      select: { scheduledTime: true, contactId: true },
    });
    expect(rows.map((row) => row.contactId)).toEqual(chosen);
    expect(wallClock(rows[239]!.scheduledTime, SYDNEY)).toBe(wallClock(wednesday.at("16:58"), SYDNEY));
    expect(wallClock(rows[240]!.scheduledTime, SYDNEY)).toBe(wallClock(wednesday.at("09:00", 1), SYDNEY));
    expect(wallClock(rows[9_999]!.scheduledTime, SYDNEY)).toMatch(/^\w{3} \d{4}-\d{2}-\d{2} 14:18$/);
    for (const { scheduledTime } of rows) {
      const clock = wallClock(scheduledTime, SYDNEY);
      expect(clock.slice(0, 3)).not.toMatch(/Sat|Sun/);
      expect(clock.slice(-5) >= "09:00" && clock.slice(-5) < "17:00").toBe(true);
    }
  }, 180_000);

  it("schedules 10,000 from a 07:00 opening, when every call must wait for the patients' 08:00", async () => {
    // Calling hours from 07:00: the first hour of each day is before 08:00 on the patients' clock,
    // so every call moves alone to the next legal time (this used to take minutes to plan).
    await getDb().organization.update({ where: { id: clinic.organization.id }, data: { callingWindowStart: 7 * 60 } });
    const res = await schedule({ contactIds: ids.slice(1, 10_001), scheduledTime: wednesday.at("07:00").toISOString() });
    expect(res.status).toBe(201);
    const { batch } = (await res.json()) as { batch: { id: string; scheduledCount: number; movedCount: number } };
    expect(batch).toMatchObject({ scheduledCount: 10_000, movedCount: 10_000 });
    const rows = await getDb().scheduledCall.findMany({ where: { batchId: batch.id }, orderBy: { scheduledTime: "asc" }, select: { scheduledTime: true } });
    expect(new Set(rows.map((row) => +row.scheduledTime)).size).toBe(10_000);
    expect(wallClock(rows[0]!.scheduledTime, SYDNEY)).toBe(wallClock(wednesday.at("08:00"), SYDNEY));
    expect(wallClock(rows[269]!.scheduledTime, SYDNEY)).toBe(wallClock(wednesday.at("16:58"), SYDNEY));
    expect(wallClock(rows[270]!.scheduledTime, SYDNEY)).toBe(wallClock(wednesday.at("08:00", 1), SYDNEY));
    expect(rows.every(({ scheduledTime }) => wallClock(scheduledTime, SYDNEY).slice(-5) >= "08:00")).toBe(true);
  }, 180_000);
});
