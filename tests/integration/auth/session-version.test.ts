import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import type { Session } from "next-auth";
import { GET as listContactsRoute } from "@/app/api/contacts/route";
import { POST as signOutEverywhereRoute } from "@/app/api/account/sign-out-everywhere/route";
import { DELETE as removeMemberRoute } from "@/app/api/members/[id]/route";
import { POST as previewInvitationRoute } from "@/app/api/invitations/preview/route";
import { withoutEndedSession } from "@/lib/auth/next-auth-route";
import { authOptions, authorizeCredentials } from "@/lib/auth/auth-options";
import { endSessions } from "@/lib/auth/session-version";
import { getDb } from "@/lib/db";
import { createContact, createMember, createUser } from "../../factories";
import { addMember } from "../../factories/settings";
import { callRoute, signInAs, testSession } from "../helpers/session";

const SECRET = "session-version-test-secret-0123456789abcdef";
type JwtArgs = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>>[0];
type SessionArgs = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["session"]>>[0];

/** Signs in through the credentials check and next-auth's jwt callback, and returns the encoded token (the cookie's value). */
async function signIn(email: string, password: string): Promise<string> {
  const user = await authorizeCredentials({ email, password }, "203.0.113.50");
  if (!user) throw new Error("sign-in failed");
  const token = await authOptions.callbacks!.jwt!({ token: { email, name: user.name }, user, account: null, trigger: "signIn" } as JwtArgs);
  return encode({ token, secret: SECRET });
}

/** What getServerSession does with the cookie: decode the token, then the session callback. */
async function presentCookie(jwt: string): Promise<void> {
  const token = await decode({ token: jwt, secret: SECRET });
  if (!token) throw new Error("token did not decode");
  const session = (await authOptions.callbacks!.session!({
    session: { user: { name: token.name, email: token.email }, expires: "" },
    token,
  } as unknown as SessionArgs)) as Session;
  testSession.current = session as typeof testSession.current;
}

/** A new user (with the factory password) in this clinic. */
async function addUser(organizationId: string, role: "STAFF" | "ADMIN") {
  const user = await createUser();
  const { membership } = await addMember(organizationId, role, user);
  return { user, membership };
}

const contacts = () => callRoute(listContactsRoute, { url: "http://localhost/api/contacts" });
const signOutEverywhere = () => callRoute(signOutEverywhereRoute, { method: "POST" });

describe("session version", () => {
  it("puts the user's session version into the token at sign-in", async () => {
    const { user } = await createMember("STAFF");
    await getDb().user.update({ where: { id: user.id }, data: { sessionVersion: 7 } });
    const token = await decode({ token: await signIn(user.email, user.password), secret: SECRET });
    expect(token).toMatchObject({ sub: user.id, sv: 7 });
  });

  it("sign out everywhere: every token of the user is refused at once (401), a new sign-in works, others are untouched", async () => {
    const { user, organization } = await createMember("STAFF");
    await createContact(organization.id);
    const colleague = await addUser(organization.id, "STAFF");
    const laptop = await signIn(user.email, user.password);
    const phone = await signIn(user.email, user.password);
    const colleagues = await signIn(colleague.user.email, colleague.user.password);

    await presentCookie(laptop);
    expect((await contacts()).status).toBe(200);

    await presentCookie(phone);
    const ended = await signOutEverywhere();
    expect(ended.status).toBe(200);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).toEqual({ sessionVersion: 1 });

    for (const cookie of [laptop, phone]) {
      await presentCookie(cookie);
      const res = await contacts();
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(((await res.json()) as { detail: string }).detail).toMatch(/session has ended/);
      // Routes that need no organization refuse it too: the ended session is nobody.
      expect((await signOutEverywhere()).status).toBe(401);
    }

    await presentCookie(colleagues);
    expect((await contacts()).status).toBe(200);

    await presentCookie(await signIn(user.email, user.password));
    expect((await contacts()).status).toBe(200);
  });

  it("a token from before versions (no sv) counts as version 0: valid until the first bump", async () => {
    const { user } = await createMember("STAFF");
    signInAs(user);
    expect((await contacts()).status).toBe(200);
    expect(await endSessions(user.id)).toBe(1);
    expect((await contacts()).status).toBe(401);
    signInAs(user, 1);
    expect((await contacts()).status).toBe(200);
  });

  it("an ended session is nobody for routes outside a clinic (getSessionUser)", async () => {
    const user = await createUser();
    signInAs(user, 0);
    await endSessions(user.id);
    // The preview answers for an anonymous visitor: it never learns who the ended session was.
    const res = await callRoute(previewInvitationRoute, { method: "POST", body: { token: `cbinv_${"A".repeat(43)}` } });
    expect(res.status).toBe(404);
    expect((await signOutEverywhere()).status).toBe(401);
    expect(await endSessions("no-such-user")).toBeNull();
  });

  it("removal from a clinic ends access to it on the next request, whatever the token says", async () => {
    const { user: owner, organization } = await createMember("OWNER");
    const removed = await addUser(organization.id, "STAFF");
    await createContact(organization.id, { name: "Patient of the first clinic" });
    const cookie = await signIn(removed.user.email, removed.user.password);
    await presentCookie(cookie);
    expect((await contacts()).status).toBe(200);

    signInAs(owner);
    expect((await callRoute(removeMemberRoute, { method: "DELETE", params: { id: removed.membership.id } })).status).toBe(204);

    await presentCookie(cookie);
    // No other clinic: 403, nothing of the first one.
    const res = await contacts();
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain("Patient of the first clinic");
  });

  it("removal from one of two clinics: the same token now sees only the other one", async () => {
    const first = await createMember("OWNER");
    const second = await createMember("STAFF");
    const member = await addUser(first.organization.id, "STAFF");
    await getDb().membership.create({ data: { userId: member.user.id, organizationId: second.organization.id, role: "STAFF" } });
    await getDb().user.update({ where: { id: member.user.id }, data: { activeOrganizationId: first.organization.id } });
    await createContact(first.organization.id, { name: "First clinic patient" });
    await createContact(second.organization.id, { name: "Second clinic patient" });
    const cookie = await signIn(member.user.email, member.user.password);

    signInAs(first.user);
    expect((await callRoute(removeMemberRoute, { method: "DELETE", params: { id: member.membership.id } })).status).toBe(204);

    await presentCookie(cookie);
    const body = await (await contacts()).text();
    expect(body).toContain("Second clinic patient");
    expect(body).not.toContain("First clinic patient");
  });

  it("GET /api/auth/session answers an ended session as no session, without its name and email", async () => {
    const { user } = await createMember("STAFF");
    // next-auth's answer for a token that decodes: the session callback's user, and the cookie re-issued.
    const answer = (sessionVersion: number) =>
      Response.json(
        { user: { id: user.id, name: user.name, email: user.email, sessionVersion }, expires: "2027-01-01T00:00:00.000Z" },
        { headers: { "set-cookie": "next-auth.session-token=renewed; Path=/; HttpOnly" } },
      );
    const current = await withoutEndedSession(answer(0), ["session"]);
    expect(await current.json()).toMatchObject({ user: { id: user.id, email: user.email } });
    expect(current.headers.get("set-cookie")).toContain("renewed");

    await endSessions(user.id);
    const ended = await withoutEndedSession(answer(0), ["session"]);
    expect(ended.status).toBe(200);
    expect(await ended.json()).toEqual({});
    expect(ended.headers.get("set-cookie")).toBeNull();
    // The new version's token, and next-auth's other GETs, pass unchanged.
    expect(await (await withoutEndedSession(answer(1), ["session"])).json()).toMatchObject({ user: { email: user.email } });
    expect(await (await withoutEndedSession(answer(0), ["csrf"])).json()).toMatchObject({ user: { email: user.email } });
  });
});
