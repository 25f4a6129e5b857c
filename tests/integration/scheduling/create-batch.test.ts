import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as scheduleRoute } from "@/app/api/scheduled-calls/route";
import { GET as batchRoute } from "@/app/api/call-batches/[id]/route";
import { getDb } from "@/lib/db";
import { createSchedulingContacts, createSchedulingMember, upcomingDay, wallClock, type SchedulingMember } from "../../factories/scheduling";
import { registerLine } from "../../factories/lines";
import { callRoute, signInAs } from "../helpers/session";

const SYDNEY = "Australia/Sydney";

interface CallView {
  id: string;
  scheduledTime: string;
  requestedTime: string | null;
  moved: boolean;
  status: string;
  batchId: string;
  contact: { id: string; name: string; phoneNumber: string };
}
interface BatchAnswer {
  success: true;
  message: string;
  batch: {
    id: string;
    name: string;
    scheduledCount: number;
    skippedCount: number;
    movedCount: number;
    firstCallAt: string;
    lastCallAt: string;
    expectedFinishAt: string;
    staggerMinutes: number;
    agentId: string;
    agentPhoneNumberId: string;
    timeZone: string;
  };
  scheduledCalls: CallView[];
  hasMoreScheduledCalls: boolean;
  skipped: { contactId: string; name: string; reason: string }[];
}

const schedule = (body: unknown, query = "") => callRoute(scheduleRoute, { method: "POST", url: `http://localhost/api/scheduled-calls${query}`, body });
const sydneyClock = (iso: string | null) => (iso === null ? null : wallClock(new Date(iso), SYDNEY));

describe("POST /api/scheduled-calls creates a batch", () => {
  let clinic: SchedulingMember;
  // A Wednesday at least two days ahead, so the batch is always in the future.
  const wednesday = upcomingDay(SYDNEY, 3);

  beforeAll(async () => {
    clinic = await createSchedulingMember("STAFF");
  });
  beforeEach(() => signInAs(clinic.user));

  async function contacts(seeds: Parameters<typeof createSchedulingContacts>[1]) {
    return createSchedulingContacts(clinic.organization.id, seeds);
  }

  it("schedules contacts by id: staggered rows in one batch, the do-not-call contact skipped with the reason", async () => {
    const [ann, ben, cat, dee] = await contacts([
      { name: "Ann Archer", phoneNumber: "+61255501001" },
      { name: "Ben Baker", phoneNumber: "+61255501002" },
      { name: "Cat Carter", phoneNumber: "+61255501003" },
      { name: "Dee Dunn", phoneNumber: "+61255501004", doNotCall: true, doNotCallReason: "Asked on 3 Nov" },
    ]);
    const start = wednesday.at("14:00");
    const res = await schedule({
      contactIds: [cat!.id, dee!.id, ann!.id, ben!.id],
      scheduledTime: start.toISOString(),
      dynamicVariables: { appointment_type: "flu shot" },
    });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as BatchAnswer;

    expect(answer.message).toBe("3 call(s) scheduled successfully");
    expect(answer.batch).toMatchObject({
      scheduledCount: 3,
      skippedCount: 1,
      movedCount: 0,
      staggerMinutes: 2,
      agentId: clinic.line.agentId,
      agentPhoneNumberId: clinic.line.phoneNumberId,
      timeZone: SYDNEY,
    });
    expect(answer.skipped).toEqual([{ contactId: dee!.id, name: "Dee Dunn", reason: "On the do-not-call list (Asked on 3 Nov)" }]);
    // In name order, two minutes apart, from the time asked.
    expect(answer.scheduledCalls.map((call) => [call.contact.name, sydneyClock(call.scheduledTime), call.moved])).toEqual([
      ["Ann Archer", wallClock(start, SYDNEY), false],
      ["Ben Baker", wallClock(+start + 120_000, SYDNEY), false],
      ["Cat Carter", wallClock(+start + 240_000, SYDNEY), false],
    ]);
    expect(answer.batch.firstCallAt).toBe(start.toISOString());
    expect(answer.batch.lastCallAt).toBe(new Date(+start + 240_000).toISOString());
    expect(answer.batch.expectedFinishAt).toBe(new Date(+start + 360_000).toISOString());
    expect(answer.hasMoreScheduledCalls).toBe(false);

    const rows = await getDb().scheduledCall.findMany({ where: { batchId: answer.batch.id }, orderBy: { scheduledTime: "asc" } });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({
        organizationId: clinic.organization.id,
        status: "PENDING",
        agentId: clinic.line.agentId,
        fromNumber: clinic.line.phoneNumberId,
        attempts: 0,
        maxAttempts: 3,
        requestedTime: null,
        createdByUserId: clinic.user.id,
        dynamicVariables: { appointment_type: "flu shot" },
      });
    }
    expect(rows.map((row) => row.contactId)).toEqual([ann!.id, ben!.id, cat!.id]);
    expect(rows.map((row) => row.scheduledTime.toISOString())).toEqual(answer.scheduledCalls.map((call) => call.scheduledTime));

    const batch = await getDb().callBatch.findUniqueOrThrow({ where: { id: answer.batch.id } });
    expect(batch).toMatchObject({
      organizationId: clinic.organization.id,
      createdByUserId: clinic.user.id,
      scheduledCount: 3,
      skippedCount: 1,
      movedCount: 0,
      idempotencyKey: null,
    });
    expect(batch.name).toMatch(/^3 calls from /);
    expect(
      await getDb().activityEvent.findMany({
        where: { organizationId: clinic.organization.id, type: "CALLS_SCHEDULED", data: { path: ["batchId"], equals: batch.id } },
      }),
    ).toEqual([expect.objectContaining({ message: "Scheduled 3 calls", actorUserId: clinic.user.id })]);
  });

  it("schedules a selection: everyone matching the search, minus the unticked, plus the ticked outside it", async () => {
    const [smithA, smithB, smithC, jones] = await contacts([
      { name: "Sel Smith Alpha", phoneNumber: "+61255502001" },
      { name: "Sel Smith Bravo", phoneNumber: "+61255502002" },
      { name: "Sel Smith Charlie", phoneNumber: "+61255502003" },
      { name: "Sel Jones", phoneNumber: "+61255502004" },
    ]);
    // Another clinic's Smith matches the search too, but is never theirs to call.
    const other = await createSchedulingMember("STAFF");
    await createSchedulingContacts(other.organization.id, [{ name: "Sel Smith Outsider", phoneNumber: "+61255502005" }]);

    const res = await schedule({
      selection: { filter: { q: "sel smith" }, excludeIds: [smithB!.id], includeIds: [jones!.id] },
      scheduledTime: wednesday.at("10:00").toISOString(),
    });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as BatchAnswer;
    expect(answer.message).toBe("3 call(s) scheduled successfully");
    expect(answer.scheduledCalls.map((call) => [call.contact.id, sydneyClock(call.scheduledTime)])).toEqual([
      [jones!.id, wallClock(wednesday.at("10:00"), SYDNEY)],
      [smithA!.id, wallClock(wednesday.at("10:02"), SYDNEY)],
      [smithC!.id, wallClock(wednesday.at("10:04"), SYDNEY)],
    ]);
    expect(await getDb().scheduledCall.count({ where: { organizationId: other.organization.id } })).toBe(0);
  });

  it("takes the selection in contactIds too, and schedules a contact named twice once", async () => {
    const [one] = await contacts([{ name: "Twice Named", phoneNumber: "+61255503001" }]);
    const res = await schedule({ contactIds: { ids: [one!.id, one!.id] }, scheduledTime: wednesday.at("11:00").toISOString() });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as BatchAnswer;
    expect(answer.batch.scheduledCount).toBe(1);
    expect(await getDb().scheduledCall.count({ where: { batchId: answer.batch.id } })).toBe(1);
  });

  it("continues the next morning when the clinic closes mid-batch, and moves a Los Angeles number alone", async () => {
    const seeds = await contacts([
      { name: "Late 1", phoneNumber: "+61255504001" },
      { name: "Late 2 (Los Angeles)", phoneNumber: "+14155552671" },
      { name: "Late 3", phoneNumber: "+61255504003" },
      { name: "Late 4", phoneNumber: "+61255504004" },
      { name: "Late 5", phoneNumber: "+61255504005" },
    ]);
    const res = await schedule({ contactIds: seeds.map((c) => c.id), scheduledTime: wednesday.at("16:56").toISOString() });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as BatchAnswer;
    // 16:56 Sydney is late evening in Los Angeles; 09:00 Sydney is the afternoon there.
    expect(answer.scheduledCalls.map((call) => [call.contact.name, sydneyClock(call.scheduledTime), sydneyClock(call.requestedTime)])).toEqual([
      ["Late 1", wallClock(wednesday.at("16:56"), SYDNEY), null],
      ["Late 3", wallClock(wednesday.at("16:58"), SYDNEY), null],
      ["Late 2 (Los Angeles)", wallClock(wednesday.at("09:00", 1), SYDNEY), wallClock(wednesday.at("16:58"), SYDNEY)],
      ["Late 4", wallClock(wednesday.at("09:02", 1), SYDNEY), wallClock(wednesday.at("17:00"), SYDNEY)],
      ["Late 5", wallClock(wednesday.at("09:04", 1), SYDNEY), wallClock(wednesday.at("17:02"), SYDNEY)],
    ]);
    expect(answer.batch.movedCount).toBe(3);
    expect(new Set(answer.scheduledCalls.map((call) => call.scheduledTime)).size).toBe(5);
    const stored = await getDb().scheduledCall.findMany({ where: { batchId: answer.batch.id, requestedTime: { not: null } } });
    expect(stored).toHaveLength(3);
  });

  it("rolls a Friday-evening batch over to Monday", async () => {
    const friday = upcomingDay(SYDNEY, 5);
    const seeds = await contacts([
      { name: "Weekend 1", phoneNumber: "+61255505001" },
      { name: "Weekend 2", phoneNumber: "+61255505002" },
    ]);
    const res = await schedule({ contactIds: seeds.map((c) => c.id), scheduledTime: friday.at("16:58").toISOString() });
    const answer = (await res.json()) as BatchAnswer;
    expect(answer.scheduledCalls.map((call) => sydneyClock(call.scheduledTime))).toEqual([
      wallClock(friday.at("16:58"), SYDNEY),
      wallClock(friday.at("09:00", 3), SYDNEY),
    ]);
    expect(sydneyClock(answer.scheduledCalls[1]!.scheduledTime)).toMatch(/^Mon .* 09:00$/);
  });

  it("uses the agent, phone-number ID, spacing and name of the request over the clinic's defaults", async () => {
    const seeds = await contacts([
      { name: "Own 1", phoneNumber: "+61255506001" },
      { name: "Own 2", phoneNumber: "+61255506002" },
    ]);
    const own = await registerLine(clinic.organization.id, {
      agentId: `agent_request_${clinic.organization.id}`,
      phoneNumberId: `phnum_request_${clinic.organization.id}`,
      setDefault: false,
    });
    const legacyNumber = await registerLine(clinic.organization.id, { setDefault: false });
    const res = await schedule({
      contactIds: seeds.map((c) => c.id),
      scheduledTime: wednesday.at("15:00").toISOString(),
      agentId: own.agentId,
      agentPhoneNumberId: own.phoneNumberId,
      staggerMinutes: 7,
      name: "Flu recall",
    });
    const answer = (await res.json()) as BatchAnswer;
    expect(answer.batch).toMatchObject({ name: "Flu recall", agentId: own.agentId, agentPhoneNumberId: own.phoneNumberId, staggerMinutes: 7 });
    expect(answer.scheduledCalls.map((call) => call.scheduledTime)).toEqual([wednesday.at("15:00").toISOString(), wednesday.at("15:07").toISOString()]);
    const rows = await getDb().scheduledCall.findMany({ where: { batchId: answer.batch.id } });
    expect(rows.every((row) => row.agentId === own.agentId && row.fromNumber === own.phoneNumberId)).toBe(true);

    // Older clients name the phone-number ID fromNumber.
    const legacy = (await (
      await schedule({ contactIds: [seeds[0]!.id], scheduledTime: wednesday.at("15:30").toISOString(), fromNumber: legacyNumber.phoneNumberId })
    ).json()) as BatchAnswer;
    expect(legacy.batch).toMatchObject({ agentId: clinic.line.agentId, agentPhoneNumberId: legacyNumber.phoneNumberId });
  });

  it("previews with ?dryRun=1 and writes nothing", async () => {
    const seeds = await contacts([
      { name: "Preview 1", phoneNumber: "+61255507001" },
      { name: "Preview 2", phoneNumber: "+61255507002", doNotCall: true },
    ]);
    const before = await getDb().scheduledCall.count();
    const res = await schedule({ contactIds: seeds.map((c) => c.id), scheduledTime: wednesday.at("16:59").toISOString() }, "?dryRun=1");
    expect(res.status).toBe(200);
    const preview = (await res.json()) as { preview: true; scheduledCount: number; movedCount: number; calls: { contactId: string }[]; skipped: unknown[] };
    expect(preview).toMatchObject({ preview: true, scheduledCount: 1, movedCount: 0, timeZone: SYDNEY, staggerMinutes: 2 });
    expect(preview.calls.map((call) => call.contactId)).toEqual([seeds[0]!.id]);
    expect(preview.skipped).toHaveLength(1);
    expect(await getDb().scheduledCall.count()).toBe(before);
    expect(await getDb().callBatch.count({ where: { name: { contains: "Preview" } } })).toBe(0);
  });

  it("answers GET /api/call-batches/:id with the same answer, and 404 to another clinic", async () => {
    const seeds = await contacts([{ name: "Fetched", phoneNumber: "+61255508001" }]);
    const created = (await (await schedule({ contactIds: seeds.map((c) => c.id), scheduledTime: wednesday.at("12:00").toISOString() })).json()) as BatchAnswer;
    const res = await callRoute(batchRoute, { params: { id: created.batch.id } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(created);

    const other = await createSchedulingMember("OWNER");
    signInAs(other.user);
    expect((await callRoute(batchRoute, { params: { id: created.batch.id } })).status).toBe(404);
  });

  it("skips a contact whose consent is none with the reason; consent not recorded is scheduled", async () => {
    const [nora, una, cara] = await contacts([
      { name: "Nora Noconsent", phoneNumber: "+61255509001", consentBasis: "NONE" },
      { name: "Una Unrecorded", phoneNumber: "+61255509002", consentBasis: null },
      { name: "Cara Reminders", phoneNumber: "+61255509003", consentBasis: "CARE_REMINDERS" },
    ]);
    const res = await schedule({ contactIds: [nora!.id, una!.id, cara!.id], scheduledTime: wednesday.at("11:00").toISOString() });
    expect(res.status).toBe(201);
    const answer = (await res.json()) as BatchAnswer;
    expect(answer.batch).toMatchObject({ scheduledCount: 2, skippedCount: 1 });
    expect(answer.skipped).toEqual([{ contactId: nora!.id, name: "Nora Noconsent", reason: "No consent (agreed to no calls)" }]);
    expect(answer.scheduledCalls.map((call) => call.contact.name)).toEqual(["Cara Reminders", "Una Unrecorded"]);
    expect(await getDb().scheduledCall.count({ where: { contactId: nora!.id } })).toBe(0);
  });
});
