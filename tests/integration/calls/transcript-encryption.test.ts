import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { GET as getCallRoute } from "@/app/api/calls/[id]/route";
import { GET as listCallsRoute } from "@/app/api/calls/route";
import { getDb } from "@/lib/db";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import { createContact, createMember } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";

const SECRET = "whsec_transcript_encryption";
// Said only in a transcript turn, a data-collection result and a dynamic variable: never in the summary.
const PHRASE = "zanzibar-penicillin-rash";

function transcription(conversationId: string) {
  return JSON.stringify({
    type: "post_call_transcription",
    event_timestamp: Math.floor(Date.now() / 1000),
    data: {
      agent_id: "agent_enc",
      conversation_id: conversationId,
      status: "done",
      transcript: [
        { role: "agent", message: "Hello, this is the clinic.", time_in_call_secs: 0 },
        { role: "user", message: `My ${PHRASE} came back last week.`, time_in_call_secs: 4 },
      ],
      metadata: { start_time_unix_secs: Math.floor(Date.now() / 1000) - 30, call_duration_secs: 30 },
      analysis: {
        transcript_summary: "The patient asked for a follow-up.",
        call_summary_title: "Follow-up request",
        call_successful: "success",
        data_collection_results: { symptom: { data_collection_id: "symptom", value: PHRASE } },
      },
      conversation_initiation_client_data: { dynamic_variables: { contact_name: "Enc Patient", note: PHRASE } },
    },
  });
}

async function deliver(body: string) {
  const res = await webhookRoute(
    new Request("http://localhost/api/calls", {
      method: "POST",
      headers: { "elevenlabs-signature": signElevenLabsPayload(body, SECRET, Math.floor(Date.now() / 1000)) },
      body,
    }),
    { params: Promise.resolve({}) },
  );
  await settledAfterResponse();
  return res;
}

describe("transcripts at rest", () => {
  const saved = {
    secret: process.env.ELEVENLABS_WEBHOOK_SECRET,
    key: process.env.TRANSCRIPT_ENCRYPTION_KEY,
    previous: process.env.TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS,
  };
  const restore = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));
  beforeAll(() => {
    process.env.ELEVENLABS_WEBHOOK_SECRET = SECRET;
  });
  afterEach(() => {
    restore("TRANSCRIPT_ENCRYPTION_KEY", saved.key);
    restore("TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS", saved.previous);
  });
  afterAll(() => restore("ELEVENLABS_WEBHOOK_SECRET", saved.secret));

  async function completedCall() {
    const { user, organization } = await createMember("STAFF");
    const contact = await createContact(organization.id, { name: "Enc Patient" });
    const conversationId = `conv_enc_${randomBytes(4).toString("hex")}`;
    const call = await getDb().call.create({ data: { organizationId: organization.id, contactId: contact.id, toNumber: contact.phoneNumber, conversationId } });
    expect((await deliver(transcription(conversationId))).status).toBe(200);
    return { user, organization, call };
  }

  it("stores turns, analysis and dynamic variables sealed: the raw row holds no plaintext of what was said", async () => {
    const { call } = await completedCall();
    const [row] = await getDb().$queryRaw<Array<{ status: string; summary: string; raw: string }>>`
      SELECT "status", "summary", row_to_json(c)::text AS raw FROM "Call" c WHERE "id" = ${call.id}`;
    expect(row!.status).toBe("COMPLETED");
    expect(row!.summary).toBe("The patient asked for a follow-up.");
    expect(row!.raw).not.toContain(PHRASE);
    expect(row!.raw).not.toContain("penicillin");
    const [sealed] = await getDb().$queryRaw<
      Array<{ transcript: Record<string, unknown>; analysis: Record<string, unknown>; variables: Record<string, unknown>; searchText: string }>
    >`
      SELECT "transcript", "analysis", "dynamicVariables" AS variables, "searchText" FROM "Call" WHERE "id" = ${call.id}`;
    for (const envelope of [sealed!.transcript, sealed!.analysis, sealed!.variables])
      expect(Object.keys(envelope).sort()).toEqual(["ct", "iv", "kid", "tag", "v"]);
    // Search covers summary, title, caller name and outcome: not the turns.
    expect(sealed!.searchText).toContain("Follow-up request");
    expect(sealed!.searchText).not.toContain(PHRASE);
  });

  it("reads back in the clear through GET /api/calls/{id}, and writes who read it to the audit log", async () => {
    const { user, organization, call } = await completedCall();
    signInAs(user);
    const res = await callRoute(getCallRoute, { params: { id: call.id } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      call: {
        transcript: Array<{ message: string }>;
        analysis: { data_collection_results: Record<string, { value: string }> };
        dynamicVariables: Record<string, string>;
      };
    };
    expect(body.call.transcript[1]!.message).toContain(PHRASE);
    expect(body.call.analysis.data_collection_results.symptom!.value).toBe(PHRASE);
    expect(body.call.dynamicVariables.note).toBe(PHRASE);
    const audit = await getDb().auditEvent.findMany({ where: { organizationId: organization.id, action: "CALL_TRANSCRIPT_VIEWED" } });
    expect(audit).toEqual([
      expect.objectContaining({ actorUserId: user.id, actorEmail: user.email, targetType: "call", targetId: call.id, data: { via: "api" } }),
    ]);
  });

  it("the call search no longer finds words said only in the transcript, and still finds the title", async () => {
    const { user } = await completedCall();
    signInAs(user);
    const search = async (q: string) => {
      const res = await callRoute(listCallsRoute, { url: `http://localhost/api/calls?q=${encodeURIComponent(q)}` });
      return ((await res.json()) as { calls: unknown[] }).calls.length;
    };
    expect(await search(PHRASE)).toBe(0);
    expect(await search("Follow-up request")).toBe(1);
  });

  it("answers 503 naming the key when the configured key is not the one that sealed the call", async () => {
    const { user, organization, call } = await completedCall();
    process.env.TRANSCRIPT_ENCRYPTION_KEY = randomBytes(32).toString("base64");
    signInAs(user);
    const res = await callRoute(getCallRoute, { params: { id: call.id } });
    expect(res.status).toBe(503);
    const problem = (await res.json()) as { detail: string; missingVariables: string[] };
    expect(problem.detail).toMatch(/cannot be decrypted.*sealed with key dev-only, which is neither TRANSCRIPT_ENCRYPTION_KEY/);
    expect(problem.missingVariables).toContain("TRANSCRIPT_ENCRYPTION_KEY");
    // Nothing was shown, so nothing was read.
    expect(await getDb().auditEvent.count({ where: { organizationId: organization.id, action: "CALL_TRANSCRIPT_VIEWED" } })).toBe(0);
  });
});
