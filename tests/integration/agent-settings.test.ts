import { describe, expect, it } from "vitest";
import { PATCH as updateSettingsRoute } from "@/app/api/organizations/settings/route";
import { getDb } from "@/lib/db";
import { createMember, registerLine } from "../factories";
import { callRoute, signInAs } from "./helpers/session";

const patch = (body: unknown) => callRoute(updateSettingsRoute, { method: "PATCH", body });

describe("PATCH /api/organizations/settings (voice agent)", () => {
  it("lets an admin set and clear the agent of their own organization only", async () => {
    const { user, organization } = await createMember("ADMIN");
    const other = await createMember("OWNER");
    const own = await registerLine(organization.id, {
      agentId: `agent_abc123_${organization.id}`,
      phoneNumberId: `phnum_xyz_${organization.id}`,
      setDefault: false,
    });
    signInAs(user);

    const res = await patch({ elevenLabsAgentId: ` ${own.agentId} `, elevenLabsPhoneNumberId: own.phoneNumberId });
    expect(res.status).toBe(200);
    expect(await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({
      elevenLabsAgentId: own.agentId,
      elevenLabsPhoneNumberId: own.phoneNumberId,
    });
    // An organizationId in the body is not a field of this route: it cannot redirect the write.
    await patch({ elevenLabsAgentId: "agent_evil", elevenLabsPhoneNumberId: "phnum_evil", organizationId: other.organization.id });
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: other.organization.id } })).elevenLabsAgentId).toBeNull();

    expect((await patch({ elevenLabsAgentId: "", elevenLabsPhoneNumberId: null })).status).toBe(200);
    expect(await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({
      elevenLabsAgentId: null,
      elevenLabsPhoneNumberId: null,
    });
  });

  it("answers 422 for another clinic's agent or number, and for unknown ones, changing nothing", async () => {
    const { user, organization } = await createMember("ADMIN");
    const other = await createMember("OWNER");
    const own = await registerLine(organization.id);
    const theirs = await registerLine(other.organization.id, { setDefault: false });
    signInAs(user);
    for (const body of [
      { elevenLabsAgentId: theirs.agentId, elevenLabsPhoneNumberId: own.phoneNumberId },
      { elevenLabsAgentId: own.agentId, elevenLabsPhoneNumberId: theirs.phoneNumberId },
      { elevenLabsAgentId: "agent_made_up", elevenLabsPhoneNumberId: own.phoneNumberId },
    ]) {
      const res = await patch(body);
      expect(res.status).toBe(422);
      const problem = (await res.json()) as { detail: string; issues: { path: string }[] };
      expect(problem.detail).not.toContain(other.organization.name);
    }
    expect(await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({
      elevenLabsAgentId: own.agentId,
      elevenLabsPhoneNumberId: own.phoneNumberId,
    });
  });

  it("refuses staff with 403", async () => {
    const { user, organization } = await createMember("STAFF");
    signInAs(user);
    const res = await patch({ elevenLabsAgentId: "agent_x", elevenLabsPhoneNumberId: "phnum_x" });
    expect(res.status).toBe(403);
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).elevenLabsAgentId).toBeNull();
  });

  it("answers 400 for ids that cannot be ElevenLabs ids", async () => {
    const { user } = await createMember("OWNER");
    signInAs(user);
    const res = await patch({ elevenLabsAgentId: "agent abc; drop", elevenLabsPhoneNumberId: "phnum_x" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe("elevenLabsAgentId");
  });
});
