import { describe, expect, it } from "vitest";
import { GET as listAgentsRoute, POST as registerRoute } from "@/app/api/agents/route";
import { DELETE as removeRoute } from "@/app/api/agents/[id]/route";
import { POST as regenerateRoute } from "@/app/api/agents/[id]/token/route";
import { getDb } from "@/lib/db";
import { hashSecretToken } from "@/lib/auth/secret-token";
import { verifyAgentToken } from "@/lib/agents/verify-agent-token";
import { createMember } from "../../factories";
import { callRoute, signInAs } from "../helpers/session";

type Issued = {
  agent: { id: string; agentId: string; tokenPrefix: string };
  token: string;
  toolConfig: { tools: { api_schema: { url: string; request_headers: Record<string, string> } }[] };
};

async function register(agentId: string, name = "Reception"): Promise<Issued> {
  const res = await callRoute(registerRoute, { method: "POST", body: { agentId, name }, url: "http://localhost/api/agents" });
  expect(res.status).toBe(201);
  return (await res.json()) as Issued;
}

describe("agent tool tokens", () => {
  it("shows the token once, stores only its hash and prefix, and verifies it for its own agent only", async () => {
    const { user, organization } = await createMember("ADMIN");
    signInAs(user);
    const reception = await register("agent_reception");
    const reminders = await register("agent_reminders", "Reminders");

    const row = await getDb().voiceAgent.findUniqueOrThrow({ where: { id: reception.agent.id }, omit: { tokenHash: false } });
    expect(row.tokenHash).toBe(hashSecretToken(reception.token));
    expect(JSON.stringify(row)).not.toContain(reception.token);
    expect(reception.token.startsWith(row.tokenPrefix!)).toBe(true);
    // The tool JSON is ready to paste: agent id in the URL, the token in the header.
    expect(reception.toolConfig.tools[0]!.api_schema.url).toContain("/api/agent-actions/check-availability/agent_reception");
    expect(reception.toolConfig.tools[0]!.api_schema.request_headers["X-Agent-Token"]).toBe(reception.token);

    // Later reads never include the token or its hash.
    const listed = await (await callRoute(listAgentsRoute)).text();
    expect(listed).not.toContain(reception.token);
    expect(listed).not.toContain(row.tokenHash);

    expect(await verifyAgentToken("agent_reception", reception.token)).toEqual({
      organizationId: organization.id,
      voiceAgentId: reception.agent.id,
      agentId: "agent_reception",
      staffFacing: false,
    });
    // The token matrix: none, malformed, wrong, another agent's.
    expect(await verifyAgentToken("agent_reception", null)).toBeNull();
    expect(await verifyAgentToken("agent_reception", "")).toBeNull();
    expect(await verifyAgentToken("agent_reception", "Bearer x")).toBeNull();
    expect(await verifyAgentToken("agent_reception", `cbat_${"a".repeat(43)}`)).toBeNull();
    expect(await verifyAgentToken("agent_reception", reminders.token)).toBeNull();
    expect(await verifyAgentToken("agent_unknown", reception.token)).toBeNull();
    expect(await verifyAgentToken("agent_rec\u0000eption", reception.token)).toBeNull();
  });

  it("regenerating stops the old token at once", async () => {
    const { user } = await createMember("OWNER");
    signInAs(user);
    const first = await register("agent_rotate");
    const res = await callRoute(regenerateRoute, { method: "POST", params: { id: first.agent.id } });
    expect(res.status).toBe(200);
    const second = (await res.json()) as Issued;
    expect(second.token).not.toBe(first.token);
    expect(await verifyAgentToken("agent_rotate", first.token)).toBeNull();
    expect(await verifyAgentToken("agent_rotate", second.token)).not.toBeNull();
  });

  it("an agent id belongs to one clinic: registering another clinic's is a 409 that names nobody", async () => {
    const a = await createMember("OWNER");
    const b = await createMember("OWNER");
    signInAs(a.user);
    const tokenA = (await register("agent_shared")).token;
    signInAs(b.user);
    const res = await callRoute(registerRoute, { method: "POST", body: { agentId: "agent_shared", name: "Mine too" } });
    expect(res.status).toBe(409);
    const text = await res.text();
    // Not "Regenerate its token": that advice only fits an agent of the clinic's own.
    expect(JSON.parse(text).detail).toBe("This agent belongs to another clinic. An agent can belong to one clinic only.");
    expect(text).not.toContain(a.organization.name);
    expect(text).not.toContain(a.organization.id);
    expect(await getDb().voiceAgent.count({ where: { agentId: "agent_shared" } })).toBe(1);
    expect((await verifyAgentToken("agent_shared", tokenA))?.organizationId).toBe(a.organization.id);
  });

  it("staff get 403; another clinic's agent is a 404; a duplicate is a 409; removal kills the token", async () => {
    const { user: owner, organization } = await createMember("OWNER");
    signInAs(owner);
    const mine = await register("agent_mine");
    const again = await callRoute(registerRoute, { method: "POST", body: { agentId: "agent_mine", name: "Again" } });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { detail: string }).detail).toContain("Regenerate its token instead");
    expect((await callRoute(registerRoute, { method: "POST", body: { agentId: "agent with spaces", name: "Bad" } })).status).toBe(400);

    const staff = await createMember("STAFF", organization.id);
    signInAs(staff.user);
    expect((await callRoute(registerRoute, { method: "POST", body: { agentId: "agent_x", name: "X" } })).status).toBe(403);
    expect((await callRoute(regenerateRoute, { method: "POST", params: { id: mine.agent.id } })).status).toBe(403);

    const other = await createMember("OWNER");
    signInAs(other.user);
    expect((await callRoute(regenerateRoute, { method: "POST", params: { id: mine.agent.id } })).status).toBe(404);
    expect((await callRoute(removeRoute, { method: "DELETE", params: { id: mine.agent.id } })).status).toBe(404);
    expect(await verifyAgentToken("agent_mine", mine.token)).not.toBeNull();

    signInAs(owner);
    expect((await callRoute(removeRoute, { method: "DELETE", params: { id: mine.agent.id } })).status).toBe(204);
    expect(await verifyAgentToken("agent_mine", mine.token)).toBeNull();
  });
});
