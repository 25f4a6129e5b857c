import { describe, expect, it } from "vitest";
import CallPage from "@/app/(dashboard)/calls/[id]/page";
import { getDb } from "@/lib/db";
import { createContact, createMember } from "../../factories";
import { signInAs } from "../helpers/session";

async function createCall(organizationId: string, transcript: unknown) {
  const contact = await createContact(organizationId);
  return getDb().call.create({
    data: {
      organizationId,
      contactId: contact.id,
      toNumber: contact.phoneNumber,
      status: transcript ? "COMPLETED" : "INITIATED",
      transcript: transcript ?? undefined,
    },
  });
}

const views = (organizationId: string) => getDb().auditEvent.findMany({ where: { organizationId, action: "CALL_TRANSCRIPT_VIEWED" } });

describe("the call page records every view of a transcript", () => {
  it("writes who viewed which call, each time the page renders the transcript", async () => {
    const { user, organization } = await createMember("STAFF");
    const call = await createCall(organization.id, [{ role: "agent", message: "Hi Jane", time_in_call_secs: 0 }]);
    signInAs(user);
    await CallPage({ params: Promise.resolve({ id: call.id }) });
    await CallPage({ params: Promise.resolve({ id: call.id }) });
    const rows = await views(organization.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actorUserId: user.id, actorEmail: user.email, targetType: "call", targetId: call.id });
  });

  it("records nothing for a call without a transcript yet, or for another clinic's call", async () => {
    const { user, organization } = await createMember("ADMIN");
    const other = await createMember("OWNER");
    const ringing = await createCall(organization.id, null);
    const foreign = await createCall(other.organization.id, [{ role: "user", message: "Private", time_in_call_secs: 1 }]);
    signInAs(user);
    await CallPage({ params: Promise.resolve({ id: ringing.id }) });
    await expect(CallPage({ params: Promise.resolve({ id: foreign.id }) })).rejects.toThrow();
    expect(await views(organization.id)).toHaveLength(0);
    expect(await views(other.organization.id)).toHaveLength(0);
  });
});
