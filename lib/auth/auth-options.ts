import "server-only";
import type { NextAuthOptions } from "next-auth";
import credentialsModule from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { clientAddress } from "@/lib/auth/client-address";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";
import { admitSignIn, refundSignIn, SIGN_IN_RATE_LIMITED } from "@/lib/auth/sign-in-throttle";
import { isStorableText } from "@/lib/http/storable-text";

// next-auth 4 is CommonJS: bundlers (Next, Vitest) hand over its default export, Node's own ESM loader (a tsx
// script such as the demo seed, which serves the app's routes) the module object around it.
const CredentialsProvider = (credentialsModule as unknown as { default?: typeof credentialsModule }).default ?? credentialsModule;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254).refine(isStorableText),
  password: z.string().min(1).max(200).refine(isStorableText),
});

/**
 * Checks email + password; null (one generic message in the UI) whether the email is unknown or the
 * password wrong. Too many failures (lib/auth/sign-in-throttle.ts) throw SIGN_IN_RATE_LIMITED —
 * before the password is looked at, and the same for accounts that do not exist.
 */
export async function authorizeCredentials(
  input: unknown,
  ip = "unknown",
  now: Date = new Date(),
): Promise<{ id: string; email: string; name: string; sessionVersion: number } | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  if (!(await admitSignIn(ip, parsed.data.email, now))) throw new Error(SIGN_IN_RATE_LIMITED);
  const user = await getDb().user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
  if (!ok || !user) return null;
  await refundSignIn(ip, parsed.data.email);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, clientAddress(req?.headers)),
    }),
  ],
  callbacks: {
    // Every redirect next-auth makes (after sign-in or sign-out, its callback-url cookie) stays on this site.
    redirect({ url, baseUrl }) {
      return `${new URL(baseUrl).origin}${safeCallbackPath(url, baseUrl)}`;
    },
    // The token carries the user's session version from sign-in; every server-side lookup of the
    // session compares it with the stored one (lib/auth/session-version.ts).
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) {
        session.user.id = token.sub;
        session.user.sessionVersion = token.sv ?? 0;
      }
      return session;
    },
  },
};
