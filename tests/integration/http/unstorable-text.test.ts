import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as contacts from "@/app/api/contacts/route";
import * as contact from "@/app/api/contacts/[id]/route";
import * as contactsImport from "@/app/api/contacts/import/route";
import * as contactsExport from "@/app/api/contacts/export/route";
import * as trigger from "@/app/api/calls/trigger/route";
import * as preview from "@/app/api/calls/preview/route";
import * as callContact from "@/app/api/calls/[id]/contact/route";
import * as scheduledCalls from "@/app/api/scheduled-calls/route";
import * as scheduledCall from "@/app/api/scheduled-calls/[id]/route";
import * as callBatches from "@/app/api/call-batches/route";
import * as active from "@/app/api/organizations/active/route";
import * as settings from "@/app/api/organizations/settings/route";
import * as callingRules from "@/app/api/organizations/calling-rules/route";
import * as testCall from "@/app/api/organizations/test-call/route";
import * as signup from "@/app/api/signup/route";
import * as invitations from "@/app/api/members/invitations/route";
import * as member from "@/app/api/members/[id]/route";
import * as invitationPreview from "@/app/api/invitations/preview/route";
import * as invitationAccept from "@/app/api/invitations/accept/route";
import * as invitationSignUp from "@/app/api/invitations/sign-up/route";
import * as agents from "@/app/api/agents/route";
import * as agent from "@/app/api/agents/[id]/route";
import * as phoneNumbers from "@/app/api/phone-numbers/route";
import * as auditEvents from "@/app/api/audit-events/route";
import * as appointments from "@/app/api/appointments/route";
import * as appointment from "@/app/api/appointments/[id]/route";
import * as openingHours from "@/app/api/organizations/opening-hours/route";
import * as checkAvailability from "@/app/api/agent-actions/check-availability/[agent_id]/route";
import * as bookAppointment from "@/app/api/agent-actions/book-appointment/[agent_id]/route";
import * as cancelAppointment from "@/app/api/agent-actions/cancel-appointment/[agent_id]/route";
import * as rescheduleAppointment from "@/app/api/agent-actions/reschedule-appointment/[agent_id]/route";
import * as findPatient from "@/app/api/agent-actions/find-patient/[agent_id]/route";
import * as scheduleCallback from "@/app/api/agent-actions/schedule-callback/[agent_id]/route";
import * as optOut from "@/app/api/agent-actions/opt-out/[agent_id]/route";
import * as attentionDone from "@/app/api/attention/done/route";
import * as callbacks from "@/app/api/callbacks/route";
import * as checkIns from "@/app/api/check-ins/route";
import * as doNotCall from "@/app/api/do-not-call/route";
import * as defaultLanguage from "@/app/api/organizations/language/route";
import { createAgentWithToken } from "../../factories/appointments";
import { getDb } from "@/lib/db";
import { createMember } from "../../factories";
import { signInAs } from "../helpers/session";

// Route handlers take their own params shape; `never` accepts them all (the test passes what each needs).
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;

const TOKEN = `cbinv_${"A".repeat(43)}`;
/** Every JSON route with a body of its real fields (values need not be valid: bad text is refused first). */
// `agent`: an agent action, called with a valid X-Agent-Token (the token is checked before the body is read).
const JSON_ROUTES: Array<{ path: string; method: string; handler: Handler; body: Record<string, unknown>; params?: Record<string, string>; agent?: true }> = [
  {
    path: "app/api/contacts/route.ts",
    method: "POST",
    handler: contacts.POST,
    body: { name: "Jane", phoneNumber: "0412 345 678", email: "j@example.com", businessName: "B", customFields: { note: "hi" } },
  },
  {
    path: "app/api/contacts/[id]/route.ts",
    method: "PATCH",
    handler: contact.PATCH,
    body: { name: "Jane", customFields: { note: "hi" } },
    params: { id: "cnotacontact00000000000" },
  },
  {
    path: "app/api/calls/trigger/route.ts",
    method: "POST",
    handler: trigger.POST,
    body: { contactId: "c123", agentId: "agent_x", agentPhoneNumberId: "phnum_x", dynamicVariables: { preferred_time: "3pm" } },
  },
  {
    path: "app/api/calls/[id]/contact/route.ts",
    method: "POST",
    handler: callContact.POST,
    body: { name: "Jane Caller" },
    params: { id: "cnotacall000000000000000" },
  },
  {
    path: "app/api/scheduled-calls/route.ts",
    method: "POST",
    handler: scheduledCalls.POST,
    body: { contactIds: ["c1"], scheduledTime: "2030-01-01T00:00:00Z", agentId: "agent_x", name: "Batch", dynamicVariables: { k: "v" } },
  },
  {
    path: "app/api/scheduled-calls/[id]/route.ts",
    method: "PATCH",
    handler: scheduledCall.PATCH,
    body: { scheduledTime: "2030-01-01T00:00:00Z" },
    params: { id: "cnotascheduledcall000000" },
  },
  { path: "app/api/organizations/active/route.ts", method: "PUT", handler: active.PUT, body: { organizationId: "corg" } },
  {
    path: "app/api/organizations/settings/route.ts",
    method: "PATCH",
    handler: settings.PATCH,
    body: { elevenLabsAgentId: "agent_x", elevenLabsPhoneNumberId: "phnum_x" },
  },
  {
    path: "app/api/organizations/calling-rules/route.ts",
    method: "PATCH",
    handler: callingRules.PATCH,
    body: { timezone: "Australia/Sydney", callingWindowStart: "09:00" },
  },
  { path: "app/api/organizations/test-call/route.ts", method: "POST", handler: testCall.POST, body: { phoneNumber: "0412 345 678" } },
  {
    path: "app/api/signup/route.ts",
    method: "POST",
    handler: signup.POST,
    body: {
      name: "Dana",
      email: "dana@example.com",
      password: "correct horse",
      organizationName: "Clinic",
      timezone: "Australia/Sydney",
      defaultCountry: "AU",
    },
  },
  { path: "app/api/members/invitations/route.ts", method: "POST", handler: invitations.POST, body: { email: "x@example.com", role: "STAFF" } },
  { path: "app/api/members/[id]/route.ts", method: "PATCH", handler: member.PATCH, body: { role: "ADMIN" }, params: { id: "cnotamembership00000000" } },
  { path: "app/api/invitations/preview/route.ts", method: "POST", handler: invitationPreview.POST, body: { token: TOKEN } },
  { path: "app/api/invitations/accept/route.ts", method: "POST", handler: invitationAccept.POST, body: { token: TOKEN } },
  { path: "app/api/invitations/sign-up/route.ts", method: "POST", handler: invitationSignUp.POST, body: { token: TOKEN, name: "N", password: "long enough" } },
  { path: "app/api/agents/route.ts", method: "POST", handler: agents.POST, body: { agentId: "agent_x", name: "Reception" } },
  { path: "app/api/agents/[id]/route.ts", method: "PATCH", handler: agent.PATCH, body: { name: "Reception" }, params: { id: "cnotanagent0000000000000" } },
  {
    path: "app/api/phone-numbers/route.ts",
    method: "POST",
    handler: phoneNumbers.POST,
    body: { phoneNumberId: "phnum_x", phoneNumber: "+61255509996", label: "Main" },
  },
  {
    path: "app/api/appointments/route.ts",
    method: "POST",
    handler: appointments.POST,
    body: { startsAt: "2030-01-01T00:00:00Z", durationMinutes: 30, attendeeName: "Jane", attendeePhone: "0412 345 678", notes: "n" },
  },
  {
    path: "app/api/appointments/[id]/route.ts",
    method: "PATCH",
    handler: appointment.PATCH,
    body: { startsAt: "2030-01-01T00:00:00Z", status: "CONFIRMED" },
    params: { id: "cnotanappointment0000000" },
  },
  {
    path: "app/api/organizations/opening-hours/route.ts",
    method: "PATCH",
    handler: openingHours.PATCH,
    body: { openingHours: [{ day: 1, start: "09:00", end: "17:00" }] },
  },
  {
    path: "app/api/agent-actions/check-availability/[agent_id]/route.ts",
    method: "POST",
    handler: checkAvailability.POST,
    body: { date: "2030-01-01", time: "10:00" },
    agent: true,
  },
  {
    path: "app/api/agent-actions/book-appointment/[agent_id]/route.ts",
    method: "POST",
    handler: bookAppointment.POST,
    body: { date: "2030-01-01", start_time: "10:00", customer_name: "Jane", customer_phone: "0412 345 678", notes: "n", conversation_id: "c" },
    agent: true,
  },
  {
    path: "app/api/agent-actions/cancel-appointment/[agent_id]/route.ts",
    method: "POST",
    handler: cancelAppointment.POST,
    body: { appointment_id: "a", caller_id: "0412 345 678" },
    agent: true,
  },
  {
    path: "app/api/agent-actions/reschedule-appointment/[agent_id]/route.ts",
    method: "POST",
    handler: rescheduleAppointment.POST,
    body: { caller_id: "0412 345 678", new_date: "2030-01-01", new_start_time: "10:00" },
    agent: true,
  },
  {
    path: "app/api/agent-actions/find-patient/[agent_id]/route.ts",
    method: "POST",
    handler: findPatient.POST,
    body: { caller_id: "0412 345 678" },
    agent: true,
  },
  {
    path: "app/api/agent-actions/schedule-callback/[agent_id]/route.ts",
    method: "POST",
    handler: scheduleCallback.POST,
    body: { caller_id: "0412 345 678", time: "3pm", context: "c", conversation_id: "c" },
    agent: true,
  },
  {
    path: "app/api/agent-actions/opt-out/[agent_id]/route.ts",
    method: "POST",
    handler: optOut.POST,
    body: { caller_id: "+61255509995", reason: "r" },
    agent: true,
  },
  { path: "app/api/attention/done/route.ts", method: "POST", handler: attentionDone.POST, body: { callId: "cnotacall000000000000000" } },
  {
    path: "app/api/callbacks/route.ts",
    method: "POST",
    handler: callbacks.POST,
    body: { contactId: "cnotacontact00000000000", dueAt: "2030-01-01T00:00:00Z", note: "n" },
  },
  {
    path: "app/api/check-ins/route.ts",
    method: "POST",
    handler: checkIns.POST,
    body: { contactId: "cnotacontact00000000000", time: "10:00", repeat: { type: "weekly", weekday: 1, weeks: 4 }, note: "n" },
  },
  { path: "app/api/do-not-call/route.ts", method: "POST", handler: doNotCall.POST, body: { phoneNumber: "+61255509996", reason: "r" } },
  { path: "app/api/organizations/language/route.ts", method: "PATCH", handler: defaultLanguage.PATCH, body: { defaultLanguage: "en-GB" } },
];

/** Query-string routes and a field each reads. */
const QUERY_ROUTES: Array<{ name: string; handler: Handler; query: string }> = [
  { name: "GET /api/contacts", handler: contacts.GET, query: "q" },
  { name: "GET /api/contacts/export", handler: contactsExport.GET, query: "q" },
  { name: "GET /api/calls/preview", handler: preview.GET, query: "contactId" },
  { name: "GET /api/scheduled-calls", handler: scheduledCalls.GET, query: "batchId" },
  { name: "GET /api/call-batches", handler: callBatches.GET, query: "cursor" },
  { name: "GET /api/audit-events", handler: auditEvents.GET, query: "actorUserId" },
];

const BAD = { "a NUL byte": "x\u0000y", "a lone surrogate": "x\uD800y" };

/** Every string leaf of a body, as [path, replace(value)]. */
function stringLeaves(body: unknown, path: string[] = []): Array<{ path: string; with: (bad: string) => unknown }> {
  if (typeof body === "string") return [{ path: path.join("."), with: (bad) => bad }];
  if (Array.isArray(body))
    return body.flatMap((item, i) =>
      stringLeaves(item, [...path, String(i)]).map((leaf) => ({ path: leaf.path, with: (bad: string) => body.map((v, j) => (j === i ? leaf.with(bad) : v)) })),
    );
  if (body && typeof body === "object") {
    return Object.entries(body).flatMap(([key, value]) =>
      stringLeaves(value, [...path, key]).map((leaf) => ({ path: leaf.path, with: (bad: string) => ({ ...(body as object), [key]: leaf.with(bad) }) })),
    );
  }
  return [];
}

const send = (handler: Handler, init: { method: string; url?: string; body?: string; headers?: Record<string, string>; params?: Record<string, string> }) =>
  handler(
    new Request(init.url ?? "http://localhost/api/test", {
      method: init.method,
      headers: init.headers ?? { "content-type": "application/json" },
      body: init.body,
    }),
    { params: Promise.resolve(init.params ?? {}) as Promise<never> },
  );

async function expect400(res: Response, label: string) {
  const body = (await res.json()) as { code?: string; issues?: { message: string }[] };
  expect(res.status, `${label}: ${JSON.stringify(body)}`).toBe(400);
  expect(body.issues?.[0]?.message ?? "", label).toMatch(/cannot be stored/);
}

describe("text PostgreSQL cannot store is refused with 400 at the edge", () => {
  it("covers every route that reads a JSON body", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === "route.ts") files.push(relative(process.cwd(), full));
      }
    };
    walk(join(process.cwd(), "app/api"));
    const jsonRoutes = files.filter((file) => readFileSync(file, "utf8").includes("readJson("));
    expect(jsonRoutes.filter((file) => !JSON_ROUTES.some((r) => r.path === file))).toEqual([]);
  });

  it("in every string field of every JSON route (NUL and lone surrogates), and nothing is written", async () => {
    const { user, organization } = await createMember("OWNER");
    const agent = await createAgentWithToken(organization.id);
    const before = { contacts: await getDb().contact.count(), users: await getDb().user.count(), audit: await getDb().auditEvent.count() };
    let cases = 0;
    for (const route of JSON_ROUTES) {
      const headers = route.agent ? { "content-type": "application/json", "x-agent-token": agent.token } : undefined;
      const params = route.agent ? { agent_id: agent.agentId } : route.params;
      for (const leaf of stringLeaves(route.body)) {
        for (const [label, bad] of Object.entries(BAD)) {
          signInAs(user);
          const res = await send(route.handler, { method: route.method, body: JSON.stringify(leaf.with(bad)), params, headers });
          await expect400(res, `${route.method} ${route.path} ${leaf.path} with ${label}`);
          cases++;
        }
      }
      // Keys count too.
      const res = await send(route.handler, { method: route.method, body: JSON.stringify({ ...route.body, ["k\u0000"]: 1 }), params, headers });
      await expect400(res, `${route.path} with a NUL in a key`);
    }
    expect(cases).toBeGreaterThan(60);
    expect({ contacts: await getDb().contact.count(), users: await getDb().user.count(), audit: await getDb().auditEvent.count() }).toEqual(before);
  });

  it("in query strings and path segments", async () => {
    const { user } = await createMember("OWNER");
    signInAs(user);
    for (const route of QUERY_ROUTES) {
      const res = await send(route.handler, { method: "GET", url: `http://localhost/api/x?${route.query}=x%00y`, headers: {} });
      await expect400(res, `${route.name} ?${route.query} with a NUL`);
      // A URL cannot carry a lone surrogate: its UTF-8-style bytes decode to U+FFFD, which is stored fine.
      const surrogate = await send(route.handler, { method: "GET", url: `http://localhost/api/x?${route.query}=x%ED%A0%80y`, headers: {} });
      expect(surrogate.status, route.name).toBeLessThan(500);
    }
    for (const bad of Object.values(BAD)) {
      await expect400(await send(contact.GET, { method: "GET", headers: {}, params: { id: bad } }), "GET /api/contacts/[id]");
      await expect400(await send(scheduledCall.DELETE, { method: "DELETE", headers: {}, params: { id: bad } }), "DELETE /api/scheduled-calls/[id]");
    }
  });

  it("in the contacts CSV import: NUL anywhere in the file (past the sniffed start, or in UTF-16) and in the options", async () => {
    const { user } = await createMember("OWNER");
    signInAs(user);
    const filler = "name,phone\n" + Array.from({ length: 3000 }, (_, i) => `Person ${i},+6125550${String(i).padStart(4, "0")}`).join("\n");
    const late = `${filler}\nBad\u0000Name,+61255509999\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("name,phone\nA\u0000B,+61255501111\n", "utf16le")]);
    for (const body of [late, utf16]) {
      const res = await contactsImport.POST(
        new Request("http://localhost/api/contacts/import", { method: "POST", headers: { "content-type": "text/csv" }, body }),
        { params: Promise.resolve({}) as Promise<never> },
      );
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/NUL/);
    }
    const options = await contactsImport.POST(
      new Request("http://localhost/api/contacts/import?mode=%00", {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: "name,phone\nA,+61255501111\n",
      }),
      { params: Promise.resolve({}) as Promise<never> },
    );
    expect(options.status).toBe(400);
    expect(await getDb().contact.count()).toBe(0);
  });
});
