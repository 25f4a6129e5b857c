import type { TwoClinics } from "./two-clinics";

/**
 * What the fuzzer starts from for each route that reads a JSON body or a query: a valid body or query
 * (every generated case breaks it), the path params, and who calls. A route that calls readJson or
 * readQuery without an entry here fails fuzz-json-routes.test.ts.
 */
export interface FuzzSpec {
  body?: (c: TwoClinics) => Record<string, unknown>;
  query?: (c: TwoClinics) => Record<string, string>;
  params?: (c: TwoClinics) => Record<string, string>;
  headers?: (c: TwoClinics) => Record<string, string>;
  /** Signed in as my clinic's owner (default) or nobody (token and public routes). */
  as?: "me" | "nobody";
  /** Fields that must lie in the future: past instants are tried on them too. */
  pastDates?: string[];
  /** Sign the generated body as ElevenLabs would (the webhook): the parser, not the signature check, is under test. */
  signed?: boolean;
  /** 2xx answers the route documents for input it ignores (never with a write). */
  documented2xx?: { status: number; why: string };
  /** A read that writes one audit row per answer it serves (exports of health information): its only write. */
  auditedRead?: true;
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const tomorrowAt = (clock: string) => `${tomorrow()}T${clock}:00Z`;
const FAKE_INVITATION = "cbinv_" + "x".repeat(43);

const agent = (spec: Omit<FuzzSpec, "params" | "headers" | "as">): FuzzSpec => ({
  ...spec,
  params: (c) => ({ agent_id: c.mine.ids.elevenLabsAgent }),
  headers: (c) => ({ "x-agent-token": c.mine.agentToken }),
  as: "nobody",
});

export const FUZZ_SPECS: Record<string, FuzzSpec> = {
  "POST /api/agent-actions/book-appointment/[agent_id]": agent({
    body: (c) => ({ date: tomorrow(), start_time: "11:00", duration_minutes: 30, customer_name: "Fuzz", customer_phone: c.mine.contactPhone }),
  }),
  "POST /api/agent-actions/cancel-appointment/[agent_id]": agent({ body: (c) => ({ appointment_id: c.mine.ids.appointment, caller_id: c.mine.contactPhone }) }),
  "POST /api/agent-actions/check-availability/[agent_id]": agent({ body: () => ({ date: tomorrow(), time: "10:00", duration_minutes: 30 }) }),
  "POST /api/agent-actions/find-patient/[agent_id]": agent({ body: (c) => ({ caller_id: c.mine.contactPhone }) }),
  "POST /api/agent-actions/reschedule-appointment/[agent_id]": agent({
    body: (c) => ({ appointment_id: c.mine.ids.appointment, caller_id: c.mine.contactPhone, new_date: tomorrow(), new_start_time: "15:00" }),
  }),
  "POST /api/agent-actions/opt-out/[agent_id]": agent({ body: () => ({ caller_id: "+61255509995", reason: "Fuzz" }) }),
  "POST /api/agent-actions/schedule-callback/[agent_id]": agent({
    body: (c) => ({ caller_id: c.mine.contactPhone, time: "tomorrow at 10am", context: "Fuzz" }),
  }),
  "POST /api/agents": { body: () => ({ agentId: "agent_fuzz", name: "Fuzz" }) },
  "GET /api/appointments": { query: () => ({ from: new Date().toISOString(), to: new Date(Date.now() + 7 * 86_400_000).toISOString() }) },
  "POST /api/appointments": { body: () => ({ startsAt: tomorrowAt("13:00"), durationMinutes: 30, attendeeName: "Fuzz" }) },
  "PATCH /api/appointments/[id]": { params: (c) => ({ id: c.mine.ids.appointment }), body: () => ({ status: "CONFIRMED" }) },
  "GET /api/audit-events": { query: (c) => ({ action: "SETTINGS_UPDATED", actorUserId: c.mine.owner.id, limit: "10", cursor: c.mine.ids.call }) },
  "GET /api/call-batches": { query: () => ({ limit: "10", cursor: "x" }) },
  "GET /api/calls": {
    query: (c) => ({
      from: "2026-01-01",
      to: "2026-12-31",
      outcome: "resolved",
      status: "COMPLETED",
      direction: "OUTBOUND",
      contactId: c.mine.ids.contact,
      q: "summary",
      limit: "10",
      cursor: "x",
    }),
  },
  "POST /api/calls": {
    body: () => ({
      type: "post_call_transcription",
      event_timestamp: Math.floor(Date.now() / 1000),
      data: { conversation_id: "conv_fuzz_unknown", agent_id: "agent_owned_by_nobody", status: "done", transcript: [], analysis: {} },
    }),
    as: "nobody",
    signed: true,
    documented2xx: {
      status: 200,
      why: "a signed event the webhook cannot use is acknowledged ({ received: true, handled: false }) so ElevenLabs does not retry it forever",
    },
  },
  "GET /api/calls/export": {
    query: (c) => ({ from: "2026-01-01", to: "2026-12-31", status: "COMPLETED", contactId: c.mine.ids.contact, q: "x" }),
    auditedRead: true,
  },
  "GET /api/calls/preview": { query: (c) => ({ contactId: c.mine.ids.contact }) },
  "POST /api/calls/trigger": { body: (c) => ({ contactId: c.mine.ids.contact, agentId: "agent_alpha", dynamicVariables: { preferred_time: "morning" } }) },
  "GET /api/contacts": { query: () => ({ q: "Alpha", sort: "name", limit: "10", total: "1", cursor: "x" }) },
  "POST /api/contacts": {
    body: () => ({
      name: "Fuzz",
      phoneNumber: "+61255509999",
      email: "fuzz@example.com",
      doNotCall: false,
      consentBasis: "CARE_REMINDERS",
      consentSource: "Fuzz",
      consentDate: "2026-01-02",
    }),
  },
  "PATCH /api/contacts/[id]": { params: (c) => ({ id: c.mine.ids.contact }), body: () => ({ name: "Fuzz", doNotCall: true }) },
  "GET /api/contacts/export": { query: () => ({ q: "Alpha", sort: "name" }), auditedRead: true },
  "GET /api/do-not-call": { query: () => ({ limit: "10", cursor: "x" }) },
  "POST /api/do-not-call": { body: () => ({ phoneNumber: "+61255509996", reason: "Fuzz" }) },
  "POST /api/invitations/accept": { body: () => ({ token: FAKE_INVITATION }) },
  "POST /api/invitations/preview": { body: () => ({ token: FAKE_INVITATION }), as: "nobody" },
  "POST /api/invitations/sign-up": { body: () => ({ token: FAKE_INVITATION, name: "Fuzz", password: "long-enough-password" }), as: "nobody" },
  "PATCH /api/members/[id]": { params: (c) => ({ id: c.mine.ids.staffMembership }), body: () => ({ role: "ADMIN" }) },
  "POST /api/members/invitations": { body: () => ({ email: "fuzz-invitee@example.com", role: "STAFF" }) },
  "PUT /api/organizations/active": { body: (c) => ({ organizationId: c.mine.organizationId }) },
  "PATCH /api/organizations/calling-rules": {
    body: () => ({ maxAttempts: 4, callingDays: [1, 2], callingWindowStart: "09:00", retryVoicemail: true, version: 0 }),
  },
  "PATCH /api/organizations/language": { body: () => ({ defaultLanguage: "en-GB", version: 0 }) },
  "PATCH /api/organizations/opening-hours": {
    body: () => ({ appointmentSlotMinutes: 20, openingHours: [{ day: 1, start: "09:00", end: "17:00" }], version: 0 }),
  },
  "PATCH /api/organizations/settings": {
    body: (c) => ({ elevenLabsAgentId: c.mine.ids.elevenLabsAgent, elevenLabsPhoneNumberId: c.mine.ids.elevenLabsPhoneNumber, version: 0 }),
  },
  "POST /api/phone-numbers": { body: () => ({ phoneNumberId: "phnum_fuzz", phoneNumber: "+61255509997", label: "Fuzz" }) },
  "PATCH /api/agents/[id]": { params: (c) => ({ id: c.mine.ids.voiceAgent }), body: () => ({ name: "Fuzz", staffFacing: true }) },
  "POST /api/calls/[id]/contact": { params: (c) => ({ id: c.mine.ids.call }), body: () => ({ name: "Fuzz" }) },
  "POST /api/organizations/test-call": { body: () => ({ phoneNumber: "+61255509998" }) },
  "POST /api/attention/done": { body: (c) => ({ callId: c.mine.ids.call }) },
  "GET /api/callbacks/default-time": { query: (c) => ({ contactId: c.mine.ids.contact }) },
  // A past dueAt is not refused: the callback moves to the next calling time and the answer says so.
  "POST /api/callbacks": { body: (c) => ({ contactId: c.mine.ids.contact, dueAt: tomorrowAt("10:00"), note: "Fuzz" }) },
  "POST /api/check-ins": { body: (c) => ({ contactId: c.mine.ids.contact, time: "10:00", repeat: { type: "weekly", weekday: 1, weeks: 4 }, note: "Fuzz" }) },
  "GET /api/check-ins": { query: (c) => ({ contactId: c.mine.ids.contact, limit: "10" }) },
  "GET /api/scheduled-calls": {
    query: (c) => ({ status: "PENDING", batchId: c.mine.ids.batch, kind: "CALLBACK", contactId: c.mine.ids.contact, limit: "10", cursor: "x" }),
  },
  "POST /api/scheduled-calls": {
    body: (c) => ({
      contactIds: [c.mine.ids.contact],
      scheduledTime: tomorrowAt("10:00"),
      staggerMinutes: 2,
      name: "Fuzz",
      script: { variables: { clinic_address: "12 Harbour St" } },
    }),
    pastDates: ["scheduledTime"],
  },
  "PATCH /api/scheduled-calls/[id]": {
    params: (c) => ({ id: c.mine.ids.scheduledCall }),
    body: () => ({ scheduledTime: tomorrowAt("11:00") }),
    pastDates: ["scheduledTime"],
  },
  "POST /api/signup": {
    body: () => ({
      name: "Fuzz",
      email: "fuzz-signup@example.com",
      password: "a-long-password-1",
      organizationName: "Fuzz Clinic",
      timezone: "Australia/Sydney",
      defaultCountry: "AU",
    }),
    as: "nobody",
  },
};
