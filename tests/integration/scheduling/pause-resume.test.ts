import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { POST as pauseRoute } from "@/app/api/call-batches/[id]/pause/route";
import { POST as resumeRoute } from "@/app/api/call-batches/[id]/resume/route";
import { POST as cancelBatchRoute } from "@/app/api/call-batches/[id]/cancel/route";
import { GET as batchRoute } from "@/app/api/call-batches/[id]/route";
import { getDb } from "@/lib/db";
import { claimDueCalls } from "@/lib/dispatch/claim-due-calls";
import { isOpen, legalWindow } from "@/lib/scheduling/calling-window";
import { clinicWindow } from "@/lib/scheduling/plan-batch";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { pauseBatch } from "@/lib/scheduling/pause-batch";
import { resumeBatch } from "@/lib/scheduling/resume-batch";
import { cancelBatch } from "@/lib/scheduling/cancel-batch";
import { listBatches } from "@/lib/scheduling/list-batches";
import { POST as scheduleRoute } from "@/app/api/scheduled-calls/route";
import { createMember } from "../../factories";
import { createContacts } from "../../factories/contacts";
import { createDispatchOrganization, zoneAtNoon } from "../../factories/dispatch";
import { createBatchRow, createScheduledCallRows, createSchedulingContacts, createSchedulingMember, upcomingDay, wallClock } from "../../factories/scheduling";
import { listDoNotCall } from "../../factories/do-not-call";
import { createCalls } from "../../factories/calls";
import { startDispatchHarness, type DispatchHarness } from "../dispatch/harness";
import { callRoute, signInAs } from "../helpers/session";

type Json = Record<string, unknown> & { detail?: string; code?: string };
const post = async (route: typeof pauseRoute, id: string) => {
  const res = await callRoute(route, { method: "POST", params: { id } });
  return { status: res.status, body: (await res.json()) as Json };
};
const getBatch = async (id: string) => {
  const res = await callRoute(batchRoute, { params: { id } });
  return { status: res.status, body: (await res.json()) as Json };
};
const SYDNEY = "Australia/Sydney";

describe("pausing and resuming a batch", () => {
  let harness: DispatchHarness;
  let offset = 20_000;
  beforeAll(async () => {
    harness = await startDispatchHarness({ outcomeMix: { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 } });
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.simulator.reset());

  /** A clinic open around the clock, a signed-in member, and a batch of `count` calls due a second ago. */
  async function dueBatch(count: number) {
    const organization = await createDispatchOrganization({ concurrencyLimit: 1_000 });
    const member = await createMember("STAFF", organization.id);
    const contacts = await createContacts(organization.id, count, () => ({}), (offset += 500));
    await getDb().contact.updateMany({ where: { organizationId: organization.id }, data: { timezone: zoneAtNoon() } });
    const batch = await createBatchRow(organization.id, { scheduledCount: count });
    const rows = await createScheduledCallRows(
      organization.id,
      contacts.map((c) => c.id),
      { start: new Date(Date.now() - 1_000), spacingMinutes: 0, batchId: batch.id },
    );
    await getDb().scheduledCall.updateMany({
      where: { batchId: batch.id },
      data: { agentId: organization.elevenLabsAgentId!, fromNumber: organization.elevenLabsPhoneNumberId! },
    });
    signInAs(member.user);
    return { organization, member, contacts, batch, rows };
  }
  const statuses = async (batchId: string) =>
    Object.fromEntries(
      (await getDb().scheduledCall.groupBy({ by: ["status"], where: { batchId }, _count: true })).map((group) => [group.status, group._count]),
    );

  /**
   * A Sydney clinic (2 minutes apart) and a batch of these patients planned for Friday from `start`, paused at
   * 09:00 that Friday; with the actor that paused it, the batch, Friday and a read of the rows by patient name.
   */
  async function pausedFridayBatch(patients: Parameters<typeof createSchedulingContacts>[1], start: string) {
    const clinic = await createSchedulingMember("STAFF", { timezone: SYDNEY, staggerMinutes: 2 });
    const contacts = await createSchedulingContacts(clinic.organization.id, patients);
    const batch = await createBatchRow(clinic.organization.id, { scheduledCount: patients.length });
    const friday = upcomingDay(SYDNEY, 5);
    await createScheduledCallRows(
      clinic.organization.id,
      contacts.map((c) => c.id),
      { start: friday.at(start), spacingMinutes: 2, batchId: batch.id },
    );
    const actor = { organizationId: clinic.organization.id, userId: clinic.user.id, email: clinic.user.email };
    await pauseBatch(actor, batch.id, friday.at("09:00"));
    const rowsByName = async () => {
      const rows = await getDb().scheduledCall.findMany({ where: { batchId: batch.id }, include: { contact: { select: { name: true } } } });
      return { rows, byName: Object.fromEntries(rows.map((row) => [row.contact.name, row])) };
    };
    return { clinic, actor, batch, friday, rowsByName };
  }

  it("pause stops claims: the dispatcher dials none of the batch's calls, and the pause is audited", async () => {
    const { organization, member, contacts, batch } = await dueBatch(3);
    const paused = await post(pauseRoute, batch.id);
    expect(paused).toMatchObject({ status: 200, body: { paused: 3 } });
    expect(await statuses(batch.id)).toEqual({ PAUSED: 3 });

    expect((await harness.runCron()).status).toBe(200);
    await harness.settle();
    for (const contact of contacts) expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(0);
    expect(await statuses(batch.id)).toEqual({ PAUSED: 3 });

    const audit = await getDb().auditEvent.findMany({ where: { organizationId: organization.id, action: "BATCH_PAUSED" } });
    expect(audit).toEqual([expect.objectContaining({ actorUserId: member.user.id, targetType: "call_batch", targetId: batch.id, data: { paused: 3 } })]);
  });

  it("pausing twice: 409 saying so, nothing changed; resuming twice: 409", async () => {
    const { batch } = await dueBatch(2);
    expect((await post(pauseRoute, batch.id)).status).toBe(200);
    const { pausedAt } = await getDb().callBatch.findUniqueOrThrow({ where: { id: batch.id } });
    const again = await post(pauseRoute, batch.id);
    expect(again).toMatchObject({ status: 409, body: { code: "conflict", detail: "This batch is already paused. Resume it to carry on calling." } });
    expect((await getDb().callBatch.findUniqueOrThrow({ where: { id: batch.id } })).pausedAt).toEqual(pausedAt);

    expect((await post(resumeRoute, batch.id)).status).toBe(200);
    const twice = await post(resumeRoute, batch.id);
    expect(twice).toMatchObject({ status: 409, body: { code: "conflict", detail: "This batch is not paused, so there is nothing to resume." } });
    expect(await statuses(batch.id)).toEqual({ PENDING: 2 });
  });

  it("resume after a pause: the calls are dialed once each", async () => {
    const { contacts, batch } = await dueBatch(3);
    await post(pauseRoute, batch.id);
    const resumed = await post(resumeRoute, batch.id);
    expect(resumed).toMatchObject({ status: 200, body: { resumed: 3, cancelled: 0 } });
    // Re-planned from now with the batch's 2-minute spacing: make them due to dial them now.
    await getDb().scheduledCall.updateMany({ where: { batchId: batch.id }, data: { scheduledTime: new Date(Date.now() - 1_000) } });
    await harness.runCron();
    await harness.settle();
    for (const contact of contacts) expect(harness.simulator.dialsTo(contact.phoneNumber)).toBe(1);
    expect(await statuses(batch.id)).toEqual({ COMPLETED: 3 });
  });

  it("a finished batch cannot be paused (409); another clinic's batch is a 404 for pause and resume", async () => {
    const { batch } = await dueBatch(1);
    await getDb().scheduledCall.updateMany({ where: { batchId: batch.id }, data: { status: "COMPLETED" } });
    expect(await post(pauseRoute, batch.id)).toMatchObject({
      status: 409,
      body: { detail: "Nothing is left to pause: every call of this batch has been made or cancelled." },
    });
    expect((await getDb().callBatch.findUniqueOrThrow({ where: { id: batch.id } })).pausedAt).toBeNull();

    const other = await dueBatch(1); // signs in the other clinic's member
    for (const route of [pauseRoute, resumeRoute]) expect(await post(route, batch.id)).toMatchObject({ status: 404, body: { detail: "Batch not found" } });
    expect(await statuses(other.batch.id)).toEqual({ PENDING: 1 });
  });

  it("a call that comes back to PENDING while its batch is paused (a retry) is not claimed until the resume", async () => {
    const { organization, batch, rows } = await dueBatch(2);
    await post(pauseRoute, batch.id);
    // The dispatcher's retry path writes PENDING with a due next attempt.
    await getDb().scheduledCall.update({ where: { id: rows[0]!.id }, data: { status: "PENDING", nextAttemptAt: new Date(Date.now() - 1_000), attempts: 1 } });
    expect(await claimDueCalls(organization.id, { runId: "run-paused", limit: 10, now: new Date() })).toEqual([]);
    expect(await post(resumeRoute, batch.id)).toMatchObject({ status: 200, body: { resumed: 2 } });
    // Re-planned with the others from now (2 minutes apart), its backoff time dropped.
    expect(await getDb().scheduledCall.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({ status: "PENDING", nextAttemptAt: null });
    const claimed = await claimDueCalls(organization.id, { runId: "run-resumed", limit: 10, now: new Date(Date.now() + 3 * 60_000) });
    expect(claimed.map((call) => call.id).sort()).toEqual(rows.map((row) => row.id).sort());
  });

  it("cancelling a paused batch cancels its paused calls", async () => {
    const { batch } = await dueBatch(2);
    await post(pauseRoute, batch.id);
    expect(await post(cancelBatchRoute, batch.id)).toMatchObject({ status: 200, body: { cancelled: 2 } });
    expect(await statuses(batch.id)).toEqual({ CANCELLED: 2 });
  });

  it("pause against concurrent claims: every row is either claimed or paused, never both, none lost", async () => {
    const many = inject("databaseKind") === "postgres" ? 300 : 40;
    const { organization, member, batch } = await dueBatch(many);
    const actor = { organizationId: organization.id, userId: member.user.id, email: member.user.email };
    const claims = Array.from({ length: 4 }, (_, i) => claimDueCalls(organization.id, { runId: `race-${i}`, limit: 40, now: new Date() }));
    const [pause, ...claimed] = await Promise.all([pauseBatch(actor, batch.id), ...claims]);
    const claimedIds = new Set(claimed.flat().map((call) => call.id));
    const rows = await getDb().scheduledCall.findMany({ where: { batchId: batch.id }, select: { id: true, status: true } });
    expect(
      rows
        .filter((row) => row.status === "IN_PROGRESS")
        .map((row) => row.id)
        .sort(),
    ).toEqual([...claimedIds].sort());
    expect(rows.filter((row) => row.status === "PAUSED")).toHaveLength(pause.paused);
    expect(pause.paused + claimedIds.size).toBe(many);
    expect(rows.every((row) => row.status === "IN_PROGRESS" || row.status === "PAUSED")).toBe(true);
  });

  it("resume re-plans the paused calls from now, inside calling hours, with the batch's spacing, in their old order", async () => {
    const { clinic, actor, batch, friday, rowsByName } = await pausedFridayBatch(
      [
        { name: "Ann", phoneNumber: "+61255501001" },
        { name: "Bob", phoneNumber: "+61255501002" },
        { name: "Cat", phoneNumber: "+61255501003", doNotCall: true, doNotCallReason: "asked on the phone" },
        { name: "Dan", phoneNumber: "+61255501004" },
      ],
      "10:00",
    );

    // Resumed three minutes before Friday's hours close (17:00): two calls fit, the last moves to Monday 09:00.
    const result = await resumeBatch(actor, batch.id, friday.at("16:57"));
    expect(result).toMatchObject({ resumed: 3, cancelled: 1 });
    const { rows, byName } = await rowsByName();
    expect(wallClock(byName.Ann!.scheduledTime, SYDNEY)).toBe(wallClock(friday.at("16:57"), SYDNEY));
    expect(wallClock(byName.Bob!.scheduledTime, SYDNEY)).toBe(wallClock(friday.at("16:59"), SYDNEY));
    expect(wallClock(byName.Dan!.scheduledTime, SYDNEY)).toBe(wallClock(friday.at("09:00", 3), SYDNEY));
    expect(byName.Dan!.requestedTime).toEqual(friday.at("17:01"));
    expect(byName.Cat).toMatchObject({ status: "CANCELLED", errorMessage: "Not called: On the do-not-call list (asked on the phone)" });
    const rules = await loadCallingRules(clinic.organization.id);
    for (const row of rows.filter((r) => r.status === "PENDING")) {
      expect(row.nextAttemptAt).toBeNull();
      expect(isOpen(+row.scheduledTime, clinicWindow({ ...rules, defaultCountry: "AU" }))).toBe(true);
      expect(isOpen(+row.scheduledTime, legalWindow(SYDNEY))).toBe(true);
    }
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: clinic.organization.id, action: "BATCH_RESUMED" } });
    expect(audit.data).toMatchObject({ resumed: 3, cancelled: 1 });
  });

  it("a batch paused and resumed before it begins keeps its times: nothing is brought forward to the resume", async () => {
    const { actor, batch, friday, rowsByName } = await pausedFridayBatch(
      [
        { name: "Ann", phoneNumber: "+61255501001" },
        { name: "Bob", phoneNumber: "+61255501002" },
      ],
      "14:00",
    );

    expect(await resumeBatch(actor, batch.id, friday.at("10:00"))).toMatchObject({ resumed: 2, firstCallAt: friday.at("14:00") });
    const { rows, byName } = await rowsByName();
    expect([byName.Ann!.scheduledTime, byName.Bob!.scheduledTime]).toEqual([friday.at("14:00"), friday.at("14:02")]);
    expect(rows.every((row) => row.status === "PENDING")).toBe(true);
  });

  /**
   * Five Sydney patients scheduled through the route for Friday 16:54, 2 minutes apart: Ann 16:54, Bob 16:56, Cat 16:58,
   * then the clinic closes and Dan and Eve move to Monday 09:00 and 09:02. Paused at 16:55 on Friday; Eve is put on
   * the do-not-call list while it is paused.
   */
  async function scheduledFridayEvening() {
    const clinic = await createSchedulingMember("STAFF", { timezone: SYDNEY, staggerMinutes: 2 });
    const names = ["Ann", "Bob", "Cat", "Dan", "Eve"];
    const contacts = await createSchedulingContacts(
      clinic.organization.id,
      names.map((name, index) => ({ name, phoneNumber: `+6125550200${index + 1}` })),
    );
    const friday = upcomingDay(SYDNEY, 5);
    signInAs(clinic.user);
    const res = await callRoute(scheduleRoute, {
      method: "POST",
      url: "http://localhost/api/scheduled-calls",
      body: { contactIds: contacts.map((c) => c.id), scheduledTime: friday.at("16:54").toISOString() },
    });
    expect(res.status).toBe(201);
    const { batch } = (await res.json()) as { batch: { id: string } };
    const card = async () => (await listBatches(clinic.organization.id, { limit: 5 })).batches.find((row) => row.id === batch.id)!;
    expect(await card()).toMatchObject({ firstCallAt: friday.at("16:54"), lastCallAt: friday.at("09:02", 3), movedCount: 2 });
    const actor = { organizationId: clinic.organization.id, userId: clinic.user.id, email: clinic.user.email };
    const byName = async () =>
      Object.fromEntries(
        (await getDb().scheduledCall.findMany({ where: { batchId: batch.id }, include: { contact: { select: { name: true } } } })).map((row) => [
          row.contact.name,
          row,
        ]),
      );
    return { clinic, actor, batch, friday, card, byName, eve: contacts[4]! };
  }

  it("after a resume the batch card's span and moved count describe the calls as re-planned, not the first plan", async () => {
    const { clinic, actor, batch, friday, card, eve } = await scheduledFridayEvening();
    await pauseBatch(actor, batch.id, friday.at("16:50"));
    await listDoNotCall(clinic.organization.id, [eve.phoneNumber]);

    // Resumed at 16:55: Ann 16:55, Bob 16:57, Cat 16:59, Dan Monday 09:00 (moved); Eve is not called.
    expect(await resumeBatch(actor, batch.id, friday.at("16:55"))).toMatchObject({ resumed: 4, cancelled: 1 });
    expect(await card()).toMatchObject({ firstCallAt: friday.at("16:55"), lastCallAt: friday.at("09:00", 3), movedCount: 1, pausedAt: null });
  });

  it("after a resume the batch card's 'N skipped' counts the patients the resume did not call, and the batch names them with the reason", async () => {
    const { clinic, actor, batch, friday, card, eve } = await scheduledFridayEvening();
    await pauseBatch(actor, batch.id, friday.at("16:50"));
    await listDoNotCall(clinic.organization.id, [eve.phoneNumber]);
    expect(await card()).toMatchObject({ skippedCount: 0 });

    expect(await resumeBatch(actor, batch.id, friday.at("16:55"))).toMatchObject({ resumed: 4, cancelled: 1 });
    expect(await card()).toMatchObject({ skippedCount: 1 });
    const { body } = await getBatch(batch.id);
    expect(body).toMatchObject({
      batch: { skippedCount: 1 },
      skipped: [{ contactId: eve.id, name: "Eve", reason: expect.stringMatching(/^On the do-not-call list/) }],
    });
  });

  it("a resume that could only cancel says so, instead of 'no paused calls were left'", async () => {
    const { clinic, actor, batch, friday, byName, eve } = await scheduledFridayEvening();
    const rows = await byName();
    for (const name of ["Ann", "Bob", "Cat", "Dan"]) {
      await getDb().scheduledCall.update({ where: { id: rows[name]!.id }, data: { status: "COMPLETED", attempts: 1, executedAt: friday.at("16:55") } });
    }
    await pauseBatch(actor, batch.id, friday.at("16:56"));
    await listDoNotCall(clinic.organization.id, [eve.phoneNumber]);

    const answer = await resumeBatch(actor, batch.id, friday.at("16:58"));
    expect(answer).toMatchObject({ resumed: 0, cancelled: 1 });
    expect(answer.message).toBe(
      "Batch resumed; its 1 paused call(s) were skipped and cancelled (do-not-call, no consent, no valid number or no calling hours in common)",
    );
  });

  it("after a resume the span still starts at a call made before the pause; calls re-planned inside hours are not 'moved'", async () => {
    const { clinic, actor, batch, friday, card, byName, eve } = await scheduledFridayEvening();
    await getDb().scheduledCall.update({ where: { id: (await byName()).Ann!.id }, data: { status: "COMPLETED", attempts: 1, executedAt: friday.at("16:55") } });
    await pauseBatch(actor, batch.id, friday.at("16:55"));
    await listDoNotCall(clinic.organization.id, [eve.phoneNumber]);

    // Resumed on Monday at 09:30: Bob 09:30, Cat 09:32, Dan 09:34, all in hours.
    expect(await resumeBatch(actor, batch.id, friday.at("09:30", 3))).toMatchObject({ resumed: 3, cancelled: 1 });
    expect(await card()).toMatchObject({ firstCallAt: friday.at("16:54"), lastCallAt: friday.at("09:34", 3), movedCount: 0 });
  });

  it("after a resume the span still starts at the first dial, when that call was re-planned for its retry", async () => {
    const { clinic, actor, batch, friday, card, byName } = await scheduledFridayEvening();
    // Ann was dialed at 16:54, was busy, and waits to be tried again at 16:59.
    const ann = (await byName()).Ann!;
    await getDb().scheduledCall.update({ where: { id: ann.id }, data: { attempts: 1, nextAttemptAt: friday.at("16:59") } });
    await createCalls(
      clinic.organization.id,
      1,
      () => ({ scheduledCallId: ann.id, contactId: ann.contactId, status: "FAILED", outcome: null }),
      friday.at("16:54"),
    );
    await pauseBatch(actor, batch.id, friday.at("16:55"));

    // Resumed on Monday at 09:30: Ann's retry and the others are planned from then on.
    expect(await resumeBatch(actor, batch.id, friday.at("09:30", 3))).toMatchObject({ resumed: 5, cancelled: 0 });
    const times = Object.values(await byName()).map((row) => +row.scheduledTime);
    expect(Math.min(...times)).toBe(+friday.at("09:30", 3));
    expect(await card()).toMatchObject({ firstCallAt: friday.at("16:54"), lastCallAt: friday.at("09:38", 3) });
  });

  it("after 'Cancel pending' the batch card's span and moved count are those of the calls that were made", async () => {
    const { clinic, batch, friday, card, byName } = await scheduledFridayEvening();
    await getDb().scheduledCall.update({ where: { id: (await byName()).Ann!.id }, data: { status: "COMPLETED", attempts: 1, executedAt: friday.at("16:55") } });

    expect(await cancelBatch(clinic.organization.id, batch.id)).toMatchObject({ cancelled: 4 });
    expect(await card()).toMatchObject({ firstCallAt: friday.at("16:54"), lastCallAt: friday.at("16:54"), movedCount: 0 });
  });

  it("a paused batch that is cancelled is no longer paused: there is nothing to resume (409)", async () => {
    const { batch } = await dueBatch(2);
    expect((await post(pauseRoute, batch.id)).status).toBe(200);
    expect((await post(cancelBatchRoute, batch.id)).status).toBe(200);
    expect((await getDb().callBatch.findUniqueOrThrow({ where: { id: batch.id } })).pausedAt).toBeNull();
    const resumed = await post(resumeRoute, batch.id);
    expect(resumed.status).toBe(409);
    expect(await statuses(batch.id)).toEqual({ CANCELLED: 2 });
  });

  it("resume cancels the call of a patient whose consent became none while the batch was paused, with the reason", async () => {
    const { clinic, actor, batch, friday, rowsByName } = await pausedFridayBatch(
      [
        { name: "Ann", phoneNumber: "+61255501001" },
        { name: "Nora", phoneNumber: "+61255501002", consentBasis: "CARE_REMINDERS" },
      ],
      "10:00",
    );
    await getDb().contact.updateMany({ where: { organizationId: clinic.organization.id, name: "Nora" }, data: { consentBasis: "NONE" } });

    expect(await resumeBatch(actor, batch.id, friday.at("11:00"))).toMatchObject({ resumed: 1, cancelled: 1 });
    const { byName } = await rowsByName();
    expect(byName.Ann).toMatchObject({ status: "PENDING" });
    expect(byName.Nora).toMatchObject({ status: "CANCELLED", errorMessage: "Not called: No consent (agreed to no calls)" });
  });
});
