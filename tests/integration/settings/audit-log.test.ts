import { describe, expect, it } from "vitest";
import { PATCH as agentSettingsRoute } from "@/app/api/organizations/settings/route";
import { PATCH as callingRulesRoute } from "@/app/api/organizations/calling-rules/route";
import { POST as inviteRoute } from "@/app/api/members/invitations/route";
import { DELETE as revokeRoute } from "@/app/api/members/invitations/[id]/route";
import { PATCH as changeRoleRoute, DELETE as removeRoute } from "@/app/api/members/[id]/route";
import { POST as registerAgentRoute } from "@/app/api/agents/route";
import { POST as regenerateRoute } from "@/app/api/agents/[id]/token/route";
import { GET as auditRoute } from "@/app/api/audit-events/route";
import { getDb } from "@/lib/db";
import { recordTranscriptView } from "@/lib/compliance/record-transcript-view";
import { createMember, registerLine } from "../../factories";
import { addMember } from "../../factories/settings";
import { callRoute, signInAs } from "../helpers/session";

describe("audit log", () => {
  it("records who changed what, with before → after, for every audited action", async () => {
    const { user: owner, organization } = await createMember("OWNER");
    const staff = await addMember(organization.id, "STAFF");
    signInAs(owner);
    const a = await registerLine(organization.id, { setDefault: false });
    const b = await registerLine(organization.id, { setDefault: false });

    await callRoute(agentSettingsRoute, { method: "PATCH", body: { elevenLabsAgentId: a.agentId, elevenLabsPhoneNumberId: a.phoneNumberId } });
    await callRoute(agentSettingsRoute, { method: "PATCH", body: { elevenLabsAgentId: b.agentId, elevenLabsPhoneNumberId: a.phoneNumberId } });
    await callRoute(callingRulesRoute, { method: "PATCH", body: { callingWindowStart: "08:30", maxAttempts: 5 } });
    const invited = (await (await callRoute(inviteRoute, { method: "POST", body: { email: "new@example.com", role: "ADMIN" } })).json()) as {
      invitation: { id: string };
    };
    await callRoute(revokeRoute, { method: "DELETE", params: { id: invited.invitation.id } });
    await callRoute(changeRoleRoute, { method: "PATCH", params: { id: staff.membership.id }, body: { role: "ADMIN" } });
    await callRoute(removeRoute, { method: "DELETE", params: { id: staff.membership.id } });
    const agent = (await (
      await callRoute(registerAgentRoute, { method: "POST", body: { agentId: `agent_c_${organization.id}`, name: "Reception" } })
    ).json()) as { agent: { id: string } };
    await callRoute(regenerateRoute, { method: "POST", params: { id: agent.agent.id } });
    await recordTranscriptView(organization.id, { userId: owner.id, email: owner.email }, "call_123", "page");

    const rows = await getDb().auditEvent.findMany({ where: { organizationId: organization.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(rows.map((r) => r.action)).toEqual([
      "SETTINGS_UPDATED",
      "SETTINGS_UPDATED",
      "CALLING_RULES_UPDATED",
      "MEMBER_INVITED",
      "INVITATION_REVOKED",
      "MEMBER_ROLE_CHANGED",
      "MEMBER_REMOVED",
      "AGENT_REGISTERED",
      "AGENT_TOKEN_GENERATED",
      "CALL_TRANSCRIPT_VIEWED",
    ]);
    for (const row of rows) expect(row).toMatchObject({ actorUserId: owner.id, actorEmail: owner.email });
    // Only what changed, before → after.
    expect(rows[1]).toMatchObject({ before: { elevenLabsAgentId: a.agentId }, after: { elevenLabsAgentId: b.agentId } });
    expect(rows[2]).toMatchObject({ before: { callingWindowStart: "09:00", maxAttempts: 3 }, after: { callingWindowStart: "08:30", maxAttempts: 5 } });
    expect(rows[5]).toMatchObject({ before: { role: "STAFF" }, after: { role: "ADMIN" } });
    expect(rows[9]).toMatchObject({ targetType: "call", targetId: "call_123" });
    // No token ever lands in the log, only prefixes.
    expect(JSON.stringify(rows)).not.toMatch(/cbat_[A-Za-z0-9_-]{43}|cbinv_[A-Za-z0-9_-]{43}/);
  });

  it("saving the same settings again records nothing", async () => {
    const { user, organization } = await createMember("ADMIN");
    signInAs(user);
    const { agentId } = await registerLine(organization.id, { setDefault: false });
    await callRoute(agentSettingsRoute, { method: "PATCH", body: { elevenLabsAgentId: agentId, elevenLabsPhoneNumberId: null } });
    await callRoute(agentSettingsRoute, { method: "PATCH", body: { elevenLabsAgentId: agentId, elevenLabsPhoneNumberId: null } });
    expect(await getDb().auditEvent.count({ where: { organizationId: organization.id } })).toBe(1);
  });

  it("is append-only: the database refuses UPDATE and DELETE", async () => {
    const { user, organization } = await createMember("OWNER");
    await recordTranscriptView(organization.id, { userId: user.id, email: user.email }, "call_1", "page");
    const row = await getDb().auditEvent.findFirstOrThrow({ where: { organizationId: organization.id } });
    await expect(getDb().$executeRaw`UPDATE "AuditEvent" SET "actorEmail" = 'someone@else' WHERE "id" = ${row.id}`).rejects.toThrow(/append-only/);
    await expect(getDb().$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${row.id}`).rejects.toThrow(/append-only/);
    expect(await getDb().auditEvent.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ actorEmail: user.email });
  });

  it("admins read their own clinic's log with filters and pages; staff get 403", async () => {
    const { user: admin, organization } = await createMember("ADMIN");
    const other = await createMember("OWNER");
    for (let i = 0; i < 5; i++) await recordTranscriptView(organization.id, { userId: admin.id, email: admin.email }, `call_${i}`, "page");
    await recordTranscriptView(other.organization.id, { userId: other.user.id, email: other.user.email }, "foreign", "page");
    signInAs(admin);
    const { agentId } = await registerLine(organization.id, { setDefault: false });
    await callRoute(agentSettingsRoute, { method: "PATCH", body: { elevenLabsAgentId: agentId, elevenLabsPhoneNumberId: null } });

    const read = async (query: string) =>
      (await (await callRoute(auditRoute, { url: `http://localhost/api/audit-events?${query}` })).json()) as {
        events: { action: string; targetId: string }[];
        nextCursor: string | null;
      };
    const views = await read("action=CALL_TRANSCRIPT_VIEWED&limit=3");
    expect(views.events).toHaveLength(3);
    expect(views.events.every((e) => e.action === "CALL_TRANSCRIPT_VIEWED")).toBe(true);
    const rest = await read(`action=CALL_TRANSCRIPT_VIEWED&limit=3&cursor=${views.nextCursor}`);
    expect(rest.events).toHaveLength(2);
    expect(rest.nextCursor).toBeNull();
    expect([...views.events, ...rest.events].map((e) => e.targetId)).not.toContain("foreign");
    expect((await read(`actorUserId=${other.user.id}`)).events).toHaveLength(0);
    expect((await callRoute(auditRoute, { url: "http://localhost/api/audit-events?action=NOPE" })).status).toBe(400);

    const staff = await createMember("STAFF", organization.id);
    signInAs(staff.user);
    expect((await callRoute(auditRoute)).status).toBe(403);
  });
});
