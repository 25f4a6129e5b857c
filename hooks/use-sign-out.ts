"use client";

import { useCallback } from "react";
import { useRouter } from "next/navigation";
import { signOut } from "next-auth/react";

/** Ends the session, then goes to the sign-in page and drops every server-rendered screen kept in memory. */
export function useSignOut(): () => Promise<void> {
  const router = useRouter();
  return useCallback(async () => {
    await signOut({ redirect: false });
    router.replace("/login");
    router.refresh();
  }, [router]);
}
