import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/attention/route";
import { POST as doneRoute } from "@/app/api/attention/done/route";
import { getDb } from "@/lib/db";
import { listAttention } from "@/lib/attention/list-attention";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";
import { createContact, createMember } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";
import { startDispatchHarness, type DispatchHarness } from "../dispatch/harness";

type Listed = {
  open: Array<{ itemKey: string; kind: string; callId: string | null; who: string | null }>;
  done: Array<{ itemKey: string; doneBy: string | null; doneAt: string }>;
};

describe("Needs attention on the overview", () => {
  let harness: DispatchHarness;
  beforeAll(async () => {
    harness = await startDispatchHarness({
      outcomeMix: { appointment_booked: 1, callback_scheduled: 0, not_interested: 0, voicemail: 0 },
      // The phone rings for a quarter of this: the busy event must come after the dial's answer (it does
      // not carry our attempt id), even on a loaded machine.
      callDurationMs: 4_000,
    });
  });
  afterAll(() => harness.close());

  async function clinic() {
    const organization = await createDispatchOrganization();
    const contact = await createContact(organization.id, { name: "Maria Patient" });
    const call = (data: { outcome: string; conversationId?: string; createdAt?: Date; contactId?: string | null }) =>
      getDb().call.create({
        data: {
          organizationId: organization.id,
          contactId: data.contactId === undefined ? contact.id : data.contactId,
          toNumber: contact.phoneNumber,
          status: "COMPLETED",
          outcome: data.outcome,
          conversationId: data.conversationId,
          createdAt: data.createdAt,
          summary: `${data.outcome} summary`,
        },
      });
    return { organization, contact, call };
  }

  it("lists escalated calls, callback requests nothing follows, and calls that failed after all attempts (dialed through the simulator); not what is handled, old or another clinic's", async () => {
    const { organization, contact, call } = await clinic();
    const escalated = await call({ outcome: "escalated" });
    const unscheduled = await call({ outcome: "callback" });
    const followed = await call({ outcome: "callback" });
    await getDb().scheduledCall.create({
      data: {
        organizationId: organization.id,
        contactId: contact.id,
        agentId: "a",
        fromNumber: "p",
        scheduledTime: new Date(Date.now() + 86_400_000),
        kind: "CALLBACK",
        sourceCallId: followed.id,
      },
    });
    const agentScheduled = await call({ outcome: "callback", conversationId: `conv_att_${Date.now()}` });
    await getDb().scheduledCall.create({
      data: {
        organizationId: organization.id,
        contactId: contact.id,
        agentId: "a",
        fromNumber: "p",
        scheduledTime: new Date(Date.now() + 86_400_000),
        dynamicVariables: { previous_conversation_id: agentScheduled.conversationId },
      },
    });
    await call({ outcome: "resolved" });
    await call({ outcome: "escalated", createdAt: new Date(Date.now() - 20 * 86_400_000) });
    const other = await clinic();
    await other.call({ outcome: "escalated" });

    // A scheduled call with one attempt, busy: FAILED after all its attempts.
    const [failing] = await createDueCalls(organization.id, 1, { maxAttempts: 1, offset: 500 });
    harness.simulator.injectFault("busy");
    await harness.runCron();
    await harness.settle();
    const failed = await getDb().scheduledCall.findFirstOrThrow({ where: { contactId: failing!.id } });
    expect(failed.status).toBe("FAILED");

    const { open, done } = await listAttention(organization.id);
    expect(done).toEqual([]);
    expect(open.map((item) => [item.kind, item.itemKey]).sort()).toEqual(
      [
        ["CALLBACK_NOT_SCHEDULED", `call:${unscheduled.id}`],
        ["ESCALATED", `call:${escalated.id}`],
        ["FAILED", `scheduled:${failed.id}`],
      ].sort(),
    );
    const failedItem = open.find((item) => item.kind === "FAILED")!;
    expect(failedItem.callId).toBe(failed.callId);
    expect(failedItem.detail).toMatch(/No attempts left/);
    expect(open.find((item) => item.kind === "ESCALATED")).toMatchObject({ who: "Maria Patient", detail: "escalated summary" });
  });

  it("Done records who and when, is audited once, and moves the item to the done list; bad or foreign ids are a clear 4xx", async () => {
    const { organization, call } = await clinic();
    const escalated = await call({ outcome: "escalated" });
    const resolved = await call({ outcome: "resolved" });
    const theirs = await clinic();
    const theirCall = await theirs.call({ outcome: "escalated" });
    const { user } = await createMember("STAFF", organization.id);
    signInAs(user);

    const first = await callRoute(doneRoute, { method: "POST", body: { callId: escalated.id } });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ alreadyDone: false, done: { itemKey: `call:${escalated.id}`, kind: "ESCALATED", doneByEmail: user.email } });
    const again = await callRoute(doneRoute, { method: "POST", body: { callId: escalated.id } });
    expect(await again.json()).toMatchObject({ alreadyDone: true });
    expect(
      await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "ATTENTION_DONE", targetId: escalated.id, actorUserId: user.id } }),
    ).toBe(1);

    const listed = (await (await callRoute(listRoute)).json()) as Listed;
    expect(listed.open.map((item) => item.itemKey)).not.toContain(`call:${escalated.id}`);
    expect(listed.done).toEqual([expect.objectContaining({ itemKey: `call:${escalated.id}`, doneBy: user.name })]);

    expect((await callRoute(doneRoute, { method: "POST", body: { callId: resolved.id } })).status).toBe(409);
    expect((await callRoute(doneRoute, { method: "POST", body: { callId: theirCall.id } })).status).toBe(404);
    expect((await callRoute(doneRoute, { method: "POST", body: { callId: escalated.id, scheduledCallId: "x" } })).status).toBe(400);
    expect(await getDb().attentionDone.count({ where: { organizationId: { in: [organization.id, theirs.organization.id] } } })).toBe(1);
  });
});
