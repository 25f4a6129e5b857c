import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    /** sessionVersion: the User.sessionVersion the token was issued with (see lib/auth/session-version.ts). */
    user: { id: string; sessionVersion?: number } & DefaultSession["user"];
  }
  interface User {
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** User.sessionVersion at sign-in. */
    sv?: number;
  }
}
