import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { getDb } from "@/lib/db";
import { openCallColumn } from "@/lib/calls/history/sealed-call-fields";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { createContact, createMember } from "../../factories";

const SECRET = "whsec_unstorable";

describe("POST /api/calls with text PostgreSQL cannot store", () => {
  const saved = process.env.ELEVENLABS_WEBHOOK_SECRET;
  beforeAll(() => {
    process.env.ELEVENLABS_WEBHOOK_SECRET = SECRET;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.ELEVENLABS_WEBHOOK_SECRET;
    else process.env.ELEVENLABS_WEBHOOK_SECRET = saved;
  });

  it("keeps the event: NUL removed and a lone surrogate replaced, instead of a 500 that loses it", async () => {
    const { organization } = await createMember("STAFF");
    const contact = await createContact(organization.id, { name: "Nul Byte" });
    const call = await getDb().call.create({
      data: { organizationId: organization.id, contactId: contact.id, toNumber: contact.phoneNumber, conversationId: "conv_unstorable" },
    });
    const body = JSON.stringify({
      type: "post_call_transcription",
      event_timestamp: Math.floor(Date.now() / 1000),
      data: {
        agent_id: "agent_x",
        conversation_id: "conv_unstorable",
        status: "done",
        transcript: [{ role: "user", message: "Hello\u0000 there \ud800!", time_in_call_secs: 1 }],
        metadata: { start_time_unix_secs: Math.floor(Date.now() / 1000) - 10, call_duration_secs: 10 },
        analysis: { transcript_summary: "Said\u0000 hello.", call_successful: "success" },
      },
    });
    const res = await webhookRoute(
      new Request("http://localhost/api/calls", {
        method: "POST",
        headers: { "elevenlabs-signature": signElevenLabsPayload(body, SECRET, Math.floor(Date.now() / 1000)) },
        body,
      }),
      { params: Promise.resolve({}) },
    );
    await settledAfterResponse();
    expect(res.status).toBe(200);
    const stored = await getDb().call.findUniqueOrThrow({ where: { id: call.id } });
    expect(stored).toMatchObject({ status: "COMPLETED", summary: "Said hello." });
    expect(JSON.stringify(openCallColumn("transcript", stored.transcript))).toContain("Hello there \uFFFD!");
  });
});
