import "server-only";
import NextAuth, { type NextAuthOptions } from "next-auth";
import { NextRequest } from "next/server";
import { problemResponse } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/parse-request";
import { findSessionUser } from "@/lib/auth/session-version";

/** What next-auth's forms post (an email, a password, the CSRF token, a callback URL): a few hundred bytes. */
export const AUTH_MAX_BODY_BYTES = 16 * 1024;

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's route handler, with a cap on what a POST may send. next-auth itself reads the whole body
 * (`req.text()` / `req.json()`) before it looks at anything, for anyone: one anonymous 300 MB post to
 * /api/auth/callback/credentials grew the server by 700 MB. The body is read here under the cap
 * (Content-Length first, then while streaming), refused with a 413 past it, and handed on unchanged.
 * And /api/auth/session (GET, and the POST that updates a session) answers an ended session (signed out
 * everywhere: its token's session version is not the user's) as no session: next-auth checks only the token's
 * signature and expiry, so it still told the name and email, and renewed the cookie.
 */
export function nextAuthRoute(options: NextAuthOptions) {
  const handler = NextAuth(options) as (req: NextRequest, context: NextAuthContext) => Promise<Response>;
  return async (req: NextRequest, context: NextAuthContext): Promise<Response> => {
    const path = (await context.params).nextauth;
    if (req.method !== "POST") return withoutEndedSession(await handler(req, context), path);
    let body: Uint8Array;
    try {
      body = await readBodyBytes(req, AUTH_MAX_BODY_BYTES);
    } catch (error) {
      return problemResponse(error);
    }
    return withoutEndedSession(await handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body: body as BodyInit }), context), path);
  };
}

/** next-auth's answer to /api/auth/<path>, with an ended session's answered as no session. */
export async function withoutEndedSession(res: Response, path: string[]): Promise<Response> {
  if (path.join("/") !== "session" || !res.ok) return res;
  const session = (await res.clone().json()) as { user?: { id?: string; sessionVersion?: number } } | null;
  const user = session?.user;
  if (!user?.id || (await findSessionUser(user.id, user.sessionVersion)) !== null) return res;
  // What next-auth answers without a session; its Set-Cookie (which would extend the token) is dropped.
  return Response.json({}, { headers: { "cache-control": "no-store" } });
}
