import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { getDb } from "@/lib/db";
import { openCallColumn } from "@/lib/calls/history/sealed-call-fields";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { createOrganization } from "../../factories";
import { createContacts } from "../../factories/contacts";

const SECRET = "whsec_burst";

/** `count` answered dials waiting for their webhook; every other one is a scheduled call's attempt. */
async function openCalls(organizationId: string, count: number) {
  const contacts = await createContacts(organizationId, count);
  const db = getDb();
  const calls = [];
  for (const [i, contact] of contacts.entries()) {
    const scheduled =
      i % 2 === 0
        ? await db.scheduledCall.create({
            data: {
              organizationId,
              contactId: contact.id,
              fromNumber: "phnum_b",
              agentId: "agent_b",
              scheduledTime: new Date(),
              status: "IN_PROGRESS",
              attempts: 1,
              dialStartedAt: new Date(),
            },
          })
        : null;
    const call = await db.call.create({
      data: {
        organizationId,
        contactId: contact.id,
        toNumber: contact.phoneNumber,
        status: "IN_PROGRESS",
        conversationId: `conv_burst_${organizationId}_${i}`,
        scheduledCallId: scheduled?.id ?? null,
      },
    });
    if (scheduled) await db.scheduledCall.update({ where: { id: scheduled.id }, data: { callId: call.id } });
    calls.push({ call, contact, scheduled });
  }
  return calls;
}

function transcription(conversationId: string, name: string) {
  const now = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    type: "post_call_transcription",
    event_timestamp: now,
    data: {
      agent_id: "agent_b",
      conversation_id: conversationId,
      status: "done",
      transcript: [
        { role: "agent", message: `Hello, is this ${name}?`, time_in_call_secs: 0 },
        { role: "user", message: "Yes, speaking.", time_in_call_secs: 3 },
      ],
      metadata: { start_time_unix_secs: now - 20, call_duration_secs: 20 },
      analysis: { transcript_summary: `Spoke with ${name}.`, call_successful: "success" },
    },
  });
  return new Request("http://localhost/api/calls", { method: "POST", headers: { "elevenlabs-signature": signElevenLabsPayload(body, SECRET, now) }, body });
}

describe("a burst of post-call webhooks (written in shared statements)", () => {
  const saved = { ...process.env };
  beforeAll(() => {
    // The refill after each answer finds nothing due: it never reaches the unused API.
    Object.assign(process.env, { ELEVENLABS_WEBHOOK_SECRET: SECRET, ELEVENLABS_API_KEY: "unused", ELEVENLABS_API_BASE_URL: "http://127.0.0.1:9" });
  });
  afterAll(() => {
    process.env = saved;
  });

  it("ends every call once, with its own result, even when each event arrives twice at the same moment", async () => {
    const organization = await createOrganization();
    const calls = await openCalls(organization.id, 40);
    // Each event twice: the first copies together (one of them doubled within the same batch), the
    // second copies in reverse order while the first are still being written (a batch of their own).
    const deliver = async ({ call, contact }: (typeof calls)[number]) => {
      const res = await webhookRoute(transcription(call.conversationId!, contact.name), { params: Promise.resolve({}) });
      return { callId: call.id, status: res.status, body: (await res.json()) as { handled: boolean; reason?: string } };
    };
    const first = [calls[0]!, ...calls].map(deliver);
    await new Promise((resolve) => setImmediate(resolve));
    const second = calls.slice().reverse().map(deliver);
    const answers = await Promise.all([...first, ...second]);
    await settledAfterResponse();

    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    for (const { call } of calls) {
      const mine = answers.filter((answer) => answer.callId === call.id);
      expect(mine.filter((answer) => answer.body.handled)).toHaveLength(1);
      expect(mine.filter((answer) => !answer.body.handled).every((answer) => answer.body.reason === "already recorded")).toBe(true);
    }

    const stored = await getDb().call.findMany({ where: { organizationId: organization.id }, include: { contact: true } });
    expect(stored).toHaveLength(40);
    for (const call of stored) {
      // No row took another call's result.
      expect(call).toMatchObject({ status: "COMPLETED", summary: `Spoke with ${call.contact!.name}.`, durationSeconds: 20 });
      expect(JSON.stringify(openCallColumn("transcript", call.transcript))).toContain(call.contact!.name);
    }
    const scheduled = await getDb().scheduledCall.findMany({ where: { organizationId: organization.id } });
    expect(scheduled).toHaveLength(20);
    expect(scheduled.every((row) => row.status === "COMPLETED" && row.lockedUntil === null)).toBe(true);
    const feed = await getDb().activityEvent.groupBy({ by: ["callId"], where: { organizationId: organization.id, type: "CALL_COMPLETED" }, _count: true });
    expect(feed).toHaveLength(40);
    expect(feed.every((entry) => entry._count === 1)).toBe(true);
  });
});
