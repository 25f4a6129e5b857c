import { expect } from "vitest";
import { authorizeCredentials } from "@/lib/auth/auth-options";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";
import type { TwoClinics } from "./two-clinics";

/**
 * One request of a case: the other clinic's ids put where the route reads ids (path, query, body,
 * bulk arrays), and the statuses that prove it was refused or confined to my clinic.
 */
export interface Probe {
  what: string;
  params?: Record<string, string>;
  // `| undefined`: literals of different shapes in one array widen to optional keys.
  query?: Record<string, string | undefined>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string | undefined>;
  /** Who is signed in: my clinic's owner (default) or nobody (routes guarded by a token or secret). */
  as?: "me" | "nobody";
  expect: number[];
  /** The other clinic's strings this caller may see (a token's holder sees what the token names). */
  mayShow?: (c: TwoClinics) => string[];
}

export interface RouteCase {
  /** How the route is guarded, in words (the report and SECURITY.md read these). */
  guard: string;
  probes: (c: TwoClinics) => Probe[];
  /** For a handler that cannot run outside Next (next-auth's): what proves its guard instead. */
  check?: (c: TwoClinics) => Promise<void>;
  /** A download link: the page's organization may come in ?organization= (withOrg's pageOrganizationInQuery). */
  organizationInQuery?: true;
}

export const TENANT = "tenant: session → withOrg, the clinic comes from the session and every query filters by it";
const NOT_FOUND = [404];
const OK = [200];

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();
const tomorrowAt = (clock: string) => `${tomorrow()}T${clock}:00Z`;
const fakeInvitationToken = "cbinv_" + "x".repeat(43);

/** An agent action called with my clinic's token and agent id: the body is all a caller controls. */
const myAgent = (c: TwoClinics) => ({
  params: { agent_id: c.mine.ids.elevenLabsAgent },
  headers: { "x-agent-token": c.mine.agentToken },
  as: "nobody" as const,
});

/** The token checks every agent action shares: the token belongs to that agent id, of that clinic. */
const agentTokenProbes = (c: TwoClinics, body?: unknown): Probe[] => [
  {
    what: "my token with their agent id",
    params: { agent_id: c.theirs.ids.elevenLabsAgent },
    headers: { "x-agent-token": c.mine.agentToken },
    body,
    as: "nobody",
    expect: [401],
  },
  {
    what: "their token with my agent id",
    params: { agent_id: c.mine.ids.elevenLabsAgent },
    headers: { "x-agent-token": c.theirs.agentToken },
    body,
    as: "nobody",
    expect: [401],
  },
  { what: "no token, their agent id", params: { agent_id: c.theirs.ids.elevenLabsAgent }, body, as: "nobody", expect: [401] },
];
const AGENT_ACTION = "agent action: X-Agent-Token must match that agent id's row (constant time); the clinic is the token's";

async function refusesTheirOwnerWithoutPassword(c: TwoClinics) {
  expect(await authorizeCredentials({ email: c.theirs.owner.email, password: "not-their-password" }, "198.51.100.7")).toBeNull();
}

function postCallWebhook(conversationId: string) {
  return JSON.stringify({
    type: "post_call_transcription",
    event_timestamp: Math.floor(Date.now() / 1000),
    data: {
      conversation_id: conversationId,
      agent_id: "agent_bravo",
      status: "done",
      transcript: [{ role: "agent", message: "Forged" }],
      analysis: { transcript_summary: "Forged" },
    },
  });
}

/**
 * Every route under app/api, by "METHOD /api/path" as the folders name it. A route without a case here
 * fails tenant-isolation.test.ts; add one when adding a route (the key is in the failure message).
 */
export const ROUTE_CASES: Record<string, RouteCase> = {
  // ---- Account ---------------------------------------------------------------------------------------
  "POST /api/account/sign-out-everywhere": {
    guard: "session: ends the signed-in user's own sessions (their session version); reads and writes no clinic's data",
    probes: () => [{ what: "nobody signed in", as: "nobody", expect: [401] }],
  },

  // ---- Agent actions (ElevenLabs server tools) ------------------------------------------------------
  "GET /api/agent-actions/appointments/[agent_id]/today": {
    guard: AGENT_ACTION,
    probes: (c) => [...agentTokenProbes(c), { what: "my token: only my appointments", ...myAgent(c), expect: OK }],
  },
  "POST /api/agent-actions/book-appointment/[agent_id]": {
    guard: AGENT_ACTION,
    probes: (c) => [
      ...agentTokenProbes(c, { date: tomorrow(), start_time: "11:00", customer_name: "X", customer_phone: c.theirs.contactPhone }),
      {
        what: "their patient's phone: booked in my clinic only",
        ...myAgent(c),
        body: { date: tomorrow(), start_time: "12:00", customer_name: "Mine", customer_phone: c.theirs.contactPhone },
        expect: [200, 201],
      },
    ],
  },
  "POST /api/agent-actions/cancel-appointment/[agent_id]": {
    guard: AGENT_ACTION,
    probes: (c) => [
      ...agentTokenProbes(c, { appointment_id: c.theirs.ids.appointment }),
      {
        what: "their appointment id, their patient on the line",
        ...myAgent(c),
        body: { appointment_id: c.theirs.ids.appointment, caller_id: c.theirs.contactPhone },
        expect: NOT_FOUND,
      },
      { what: "their patient calling my clinic", ...myAgent(c), body: { caller_id: c.theirs.contactPhone }, expect: [200, 404] },
    ],
  },
  "POST /api/agent-actions/check-availability/[agent_id]": {
    guard: AGENT_ACTION,
    probes: (c) => [
      ...agentTokenProbes(c, { date: tomorrow() }),
      { what: "my clinic's day", ...myAgent(c), body: { date: tomorrow(), organizationId: c.theirs.organizationId }, expect: OK },
    ],
  },
  "POST /api/agent-actions/find-patient/[agent_id]": {
    guard: AGENT_ACTION,
    probes: (c) => [
      ...agentTokenProbes(c, { caller_id: c.theirs.contactPhone }),
      { what: "their patient calling my clinic", ...myAgent(c), body: { caller_id: c.theirs.contactPhone }, expect: OK },
    ],
  },
  "POST /api/agent-actions/reschedule-appointment/[agent_id]": {
    guard: AGENT_ACTION,
    probes: (c) => [
      ...agentTokenProbes(c, { appointment_id: c.theirs.ids.appointment, new_date: tomorrow(), new_start_time: "15:00" }),
      {
        what: "their appointment id, their patient on the line",
        ...myAgent(c),
        body: { appointment_id: c.theirs.ids.appointment, caller_id: c.theirs.contactPhone, new_date: tomorrow(), new_start_time: "15:00" },
        expect: NOT_FOUND,
      },
      {
        what: "their patient calling my clinic",
        ...myAgent(c),
        body: { caller_id: c.theirs.contactPhone, new_date: tomorrow(), new_start_time: "15:30" },
        expect: [200, 404],
      },
    ],
  },
  "POST /api/agent-actions/conversation-init": {
    guard: "conversation-initiation webhook: X-Agent-Token must match the agent id in the body; the clinic is the token's",
    probes: (c) => [
      {
        what: "my token with their agent id",
        body: { agent_id: c.theirs.ids.elevenLabsAgent, caller_id: c.theirs.contactPhone },
        headers: { "x-agent-token": c.mine.agentToken },
        as: "nobody",
        expect: [401],
      },
      {
        what: "their token with my agent id",
        body: { agent_id: c.mine.ids.elevenLabsAgent, caller_id: c.theirs.contactPhone },
        headers: { "x-agent-token": c.theirs.agentToken },
        as: "nobody",
        expect: [401],
      },
      {
        what: "their patient calling my clinic: the generic greeting",
        body: { agent_id: c.mine.ids.elevenLabsAgent, caller_id: c.theirs.contactPhone },
        headers: { "x-agent-token": c.mine.agentToken },
        as: "nobody",
        expect: OK,
      },
    ],
  },
  "POST /api/agent-actions/opt-out/[agent_id]": {
    guard: AGENT_ACTION,
    probes: (c) => [
      ...agentTokenProbes(c, { caller_id: "+61255509994" }),
      {
        what: "my token: the number goes on my clinic's list only",
        ...myAgent(c),
        body: { caller_id: "+61255509994", conversation_id: c.theirs.ids.conversation },
        expect: [201, 200],
      },
    ],
  },
  "POST /api/agent-actions/schedule-callback/[agent_id]": {
    guard: AGENT_ACTION,
    probes: (c) => [
      ...agentTokenProbes(c, { caller_id: c.theirs.contactPhone, time: "tomorrow at 10am", context: "x" }),
      {
        what: "their patient calling my clinic: a callback in my clinic only",
        ...myAgent(c),
        body: { caller_id: c.theirs.contactPhone, time: "tomorrow at 10am", context: "Call back", organizationId: c.theirs.organizationId },
        expect: [201, 400, 404, 409, 422],
      },
    ],
  },

  // ---- Agents and tokens ---------------------------------------------------------------------------
  "GET /api/agents": { guard: TENANT, probes: () => [{ what: "the list", expect: OK }] },
  "POST /api/agents": {
    guard: TENANT,
    // An agent id belongs to one clinic: registering theirs is a 409 that names nobody.
    probes: (c) => [
      {
        what: "their ElevenLabs agent id and organization id in the body",
        body: { agentId: c.theirs.ids.elevenLabsAgent, name: "Shared agent", organizationId: c.theirs.organizationId },
        expect: [409],
      },
    ],
  },
  "PATCH /api/agents/[id]": {
    guard: TENANT,
    probes: (c) => [{ what: "their agent id", params: { id: c.theirs.ids.voiceAgent }, body: { staffFacing: true }, expect: NOT_FOUND }],
  },
  "DELETE /api/agents/[id]": { guard: TENANT, probes: (c) => [{ what: "their agent id", params: { id: c.theirs.ids.voiceAgent }, expect: NOT_FOUND }] },
  "POST /api/agents/[id]/token": { guard: TENANT, probes: (c) => [{ what: "their agent id", params: { id: c.theirs.ids.voiceAgent }, expect: NOT_FOUND }] },

  // ---- Phone numbers ---------------------------------------------------------------------------------
  "GET /api/phone-numbers": { guard: TENANT, probes: () => [{ what: "the list", expect: OK }] },
  "POST /api/phone-numbers": {
    guard: TENANT,
    // A number belongs to one clinic: registering theirs is a 409 that names nobody.
    probes: (c) => [
      {
        what: "their phone-number id and organization id",
        body: { phoneNumberId: c.theirs.ids.elevenLabsPhoneNumber, phoneNumber: "+61255559999", label: "Mine", organizationId: c.theirs.organizationId },
        expect: [409],
      },
    ],
  },
  "DELETE /api/phone-numbers/[id]": {
    guard: TENANT,
    probes: (c) => [{ what: "their phone number", params: { id: c.theirs.ids.phoneNumber }, expect: NOT_FOUND }],
  },

  // ---- Appointments ----------------------------------------------------------------------------------
  "GET /api/appointments": {
    guard: TENANT,
    probes: () => [{ what: "a range over their appointment", query: { from: new Date().toISOString(), to: inAWeek() }, expect: OK }],
  },
  "POST /api/appointments": {
    guard: TENANT,
    probes: (c) => [
      {
        what: "their patient's phone and organization id",
        body: {
          startsAt: tomorrowAt("13:00"),
          durationMinutes: 30,
          attendeeName: "Mine",
          attendeePhone: c.theirs.contactPhone,
          organizationId: c.theirs.organizationId,
        },
        expect: [201],
      },
    ],
  },
  "PATCH /api/appointments/[id]": {
    guard: TENANT,
    probes: (c) => [
      { what: "cancel theirs", params: { id: c.theirs.ids.appointment }, body: { status: "CANCELLED" }, expect: NOT_FOUND },
      { what: "move theirs", params: { id: c.theirs.ids.appointment }, body: { startsAt: tomorrowAt("14:00"), durationMinutes: 30 }, expect: NOT_FOUND },
    ],
  },

  // ---- Audit log -------------------------------------------------------------------------------------
  "GET /api/audit-events": {
    guard: TENANT,
    probes: (c) => [
      { what: "the log", expect: OK },
      { what: "their owner as the actor filter", query: { actorUserId: c.theirs.owner.id }, expect: OK },
      { what: "their event id as the cursor", query: { cursor: c.theirs.ids.call }, expect: [200, 400, 404] },
    ],
  },

  // ---- Auth (next-auth's own handler: credentials, JWT signed with NEXTAUTH_SECRET) -------------------
  // NextAuth's handler needs Next's request scope (cookies()); the credentials check it runs is called directly.
  "GET /api/auth/[...nextauth]": {
    guard: "next-auth: no tenant data; sessions are JWTs signed with NEXTAUTH_SECRET (tests/integration/auth)",
    probes: () => [],
    check: refusesTheirOwnerWithoutPassword,
  },
  "POST /api/auth/[...nextauth]": {
    guard: "next-auth credentials sign-in: bcrypt, throttled per account and address (tests/integration/auth)",
    probes: () => [],
    check: refusesTheirOwnerWithoutPassword,
  },

  // ---- Batches -----------------------------------------------------------------------------------------
  "GET /api/call-batches": {
    guard: TENANT,
    probes: (c) => [
      { what: "the list, their batch id as the cursor", query: { cursor: c.theirs.ids.batch }, expect: [200, 400] },
      { what: "the list", expect: OK },
    ],
  },
  "GET /api/call-batches/[id]": { guard: TENANT, probes: (c) => [{ what: "their batch id", params: { id: c.theirs.ids.batch }, expect: NOT_FOUND }] },
  "POST /api/call-batches/[id]/cancel": { guard: TENANT, probes: (c) => [{ what: "their batch id", params: { id: c.theirs.ids.batch }, expect: NOT_FOUND }] },
  "POST /api/call-batches/[id]/pause": { guard: TENANT, probes: (c) => [{ what: "their batch id", params: { id: c.theirs.ids.batch }, expect: NOT_FOUND }] },
  "POST /api/call-batches/[id]/resume": { guard: TENANT, probes: (c) => [{ what: "their batch id", params: { id: c.theirs.ids.batch }, expect: NOT_FOUND }] },
  "POST /api/call-batches/[id]/retry": { guard: TENANT, probes: (c) => [{ what: "their batch id", params: { id: c.theirs.ids.batch }, expect: NOT_FOUND }] },
  "GET /api/call-batches/[id]/results": { guard: TENANT, probes: (c) => [{ what: "their batch id", params: { id: c.theirs.ids.batch }, expect: NOT_FOUND }] },

  // ---- Calls ---------------------------------------------------------------------------------------------
  "GET /api/calls": {
    guard: TENANT,
    probes: (c) => [
      { what: "their contact id as the filter", query: { contactId: c.theirs.ids.contact }, expect: OK },
      { what: "a search for their summary", query: { q: "Bravo call summary" }, expect: OK },
      { what: "their call id as the cursor", query: { cursor: c.theirs.ids.call }, expect: [200, 400] },
    ],
  },
  "POST /api/calls": {
    guard: "ElevenLabs webhook: HMAC signature with ELEVENLABS_WEBHOOK_SECRET (fails closed); the clinic comes from our own Call row",
    probes: (c) => [
      {
        what: "their conversation, unsigned",
        rawBody: postCallWebhook(c.theirs.ids.conversation),
        headers: { "content-type": "application/json" },
        as: "nobody",
        expect: [401],
      },
      {
        what: "their conversation, signed with another secret",
        rawBody: postCallWebhook(c.theirs.ids.conversation),
        headers: {
          "content-type": "application/json",
          "elevenlabs-signature": signElevenLabsPayload(postCallWebhook(c.theirs.ids.conversation), "whsec_not_ours", Math.floor(Date.now() / 1000)),
        },
        as: "nobody",
        expect: [401],
      },
    ],
  },
  "GET /api/calls/[id]": { guard: TENANT, probes: (c) => [{ what: "their call id", params: { id: c.theirs.ids.call }, expect: NOT_FOUND }] },
  "GET /api/calls/export": {
    guard: TENANT,
    organizationInQuery: true,
    probes: (c) => [
      { what: "their contact id and summary as filters", query: { contactId: c.theirs.ids.contact, q: "Bravo" }, expect: OK },
      { what: "everything", expect: OK },
    ],
  },
  "GET /api/calls/preview": { guard: TENANT, probes: (c) => [{ what: "their contact id", query: { contactId: c.theirs.ids.contact }, expect: NOT_FOUND }] },
  "POST /api/calls/[id]/contact": {
    guard: TENANT,
    probes: (c) => [{ what: "their call id", params: { id: c.theirs.ids.call }, body: { name: "Mine now" }, expect: NOT_FOUND }],
  },
  "POST /api/calls/trigger": { guard: TENANT, probes: (c) => [{ what: "their contact id", body: { contactId: c.theirs.ids.contact }, expect: NOT_FOUND }] },

  // ---- Contacts --------------------------------------------------------------------------------------------
  "GET /api/contacts": {
    guard: TENANT,
    probes: (c) => [
      { what: "search their patient's name", query: { q: "Bravo Patient", total: "1" }, expect: OK },
      { what: "search their patient's phone", query: { q: c.theirs.contactPhone }, expect: OK },
      { what: "the whole list", query: { limit: "100" }, expect: OK },
    ],
  },
  "POST /api/contacts": {
    guard: TENANT,
    probes: (c) => [
      {
        what: "their patient's phone and organization id",
        body: { name: "Mine", phoneNumber: c.theirs.contactPhone, organizationId: c.theirs.organizationId },
        expect: [201, 409],
      },
    ],
  },
  "GET /api/contacts/[id]": { guard: TENANT, probes: (c) => [{ what: "their contact id", params: { id: c.theirs.ids.contact }, expect: NOT_FOUND }] },
  "PATCH /api/contacts/[id]": {
    guard: TENANT,
    probes: (c) => [{ what: "their contact id", params: { id: c.theirs.ids.contact }, body: { name: "Renamed" }, expect: NOT_FOUND }],
  },
  // ---- Do-not-call list ---------------------------------------------------------------------------------
  "GET /api/do-not-call": {
    guard: TENANT,
    probes: (c) => [
      { what: "the list: only mine", expect: OK },
      {
        what: "a cursor naming their entry",
        query: { cursor: Buffer.from(JSON.stringify({ t: new Date().toISOString(), id: c.theirs.ids.doNotCallEntry })).toString("base64url") },
        expect: OK,
      },
    ],
  },
  "POST /api/do-not-call": {
    guard: TENANT,
    probes: (c) => [
      { what: "their listed number: an entry of mine", body: { phoneNumber: "+6125552" + "2002", reason: "x" }, expect: [201, 200] },
      { what: "their patient's number", body: { phoneNumber: c.theirs.contactPhone }, expect: [201, 200] },
    ],
  },
  "DELETE /api/do-not-call/[id]": {
    guard: TENANT,
    probes: (c) => [{ what: "their entry id", params: { id: c.theirs.ids.doNotCallEntry }, expect: NOT_FOUND }],
  },
  "POST /api/do-not-call/import": {
    guard: TENANT,
    probes: (c) => [
      {
        what: "a CSV of their numbers",
        rawBody: `phone,reason
${c.theirs.contactPhone},x
+61255522002,y
`,
        headers: { "content-type": "text/csv" },
        expect: OK,
      },
    ],
  },

  "DELETE /api/contacts/[id]": { guard: TENANT, probes: (c) => [{ what: "their contact id", params: { id: c.theirs.ids.contact }, expect: NOT_FOUND }] },
  "GET /api/contacts/export": {
    guard: TENANT,
    organizationInQuery: true,
    probes: () => [
      { what: "a search for their patient", query: { q: "Bravo" }, expect: OK },
      { what: "everything", expect: OK },
    ],
  },
  "POST /api/contacts/import": {
    guard: TENANT,
    probes: (c) => [
      {
        what: "a CSV of their patient's phone",
        rawBody: `name,phone\nImported,${c.theirs.contactPhone}\n`,
        headers: { "content-type": "text/csv" },
        query: { mode: "valid_only" },
        expect: OK,
      },
    ],
  },

  // ---- Cron ------------------------------------------------------------------------------------------------------
  "GET /api/cron/process-scheduled-calls": {
    guard: "cron: Authorization: Bearer CRON_SECRET, constant time, fails closed when unset (tests/integration/dispatch/cron-auth.test.ts)",
    probes: () => [
      { what: "no secret", as: "nobody", expect: [401] },
      { what: "a wrong secret", headers: { authorization: "Bearer not-the-secret" }, as: "nobody", expect: [401] },
    ],
  },
  "POST /api/cron/process-scheduled-calls": {
    guard: "cron: as GET",
    probes: () => [{ what: "a session is not a cron secret", expect: [401] }],
  },

  // ---- Health -----------------------------------------------------------------------------------------------------
  "GET /api/health": { guard: "public liveness: reads no data", probes: () => [{ what: "anonymous", as: "nobody", expect: OK }] },

  // ---- Invitations (the token in the link is the capability; the email must match the account) --------------
  "POST /api/invitations/accept": {
    guard: "invitation token (sha256 stored) + a session whose email is the invited one",
    probes: (c) => [
      {
        what: "their invitation's token, signed in as someone else",
        body: { token: c.theirs.invitationToken },
        expect: [403],
        mayShow: () => [c.theirs.invitationEmail],
      },
      { what: "an unknown token", body: { token: fakeInvitationToken }, expect: NOT_FOUND },
    ],
  },
  "POST /api/invitations/preview": {
    guard: "invitation token: only its holder sees the clinic's name and role",
    probes: () => [{ what: "an unknown token", body: { token: fakeInvitationToken }, as: "nobody", expect: NOT_FOUND }],
  },
  "POST /api/invitations/sign-up": {
    guard: "invitation token: creates an account for the invited email only",
    probes: () => [
      { what: "an unknown token", body: { token: fakeInvitationToken, name: "Mallory", password: "long-enough-password" }, as: "nobody", expect: NOT_FOUND },
    ],
  },

  // ---- Members ------------------------------------------------------------------------------------------------
  "GET /api/members": { guard: TENANT, probes: () => [{ what: "the list", expect: OK }] },
  "PATCH /api/members/[id]": {
    guard: TENANT,
    probes: (c) => [{ what: "their staff membership", params: { id: c.theirs.ids.staffMembership }, body: { role: "ADMIN" }, expect: NOT_FOUND }],
  },
  "DELETE /api/members/[id]": {
    guard: TENANT,
    probes: (c) => [{ what: "their staff membership", params: { id: c.theirs.ids.staffMembership }, expect: NOT_FOUND }],
  },
  "POST /api/members/invitations": {
    guard: TENANT,
    probes: (c) => [
      {
        what: "their organization id in the body",
        body: { email: "new-colleague@example.com", role: "ADMIN", organizationId: c.theirs.organizationId },
        expect: [201],
      },
    ],
  },
  "DELETE /api/members/invitations/[id]": {
    guard: TENANT,
    probes: (c) => [{ what: "their invitation id", params: { id: c.theirs.ids.invitation }, expect: NOT_FOUND }],
  },
  "POST /api/members/leave": {
    guard: TENANT,
    probes: (c) => [
      { what: "their organization id in the body (the last owner cannot leave)", body: { organizationId: c.theirs.organizationId }, expect: [409] },
    ],
  },

  // ---- Organization ------------------------------------------------------------------------------------------
  "PUT /api/organizations/active": {
    guard: TENANT,
    probes: (c) => [{ what: "switch to their clinic", body: { organizationId: c.theirs.organizationId }, expect: NOT_FOUND }],
  },
  "GET /api/organizations/calling-rules": { guard: TENANT, probes: () => [{ what: "my rules", expect: OK }] },
  "PATCH /api/organizations/calling-rules": {
    guard: TENANT,
    probes: (c) => [{ what: "their organization id in the body", body: { maxAttempts: 4, organizationId: c.theirs.organizationId }, expect: OK }],
  },
  "POST /api/organizations/configuration-check": {
    guard: TENANT,
    probes: (c) => [{ what: "their organization id in the body", body: { organizationId: c.theirs.organizationId }, expect: OK }],
  },
  "GET /api/organizations/language": { guard: TENANT, probes: () => [{ what: "my language", expect: OK }] },
  "PATCH /api/organizations/language": {
    guard: TENANT,
    probes: (c) => [{ what: "their organization id in the body", body: { defaultLanguage: "hi-IN", organizationId: c.theirs.organizationId }, expect: OK }],
  },
  "GET /api/organizations/opening-hours": { guard: TENANT, probes: () => [{ what: "my hours", expect: OK }] },
  "PATCH /api/organizations/opening-hours": {
    guard: TENANT,
    probes: (c) => [{ what: "their organization id in the body", body: { appointmentSlotMinutes: 20, organizationId: c.theirs.organizationId }, expect: OK }],
  },
  "PATCH /api/organizations/settings": {
    guard: TENANT,
    probes: (c) => [
      { what: "their agent id as my default", body: { elevenLabsAgentId: c.theirs.ids.elevenLabsAgent, elevenLabsPhoneNumberId: null }, expect: [422] },
      {
        what: "their phone-number id as my default",
        body: { elevenLabsAgentId: null, elevenLabsPhoneNumberId: c.theirs.ids.elevenLabsPhoneNumber },
        expect: [422],
      },
      {
        what: "my own, with their organization id",
        body: {
          elevenLabsAgentId: c.mine.ids.elevenLabsAgent,
          elevenLabsPhoneNumberId: c.mine.ids.elevenLabsPhoneNumber,
          organizationId: c.theirs.organizationId,
        },
        expect: OK,
      },
    ],
  },
  "POST /api/organizations/test-call": {
    guard: TENANT,
    // A valid number would dial: the isolation is in the organization id, which the body cannot name.
    probes: (c) => [
      { what: "their organization id in the body", body: { phoneNumber: "not a number", organizationId: c.theirs.organizationId }, expect: [400, 422] },
    ],
  },

  // ---- Scheduling -------------------------------------------------------------------------------------------------
  "GET /api/scheduled-calls": {
    guard: TENANT,
    probes: (c) => [
      { what: "their batch id as the filter", query: { batchId: c.theirs.ids.batch }, expect: OK },
      { what: "their scheduled call as the cursor", query: { cursor: c.theirs.ids.scheduledCall }, expect: [200, 400] },
    ],
  },
  "POST /api/scheduled-calls": {
    guard: TENANT,
    probes: (c) => {
      const when = tomorrowAt("10:00");
      const theirs = c.theirs.ids.contact;
      const mine = c.mine.ids.contact;
      // Refused outright, or scheduled with their contacts skipped: either way no row of mine names theirs.
      const confined = [201, 400, 404, 422];
      return [
        { what: "their contact id in the bulk array", body: { contactIds: [theirs], scheduledTime: when }, expect: confined },
        { what: "mine and theirs in the bulk array", body: { contactIds: [mine, theirs], scheduledTime: when }, expect: confined },
        { what: "their contact as a selection", body: { selection: { ids: [theirs] }, scheduledTime: when }, expect: confined },
        {
          what: "a search selection for their patient, theirs ticked in",
          body: { selection: { filter: { q: "Bravo" }, includeIds: [theirs] }, scheduledTime: when },
          expect: confined,
        },
        { what: "their contact in a dry run", query: { dryRun: "1" }, body: { contactIds: [theirs], scheduledTime: when }, expect: [200, 400, 404, 422] },
      ];
    },
  },
  "GET /api/attention": { guard: TENANT, probes: () => [{ what: "my list: only my clinic's calls", expect: OK }] },
  "POST /api/attention/done": {
    guard: TENANT,
    probes: (c) => [
      { what: "their call", body: { callId: c.theirs.ids.call }, expect: NOT_FOUND },
      { what: "their scheduled call", body: { scheduledCallId: c.theirs.ids.scheduledCall }, expect: NOT_FOUND },
    ],
  },
  "POST /api/callbacks": {
    guard: TENANT,
    probes: (c) => [
      { what: "their contact", body: { contactId: c.theirs.ids.contact, dueAt: tomorrowAt("10:00") }, expect: NOT_FOUND },
      { what: "their call", body: { callId: c.theirs.ids.call, dueAt: tomorrowAt("10:00") }, expect: NOT_FOUND },
    ],
  },
  "GET /api/callbacks/default-time": {
    guard: TENANT,
    probes: (c) => [
      { what: "their contact", query: { contactId: c.theirs.ids.contact }, expect: NOT_FOUND },
      { what: "their call", query: { callId: c.theirs.ids.call }, expect: NOT_FOUND },
    ],
  },
  "POST /api/check-ins": {
    guard: TENANT,
    probes: (c) => [
      { what: "their contact", body: { contactId: c.theirs.ids.contact, time: "10:00", repeat: { type: "weekly", weekday: 1, weeks: 2 } }, expect: NOT_FOUND },
      {
        what: "my contact, their appointment",
        body: { contactId: c.mine.ids.contact, time: "10:00", repeat: { type: "after_appointment", appointmentId: c.theirs.ids.appointment, days: 3 } },
        expect: NOT_FOUND,
      },
    ],
  },
  "GET /api/check-ins": { guard: TENANT, probes: (c) => [{ what: "their contact as the filter", query: { contactId: c.theirs.ids.contact }, expect: OK }] },
  "DELETE /api/check-ins/[id]": { guard: TENANT, probes: (c) => [{ what: "their check-in", params: { id: c.theirs.ids.checkIn }, expect: NOT_FOUND }] },
  "POST /api/scheduled-calls/[id]/confirm": {
    guard: TENANT,
    probes: (c) => [{ what: "their scheduled call", params: { id: c.theirs.ids.scheduledCall }, expect: NOT_FOUND }],
  },
  "PATCH /api/scheduled-calls/[id]": {
    guard: TENANT,
    probes: (c) => [
      { what: "their scheduled call", params: { id: c.theirs.ids.scheduledCall }, body: { scheduledTime: tomorrowAt("11:00") }, expect: NOT_FOUND },
    ],
  },
  "DELETE /api/scheduled-calls/[id]": {
    guard: TENANT,
    probes: (c) => [{ what: "their scheduled call", params: { id: c.theirs.ids.scheduledCall }, expect: NOT_FOUND }],
  },

  // ---- Sign-up -------------------------------------------------------------------------------------------------------
  "POST /api/signup": {
    guard: "public: creates a new clinic with the caller as its owner; names no existing one",
    probes: (c) => [
      {
        what: "their organization id in the body",
        body: {
          name: "New Owner",
          email: `new-owner-${Date.now()}@example.com`,
          password: "a-long-password-1",
          organizationName: "New Clinic",
          timezone: "Australia/Sydney",
          defaultCountry: "AU",
          organizationId: c.theirs.organizationId,
        },
        as: "nobody",
        expect: [201],
      },
      {
        what: "their owner's email",
        body: {
          name: "X",
          email: c.theirs.owner.email,
          password: "a-long-password-1",
          organizationName: "Another",
          timezone: "Australia/Sydney",
          defaultCountry: "AU",
        },
        as: "nobody",
        expect: [409],
      },
    ],
  },
};
