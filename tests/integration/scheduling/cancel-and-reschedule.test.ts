import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE as cancelRoute, PATCH as rescheduleRoute } from "@/app/api/scheduled-calls/[id]/route";
import { POST as cancelBatchRoute } from "@/app/api/call-batches/[id]/cancel/route";
import { getDb } from "@/lib/db";
import type { ScheduledCallStatus } from "@/lib/generated/prisma/enums";
import { createContacts } from "../../factories/contacts";
import {
  createBatchRow,
  createScheduledCallRows,
  createSchedulingContacts,
  createSchedulingMember,
  upcomingDay,
  wallClock,
  type SchedulingMember,
} from "../../factories/scheduling";
import { callRoute, signInAs } from "../helpers/session";

const SYDNEY = "Australia/Sydney";
type Json = Record<string, unknown> & { detail?: string; message?: string };

const cancel = async (id: string) => {
  const res = await callRoute(cancelRoute, { method: "DELETE", params: { id } });
  return { status: res.status, body: (await res.json()) as Json };
};
const reschedule = async (id: string, body: unknown) => {
  const res = await callRoute(rescheduleRoute, { method: "PATCH", params: { id }, body });
  return {
    status: res.status,
    body: (await res.json()) as Json & { scheduledCall?: { scheduledTime: string; requestedTime: string | null; moved: boolean; status: string } },
  };
};
const cancelBatch = async (id: string) => {
  const res = await callRoute(cancelBatchRoute, { method: "POST", params: { id } });
  return { status: res.status, body: (await res.json()) as Json & { cancelled?: number } };
};
const statusOf = async (id: string) => (await getDb().scheduledCall.findUniqueOrThrow({ where: { id } })).status;

describe("cancelling and rescheduling scheduled calls", () => {
  let clinic: SchedulingMember;
  let other: SchedulingMember;
  let contactIds: string[];
  let contactCursor = 0;
  const later = new Date(Date.now() + 7 * 86_400_000);

  /** One call of the clinic's with the given status, on its own contact. */
  async function callWith(status: ScheduledCallStatus, options: { batchId?: string; organizationId?: string; contactId?: string } = {}) {
    const contactId = options.contactId ?? contactIds[contactCursor++]!;
    const [row] = await createScheduledCallRows(options.organizationId ?? clinic.organization.id, [contactId], {
      start: later,
      status,
      batchId: options.batchId,
    });
    return row!;
  }

  beforeAll(async () => {
    clinic = await createSchedulingMember("STAFF");
    other = await createSchedulingMember("STAFF");
    contactIds = (await createContacts(clinic.organization.id, 60)).map((c) => c.id);
  });
  beforeEach(() => signInAs(clinic.user));

  describe("DELETE /api/scheduled-calls/:id", () => {
    it("cancels a pending call", async () => {
      const row = await callWith("PENDING");
      const { status, body } = await cancel(row.id);
      expect(status).toBe(200);
      expect(body).toEqual({ message: "Scheduled call cancelled successfully", alreadyCancelled: false });
      const stored = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id } });
      expect(stored.status).toBe("CANCELLED");
      expect(stored.cancelledAt).toBeInstanceOf(Date);
    });

    it("answers 200 to cancelling twice, and keeps the first cancellation's time", async () => {
      const row = await callWith("PENDING");
      await cancel(row.id);
      const { cancelledAt } = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id } });
      const again = await cancel(row.id);
      expect(again).toEqual({ status: 200, body: { message: "Scheduled call cancelled successfully", alreadyCancelled: true } });
      expect((await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id } })).cancelledAt).toEqual(cancelledAt);
    });

    it.each([
      ["IN_PROGRESS", "This call is being placed right now and can no longer be cancelled."],
      ["COMPLETED", "This call has already been made, so there is nothing to cancel."],
      ["FAILED", "This call has already failed and will not be tried again, so there is nothing to cancel."],
    ] as const)("answers 409 for a call that is %s, saying why, and leaves it alone", async (current, detail) => {
      const row = await callWith(current);
      const { status, body } = await cancel(row.id);
      expect(status).toBe(409);
      // `status` is the HTTP status (RFC 9457); the call's own status has its own member.
      expect(body).toMatchObject({ code: "conflict", detail, status: 409, scheduledCallStatus: current });
      expect(await statusOf(row.id)).toBe(current);
    });

    it("answers 404 for another clinic's call and for an unknown id, and changes nothing", async () => {
      const [theirContact] = await createContacts(other.organization.id, 1, () => ({}), 7_000);
      const theirs = await callWith("PENDING", { organizationId: other.organization.id, contactId: theirContact!.id });
      expect((await cancel(theirs.id)).status).toBe(404);
      expect((await cancel("c_unknown")).status).toBe(404);
      expect(await statusOf(theirs.id)).toBe("PENDING");
    });
  });

  describe("POST /api/call-batches/:id/cancel", () => {
    it("cancels only the batch's pending calls, in one go", async () => {
      const batch = await createBatchRow(clinic.organization.id);
      const pending = [
        await callWith("PENDING", { batchId: batch.id }),
        await callWith("PENDING", { batchId: batch.id }),
        await callWith("PENDING", { batchId: batch.id }),
      ];
      const inProgress = await callWith("IN_PROGRESS", { batchId: batch.id });
      const completed = await callWith("COMPLETED", { batchId: batch.id });
      const outside = await callWith("PENDING");

      const { status, body } = await cancelBatch(batch.id);
      expect(status).toBe(200);
      expect(body).toEqual({ cancelled: 3, message: "Cancelled 3 pending call(s)" });
      for (const row of pending) expect(await statusOf(row.id)).toBe("CANCELLED");
      expect(await statusOf(inProgress.id)).toBe("IN_PROGRESS");
      expect(await statusOf(completed.id)).toBe("COMPLETED");
      expect(await statusOf(outside.id)).toBe("PENDING");

      expect(await cancelBatch(batch.id)).toEqual({ status: 200, body: { cancelled: 0, message: "No pending calls were left to cancel" } });
    });

    it("answers 404 for another clinic's batch and leaves its calls pending", async () => {
      const theirBatch = await createBatchRow(other.organization.id);
      const [theirContact] = await createContacts(other.organization.id, 1, () => ({}), 7_100);
      const theirs = await callWith("PENDING", { organizationId: other.organization.id, contactId: theirContact!.id, batchId: theirBatch.id });
      expect((await cancelBatch(theirBatch.id)).status).toBe(404);
      expect((await cancelBatch("c_unknown")).status).toBe(404);
      expect(await statusOf(theirs.id)).toBe("PENDING");
    });
  });

  describe("PATCH /api/scheduled-calls/:id", () => {
    const wednesday = upcomingDay(SYDNEY, 3);

    it("moves a pending call to a time inside calling hours, as asked", async () => {
      const row = await callWith("PENDING");
      await getDb().scheduledCall.update({ where: { id: row.id }, data: { nextAttemptAt: new Date(Date.now() + 3_600_000), requestedTime: new Date() } });
      const asked = wednesday.at("10:30");
      const { status, body } = await reschedule(row.id, { scheduledTime: asked.toISOString() });
      expect(status).toBe(200);
      expect(body.message).toBe("Scheduled call rescheduled successfully");
      expect(body.scheduledCall).toMatchObject({ scheduledTime: asked.toISOString(), requestedTime: null, moved: false, status: "PENDING" });
      const stored = await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id } });
      expect(stored).toMatchObject({ scheduledTime: asked, nextAttemptAt: null, requestedTime: null });
    });

    it("moves a time outside calling hours on to the next opening, remembering the time asked", async () => {
      const row = await callWith("PENDING");
      const saturday = upcomingDay(SYDNEY, 6);
      const { status, body } = await reschedule(row.id, { scheduledTime: saturday.at("11:00").toISOString() });
      expect(status).toBe(200);
      expect(wallClock(new Date(body.scheduledCall!.scheduledTime), SYDNEY)).toBe(wallClock(saturday.at("09:00", 2), SYDNEY));
      expect(wallClock(new Date(body.scheduledCall!.scheduledTime), SYDNEY)).toMatch(/^Mon .* 09:00$/);
      expect(body.scheduledCall).toMatchObject({ requestedTime: saturday.at("11:00").toISOString(), moved: true });
    });

    it("keeps to the recipient's legal hours: a Los Angeles patient asked for at 16:30 Sydney waits for the morning", async () => {
      const [la] = await createSchedulingContacts(clinic.organization.id, [{ name: "Los Angeles Patient", phoneNumber: "+14155552671" }]);
      const row = await callWith("PENDING", { contactId: la!.id });
      const { body } = await reschedule(row.id, { scheduledTime: wednesday.at("16:30").toISOString() });
      expect(body.scheduledCall!.scheduledTime).toBe(wednesday.at("09:00", 1).toISOString());
      expect(wallClock(new Date(body.scheduledCall!.scheduledTime), "America/Los_Angeles")).toMatch(/ 1[456]:00$/);
    });

    it("keeps the batch card true: its first and last times and moved count follow a call of it that is rescheduled", async () => {
      const batch = await createBatchRow(clinic.organization.id, { scheduledCount: 3 });
      const rows = await createScheduledCallRows(clinic.organization.id, contactIds.slice(50, 53), { start: wednesday.at("10:00"), batchId: batch.id });
      await getDb().callBatch.update({ where: { id: batch.id }, data: { firstCallAt: wednesday.at("10:00"), lastCallAt: wednesday.at("10:04") } });
      const card = () => getDb().callBatch.findUniqueOrThrow({ where: { id: batch.id }, select: { firstCallAt: true, lastCallAt: true, movedCount: true } });

      // The last call to Thursday: the batch now ends then.
      expect((await reschedule(rows[2]!.id, { scheduledTime: wednesday.at("11:00", 1).toISOString() })).status).toBe(200);
      expect(await card()).toEqual({ firstCallAt: wednesday.at("10:00"), lastCallAt: wednesday.at("11:00", 1), movedCount: 0 });
      // The first call after the second: the batch starts with the second. Then one to a Saturday, moved to Monday 09:00.
      expect((await reschedule(rows[0]!.id, { scheduledTime: wednesday.at("10:30").toISOString() })).status).toBe(200);
      expect(await card()).toEqual({ firstCallAt: wednesday.at("10:02"), lastCallAt: wednesday.at("11:00", 1), movedCount: 0 });
      expect((await reschedule(rows[1]!.id, { scheduledTime: wednesday.at("11:00", 3).toISOString() })).status).toBe(200);
      expect(await card()).toEqual({ firstCallAt: wednesday.at("10:30"), lastCallAt: wednesday.at("09:00", 5), movedCount: 1 });
    });

    it("keeps the batch's count of calls the call limits moved for the calls the reschedule did not touch", async () => {
      const batch = await createBatchRow(clinic.organization.id, { scheduledCount: 3 });
      const rows = await createScheduledCallRows(clinic.organization.id, contactIds.slice(53, 56), { start: wednesday.at("10:00"), batchId: batch.id });
      // All three moved when scheduled, two of them by a patient's call limit.
      await getDb().scheduledCall.updateMany({ where: { batchId: batch.id }, data: { requestedTime: wednesday.at("09:00") } });
      await getDb().callBatch.update({ where: { id: batch.id }, data: { movedCount: 3, cappedCount: 2 } });

      expect((await reschedule(rows[2]!.id, { scheduledTime: wednesday.at("11:00").toISOString() })).status).toBe(200);
      expect(await getDb().callBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ movedCount: 2, cappedCount: 2 });
      expect((await reschedule(rows[1]!.id, { scheduledTime: wednesday.at("11:30").toISOString() })).status).toBe(200);
      expect(await getDb().callBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({ movedCount: 1, cappedCount: 1 });
    });

    describe("the patient's call limits (1 a day by default), as call backs and check-ins keep them", () => {
      const LIMIT_SENTENCE =
        /^The patient was already called that day \(at most 1 a day\), so the call is set for the next time their call limit allows: Thu \d+ \w+, 9:00 AM\.$/;

      it("moved onto a day the patient already has a call: set for the next day the limit allows, and the answer says so in words", async () => {
        const contactId = contactIds[56]!;
        // The patient's batch call a week out; their call back on Wednesday at 10:00.
        const batch = await createBatchRow(clinic.organization.id, { scheduledCount: 1 });
        const row = await callWith("PENDING", { contactId, batchId: batch.id });
        await getDb().scheduledCall.create({
          data: {
            organizationId: clinic.organization.id,
            contactId,
            agentId: "agent_clinic",
            fromNumber: "phnum_clinic",
            scheduledTime: wednesday.at("10:00"),
            kind: "CALLBACK",
          },
        });

        const { status, body } = await reschedule(row.id, { scheduledTime: wednesday.at("14:00").toISOString() });
        expect(status).toBe(200);
        expect(body).toMatchObject({
          moved: "call_limit",
          scheduledCall: { scheduledTime: wednesday.at("09:00", 1).toISOString(), requestedTime: wednesday.at("14:00").toISOString(), moved: true },
        });
        expect(body.message).toMatch(LIMIT_SENTENCE);
        // The batch card counts it among the calls the call limits moved.
        expect(await getDb().callBatch.findUniqueOrThrow({ where: { id: batch.id } })).toMatchObject({
          movedCount: 1,
          cappedCount: 1,
          firstCallAt: wednesday.at("09:00", 1),
        });
      });

      it("the call being moved does not count against itself: a call moved within its own day stays where asked", async () => {
        const row = await callWith("PENDING");
        await getDb().scheduledCall.update({ where: { id: row.id }, data: { scheduledTime: wednesday.at("10:00") } });
        const { status, body } = await reschedule(row.id, { scheduledTime: wednesday.at("11:00").toISOString() });
        expect(status).toBe(200);
        expect(body).toMatchObject({
          moved: null,
          message: "Scheduled call rescheduled successfully",
          scheduledCall: { scheduledTime: wednesday.at("11:00").toISOString(), requestedTime: null },
        });
      });

      it("a time outside calling hours says so in words too", async () => {
        const row = await callWith("PENDING");
        const { body } = await reschedule(row.id, { scheduledTime: wednesday.at("18:00").toISOString() });
        expect(body).toMatchObject({ moved: "outside_calling_hours", scheduledCall: { scheduledTime: wednesday.at("09:00", 1).toISOString() } });
        expect(body.message).toMatch(/^The time asked for is outside calling hours, so the call is set for the next calling time: Thu \d+ \w+, 9:00 AM\.$/);
      });
    });

    it.each(["IN_PROGRESS", "COMPLETED", "CANCELLED"] as const)("answers 409 for a call that is %s and leaves its time alone", async (current) => {
      const row = await callWith(current);
      const { status, body } = await reschedule(row.id, { scheduledTime: wednesday.at("10:00").toISOString() });
      expect(status).toBe(409);
      expect(body).toMatchObject({
        status: 409,
        scheduledCallStatus: current,
        detail: `Only a pending call can be rescheduled; this one is ${current.toLowerCase().replace("_", " ")}.`,
      });
      expect((await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id } })).scheduledTime).toEqual(row.scheduledTime);
    });

    it("answers 400 for a time in the past or not an instant, and 404 for another clinic's call", async () => {
      const row = await callWith("PENDING");
      const past = await reschedule(row.id, { scheduledTime: new Date(Date.now() - 10 * 60_000).toISOString() });
      expect(past.status).toBe(400);
      expect(past.body.detail).toBe("The new time is in the past. Pick a time from now on.");
      expect((await reschedule(row.id, { scheduledTime: "tomorrow at ten" })).status).toBe(400);
      expect((await reschedule(row.id, { scheduledTime: wednesday.at("10:00").toISOString(), status: "PENDING" })).status).toBe(400);
      expect((await getDb().scheduledCall.findUniqueOrThrow({ where: { id: row.id } })).scheduledTime).toEqual(row.scheduledTime);

      const [theirContact] = await createContacts(other.organization.id, 1, () => ({}), 7_200);
      const theirs = await callWith("PENDING", { organizationId: other.organization.id, contactId: theirContact!.id });
      expect((await reschedule(theirs.id, { scheduledTime: wednesday.at("10:00").toISOString() })).status).toBe(404);
      expect((await getDb().scheduledCall.findUniqueOrThrow({ where: { id: theirs.id } })).scheduledTime).toEqual(theirs.scheduledTime);
    });
  });
});
