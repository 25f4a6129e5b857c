import "server-only";
import NextAuth, { type NextAuthOptions } from "next-auth";
import { NextRequest } from "next/server";
import { problemResponse } from "@/lib/errors";
import { readBodyBytes } from "@/lib/http/parse-request";

/** What next-auth's forms post (an email, a password, the CSRF token, a callback URL): a few hundred bytes. */
export const AUTH_MAX_BODY_BYTES = 16 * 1024;

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's route handler, with a cap on what a POST may send. next-auth itself reads the whole body
 * (`req.text()` / `req.json()`) before it looks at anything, for anyone: one anonymous 300 MB post to
 * /api/auth/callback/credentials grew the server by 700 MB. The body is read here under the cap
 * (Content-Length first, then while streaming), refused with a 413 past it, and handed on unchanged.
 */
export function nextAuthRoute(options: NextAuthOptions) {
  const handler = NextAuth(options) as (req: NextRequest, context: NextAuthContext) => Promise<Response>;
  return async (req: NextRequest, context: NextAuthContext): Promise<Response> => {
    if (req.method !== "POST") return handler(req, context);
    let body: Uint8Array;
    try {
      body = await readBodyBytes(req, AUTH_MAX_BODY_BYTES);
    } catch (error) {
      return problemResponse(error);
    }
    return handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body: body as BodyInit }), context);
  };
}
