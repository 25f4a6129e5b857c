import { describe, expect, it } from "vitest";
import * as settings from "@/app/api/organizations/settings/route";
import * as callingRules from "@/app/api/organizations/calling-rules/route";
import * as language from "@/app/api/organizations/language/route";
import * as configurationCheck from "@/app/api/organizations/configuration-check/route";
import * as testCall from "@/app/api/organizations/test-call/route";
import * as members from "@/app/api/members/route";
import * as invitations from "@/app/api/members/invitations/route";
import * as invitation from "@/app/api/members/invitations/[id]/route";
import * as member from "@/app/api/members/[id]/route";
import * as leave from "@/app/api/members/leave/route";
import * as agents from "@/app/api/agents/route";
import * as agent from "@/app/api/agents/[id]/route";
import * as agentToken from "@/app/api/agents/[id]/token/route";
import * as auditEvents from "@/app/api/audit-events/route";
import * as doNotCall from "@/app/api/do-not-call/route";
import * as doNotCallEntry from "@/app/api/do-not-call/[id]/route";
import * as triggerCall from "@/app/api/calls/trigger/route";
import { can, type Permission } from "@/lib/auth/permissions";
import { registerAgent } from "@/lib/agents/register-agent";
import { getDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createMember } from "../../factories";
import { addMember, createInvitation } from "../../factories/settings";
import { callRoute, signInAs } from "../helpers/session";

// Each handler takes its own params shape: erase it here, the table passes what each route needs.
type Handler = Parameters<typeof callRoute<Record<string, string>>>[0];
const anyParams = <P>(handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>) => handler as unknown as Handler;
interface Fixture {
  staffMembershipId: string;
  invitationId: string;
  voiceAgentId: string;
  doNotCallEntryId: string;
}

/** Every settings and members route with the permission the table gives it. */
const ROUTES: Array<{
  name: string;
  permission: Permission;
  handler: Handler;
  method: string;
  body?: (f: Fixture) => unknown;
  params?: (f: Fixture) => Record<string, string>;
  write: boolean;
}> = [
  {
    name: "PATCH /api/organizations/settings",
    permission: "settings.manage",
    handler: anyParams(settings.PATCH),
    method: "PATCH",
    body: () => ({ elevenLabsAgentId: null, elevenLabsPhoneNumberId: null }),
    write: true,
  },
  { name: "GET /api/organizations/calling-rules", permission: "settings.read", handler: anyParams(callingRules.GET), method: "GET", write: false },
  {
    name: "PATCH /api/organizations/calling-rules",
    permission: "settings.manage",
    handler: anyParams(callingRules.PATCH),
    method: "PATCH",
    body: () => ({ maxAttempts: 4 }),
    write: true,
  },
  { name: "GET /api/organizations/language", permission: "settings.read", handler: anyParams(language.GET), method: "GET", write: false },
  {
    name: "PATCH /api/organizations/language",
    permission: "settings.manage",
    handler: anyParams(language.PATCH),
    method: "PATCH",
    body: () => ({ defaultLanguage: "en-GB" }),
    write: true,
  },
  {
    name: "POST /api/organizations/configuration-check",
    permission: "agents.manage",
    handler: anyParams(configurationCheck.POST),
    method: "POST",
    write: true,
  },
  {
    name: "POST /api/organizations/test-call",
    permission: "agents.manage",
    handler: anyParams(testCall.POST),
    method: "POST",
    body: () => ({ phoneNumber: "not a number" }),
    write: true,
  },
  { name: "GET /api/members", permission: "members.read", handler: anyParams(members.GET), method: "GET", write: false },
  {
    name: "POST /api/members/invitations",
    permission: "members.manage",
    handler: anyParams(invitations.POST),
    method: "POST",
    body: () => ({ email: "matrix@example.com", role: "STAFF" }),
    write: true,
  },
  {
    name: "DELETE /api/members/invitations/{id}",
    permission: "members.manage",
    handler: anyParams(invitation.DELETE),
    method: "DELETE",
    params: (f) => ({ id: f.invitationId }),
    write: true,
  },
  {
    name: "PATCH /api/members/{id}",
    permission: "members.manage",
    handler: anyParams(member.PATCH),
    method: "PATCH",
    params: (f) => ({ id: f.staffMembershipId }),
    body: () => ({ role: "ADMIN" }),
    write: true,
  },
  {
    name: "DELETE /api/members/{id}",
    permission: "members.manage",
    handler: anyParams(member.DELETE),
    method: "DELETE",
    params: (f) => ({ id: f.staffMembershipId }),
    write: true,
  },
  { name: "POST /api/members/leave", permission: "organization.read", handler: anyParams(leave.POST), method: "POST", write: true },
  { name: "GET /api/agents", permission: "settings.read", handler: anyParams(agents.GET), method: "GET", write: false },
  {
    name: "POST /api/agents",
    permission: "agents.manage",
    handler: anyParams(agents.POST),
    method: "POST",
    body: () => ({ agentId: "agent_matrix", name: "Matrix" }),
    write: true,
  },
  {
    name: "DELETE /api/agents/{id}",
    permission: "agents.manage",
    handler: anyParams(agent.DELETE),
    method: "DELETE",
    params: (f) => ({ id: f.voiceAgentId }),
    write: true,
  },
  {
    name: "POST /api/agents/{id}/token",
    permission: "agents.manage",
    handler: anyParams(agentToken.POST),
    method: "POST",
    params: (f) => ({ id: f.voiceAgentId }),
    write: true,
  },
  { name: "GET /api/audit-events", permission: "audit.read", handler: anyParams(auditEvents.GET), method: "GET", write: false },
  { name: "GET /api/do-not-call", permission: "doNotCall.read", handler: anyParams(doNotCall.GET), method: "GET", write: false },
  {
    name: "POST /api/do-not-call",
    permission: "doNotCall.add",
    handler: anyParams(doNotCall.POST),
    method: "POST",
    body: () => ({ phoneNumber: "+61255529001" }),
    write: true,
  },
  {
    name: "DELETE /api/do-not-call/{id}",
    permission: "doNotCall.remove",
    handler: anyParams(doNotCallEntry.DELETE),
    method: "DELETE",
    params: (f) => ({ id: f.doNotCallEntryId }),
    write: true,
  },
  // Overriding the patient's hours or call limit for one call (an unknown contact: allowed roles get 404).
  {
    name: "POST /api/calls/trigger with an override",
    permission: "calls.override_rules",
    handler: anyParams(triggerCall.POST),
    method: "POST",
    body: () => ({ contactId: "contact_matrix", override: { reason: "Matrix check" } }),
    write: true,
  },
];

const ROLES: Role[] = ["OWNER", "ADMIN", "STAFF"];

/** A clinic with an owner, a staff member to act on, an invitation and an agent; the actor has `role`. */
async function clinicWith(role: Role) {
  const { user: owner, organization } = await createMember("OWNER");
  const actor = role === "OWNER" ? await addMember(organization.id, "OWNER") : await addMember(organization.id, role);
  const staff = await addMember(organization.id, "STAFF");
  const { invitation } = await createInvitation(organization.id);
  const { agent } = await registerAgent(
    organization.id,
    { userId: owner.id, email: owner.email },
    { agentId: `agent_fixture_${organization.id}`, name: "Fixture" },
    "http://localhost",
  );
  const entry = await getDb().doNotCallEntry.create({ data: { organizationId: organization.id, phoneNumber: "+61255529002", source: "STAFF" } });
  return {
    organization,
    actor: actor.user,
    fixture: { staffMembershipId: staff.membership.id, invitationId: invitation.id, voiceAgentId: agent.id, doNotCallEntryId: entry.id },
  };
}

describe("role matrix: OWNER / ADMIN / STAFF × every settings and members route, from the permission table", () => {
  for (const route of ROUTES) {
    for (const role of ROLES) {
      const allowed = can(role, route.permission);
      it(`${role} ${allowed ? "may" : "may not"} ${route.name}`, async () => {
        const { organization, actor, fixture } = await clinicWith(role);
        const auditBefore = await getDb().auditEvent.count({ where: { organizationId: organization.id } });
        const membershipsBefore = await getDb().membership.findMany({ where: { organizationId: organization.id }, orderBy: { id: "asc" } });
        signInAs(actor);
        const res = await callRoute(route.handler, {
          method: route.method,
          body: route.body?.(fixture),
          params: route.params?.(fixture),
          url: "http://localhost/api/x",
        });
        if (allowed) {
          expect(res.status, await res.clone().text()).not.toBe(403);
          expect(res.status).toBeLessThan(500);
        } else {
          expect(res.status).toBe(403);
          // Refused means nothing changed and nothing was recorded.
          expect(await getDb().auditEvent.count({ where: { organizationId: organization.id } })).toBe(auditBefore);
          expect(await getDb().membership.findMany({ where: { organizationId: organization.id }, orderBy: { id: "asc" } })).toEqual(membershipsBefore);
        }
      });
    }
  }
});
