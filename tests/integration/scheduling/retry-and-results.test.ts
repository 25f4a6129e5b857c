import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as retryRoute } from "@/app/api/call-batches/[id]/retry/route";
import { GET as resultsRoute } from "@/app/api/call-batches/[id]/results/route";
import { GET as listBatchesRoute } from "@/app/api/call-batches/route";
import { getDb } from "@/lib/db";
import type { ScheduledCallStatus } from "@/lib/generated/prisma/enums";
import { createMember } from "../../factories";
import { createCall, createContacts } from "../../factories/contacts";
import { createDispatchOrganization, zoneAtNoon } from "../../factories/dispatch";
import { createBatchRow } from "../../factories/scheduling";
import { startDispatchHarness, type DispatchHarness } from "../dispatch/harness";
import { callRoute, signInAs } from "../helpers/session";

type Json = Record<string, unknown> & { detail?: string; batch?: { id: string; scheduledCount: number; retryOfBatchId: string | null; script: unknown } };

/** How each call of the finished batch ended: the row's status and its latest attempt (null: never dialed). */
const ENDINGS: Array<{
  name: string;
  status: ScheduledCallStatus;
  call: { status: "COMPLETED" | "FAILED"; outcome: string | null; intent?: string } | null;
  retried: boolean;
}> = [
  { name: "Booked", status: "COMPLETED", call: { status: "COMPLETED", outcome: "resolved", intent: "scheduling" }, retried: false },
  { name: "Callback", status: "COMPLETED", call: { status: "COMPLETED", outcome: "callback" }, retried: false },
  { name: "Machine", status: "COMPLETED", call: { status: "COMPLETED", outcome: "voicemail" }, retried: true },
  { name: "Nobody", status: "FAILED", call: { status: "FAILED", outcome: "no_answer" }, retried: true },
  { name: "Engaged", status: "FAILED", call: { status: "FAILED", outcome: "busy" }, retried: true },
  { name: "Refused", status: "FAILED", call: { status: "FAILED", outcome: null }, retried: true },
  { name: "Never", status: "FAILED", call: null, retried: true },
  { name: "Stopped", status: "CANCELLED", call: null, retried: false },
];

describe("retry failed and unanswered, and a batch's results", () => {
  let harness: DispatchHarness;
  let offset = 30_000;
  beforeAll(async () => {
    harness = await startDispatchHarness({ outcomeMix: { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 } });
  });
  afterAll(() => harness.close());
  beforeEach(() => harness.simulator.reset());

  /** A finished batch with one call per ENDINGS entry, its contacts in a zone where it is daytime. */
  async function finishedBatch() {
    const organization = await createDispatchOrganization();
    const member = await createMember("STAFF", organization.id);
    const start = (offset += 100);
    const contacts = await createContacts(organization.id, ENDINGS.length, (index) => ({ name: ENDINGS[index - start]!.name }), start);
    await getDb().contact.updateMany({ where: { organizationId: organization.id }, data: { timezone: zoneAtNoon() } });
    const batch = await getDb().callBatch.update({
      where: { id: (await createBatchRow(organization.id, { name: "Flu shots", scheduledCount: ENDINGS.length })).id },
      data: {
        agentId: organization.elevenLabsAgentId!,
        fromNumber: organization.elevenLabsPhoneNumberId!,
        scriptFirstMessage: "Hi {{contact_name}}, flu shots are in.",
      },
    });
    const byName = new Map(contacts.map((c) => [c.name, c]));
    for (const ending of ENDINGS) {
      const contact = byName.get(ending.name)!;
      const call = ending.call
        ? await createCall(organization.id, contact.id, { status: ending.call.status, outcome: ending.call.outcome, toNumber: contact.phoneNumber })
        : null;
      if (call && ending.call?.intent) await getDb().call.update({ where: { id: call.id }, data: { intent: ending.call.intent } });
      await getDb().scheduledCall.create({
        data: {
          organizationId: organization.id,
          contactId: contact.id,
          batchId: batch.id,
          agentId: batch.agentId,
          fromNumber: batch.fromNumber,
          scheduledTime: new Date(Date.now() - 3_600_000),
          status: ending.status,
          attempts: ending.call ? 3 : 0,
          callId: call?.id ?? null,
          dynamicVariables: { reason_for_call: "flu shot" },
        },
      });
    }
    signInAs(member.user);
    return { organization, member, batch, byName };
  }
  const retry = async (id: string) => {
    const res = await callRoute(retryRoute, { method: "POST", params: { id } });
    return { status: res.status, body: (await res.json()) as Json };
  };

  it("results: answered, booked and voicemail as shares of the finished calls, failures by reason", async () => {
    const { batch } = await finishedBatch();
    const res = await callRoute(resultsRoute, { params: { id: batch.id } });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Record<string, unknown> };
    expect(results).toEqual({
      finished: 7,
      answered: 2,
      booked: 1,
      voicemail: 1,
      answeredRate: 2 / 7,
      bookedRate: 1 / 7,
      voicemailRate: 1 / 7,
      failures: [
        { reason: "busy", label: "Line busy", count: 1 },
        { reason: "no_answer", label: "No answer", count: 1 },
        { reason: "not_dialed", label: "Not dialed (number, calling hours or line)", count: 1 },
        { reason: "provider", label: "Refused by ElevenLabs", count: 1 },
        { reason: "voicemail", label: "Voicemail", count: 1 },
      ],
    });
    const list = (await (await callRoute(listBatchesRoute, { url: "http://localhost/api/call-batches?limit=5" })).json()) as {
      batches: Array<{ id: string; results: unknown }>;
    };
    expect(list.batches.find((b) => b.id === batch.id)!.results).toEqual(results);
  });

  it("retry dials only the failed and unanswered, once each, in a new linked batch with the same script, and is audited", async () => {
    const { organization, member, batch, byName } = await finishedBatch();
    const { status, body } = await retry(batch.id);
    expect({ status, detail: body.detail }).toEqual({ status: 201, detail: undefined });
    const retried = ENDINGS.filter((e) => e.retried);
    expect(body.batch).toMatchObject({
      scheduledCount: retried.length,
      retryOfBatchId: batch.id,
      script: { firstMessage: "Hi {{contact_name}}, flu shots are in." },
    });
    const rows = await getDb().scheduledCall.findMany({ where: { batchId: body.batch!.id }, include: { contact: true } });
    expect(rows.map((row) => row.contact.name).sort()).toEqual(retried.map((e) => e.name).sort());
    expect(rows.every((row) => row.status === "PENDING" && row.attempts === 0 && row.maxAttempts === organization.maxAttempts)).toBe(true);
    expect(rows.every((row) => (row.dynamicVariables as Record<string, string>).reason_for_call === "flu shot")).toBe(true);
    // The batch's spacing (2 minutes), from now.
    const times = rows.map((row) => +row.scheduledTime).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(2 * 60_000);

    await getDb().scheduledCall.updateMany({ where: { batchId: body.batch!.id }, data: { scheduledTime: new Date(Date.now() - 1_000) } });
    await harness.runCron();
    await harness.settle();
    for (const ending of ENDINGS) expect(harness.simulator.dialsTo(byName.get(ending.name)!.phoneNumber)).toBe(ending.retried ? 1 : 0);
    const dial = harness.simulator.requests.find((r) => r.path === "/v1/convai/twilio/outbound-call")!.body as {
      conversation_initiation_client_data: { conversation_config_override?: unknown };
    };
    expect(dial.conversation_initiation_client_data.conversation_config_override).toEqual({
      agent: { first_message: "Hi {{contact_name}}, flu shots are in." },
    });

    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: organization.id, action: "BATCH_RETRIED" } });
    expect(audit).toMatchObject({
      actorUserId: member.user.id,
      targetId: batch.id,
      data: { retryBatchId: body.batch!.id, retried: retried.length, skipped: 0 },
    });

    // The original batch is untouched; a second retry is refused and writes nothing.
    expect(await getDb().scheduledCall.count({ where: { batchId: batch.id, status: "FAILED" } })).toBe(4);
    const again = await retry(batch.id);
    expect(again).toMatchObject({ status: 409, body: { detail: `This batch was already retried as “Retry of Flu shots”.`, retryBatchId: body.batch!.id } });
    expect(await getDb().callBatch.count({ where: { organizationId: organization.id } })).toBe(2);
  });

  it("a batch still running is refused with 409, and nothing is written", async () => {
    const { organization, batch, byName } = await finishedBatch();
    await getDb().scheduledCall.updateMany({ where: { batchId: batch.id, contactId: byName.get("Stopped")!.id }, data: { status: "PENDING" } });
    const { status, body } = await retry(batch.id);
    expect(status).toBe(409);
    expect(body.detail).toBe(
      "This batch is still running: 1 call(s) are waiting, paused or under way. Retry once it has finished, or cancel what is left first.",
    );
    expect(await getDb().callBatch.count({ where: { organizationId: organization.id } })).toBe(1);
  });

  it("two retries at once create one batch; another clinic's batch is a 404; nothing failed is a 409", async () => {
    const { organization, batch } = await finishedBatch();
    const both = await Promise.all([retry(batch.id), retry(batch.id)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await getDb().callBatch.count({ where: { organizationId: organization.id, retryOfBatchId: batch.id } })).toBe(1);

    const other = await finishedBatch(); // signs in the other clinic's member
    expect(await retry(batch.id)).toMatchObject({ status: 404, body: { detail: "Batch not found" } });
    expect((await callRoute(resultsRoute, { params: { id: batch.id } })).status).toBe(404);

    await getDb().scheduledCall.updateMany({ where: { batchId: other.batch.id, status: "FAILED" }, data: { status: "COMPLETED" } });
    await getDb().call.updateMany({ where: { organizationId: other.organization.id }, data: { outcome: "resolved", status: "COMPLETED" } });
    expect(await retry(other.batch.id)).toMatchObject({ status: 409, body: { detail: "Nothing to retry: no call of this batch failed or went unanswered." } });
  });

  it("a patient whose consent became none is listed as skipped, not retried", async () => {
    const { batch, byName } = await finishedBatch();
    const nobody = byName.get("Nobody")!;
    await getDb().contact.update({ where: { id: nobody.id }, data: { consentBasis: "NONE" } });
    const { status, body } = await retry(batch.id);
    expect(status).toBe(201);
    expect(body.batch!.scheduledCount).toBe(ENDINGS.filter((e) => e.retried).length - 1);
    expect(body.skipped).toEqual([{ contactId: nobody.id, name: "Nobody", reason: "No consent (agreed to no calls)" }]);
    expect(await getDb().scheduledCall.count({ where: { batchId: body.batch!.id, contactId: nobody.id } })).toBe(0);
  });
});
