import { describe, expect, it } from "vitest";
import { PATCH as updateSettingsRoute } from "@/app/api/organizations/settings/route";
import { getDb } from "@/lib/db";
import { createMember } from "../factories";
import { callRoute, signInAs } from "./helpers/session";

const patch = (body: unknown) => callRoute(updateSettingsRoute, { method: "PATCH", body });

describe("PATCH /api/organizations/settings (voice agent)", () => {
  it("lets an admin set and clear the agent of their own organization only", async () => {
    const { user, organization } = await createMember("ADMIN");
    const other = await createMember("OWNER");
    signInAs(user);

    const res = await patch({ elevenLabsAgentId: " agent_abc123 ", elevenLabsPhoneNumberId: "phnum_xyz" });
    expect(res.status).toBe(200);
    expect(await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({
      elevenLabsAgentId: "agent_abc123",
      elevenLabsPhoneNumberId: "phnum_xyz",
    });
    // An organizationId in the body is not a field of this route: it cannot redirect the write.
    await patch({ elevenLabsAgentId: "agent_evil", elevenLabsPhoneNumberId: "phnum_evil", organizationId: other.organization.id });
    expect((await getDb().organization.findUniqueOrThrow({ where: { id: other.organization.id } })).elevenLabsAgentId).toBeNull();

    expect((await patch({ elevenLabsAgentId: "", elevenLabsPhoneNumberId: null })).status).toBe(200);
    expect(await getDb().organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({ elevenLabsAgentId: null, elevenLabsPhoneNumberId: null });
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
