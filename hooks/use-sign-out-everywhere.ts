"use client";

import { useCallback } from "react";
import { toast } from "sonner";
import { useSignOut } from "@/hooks/use-sign-out";

/** Ends every session of this account on the server (other browsers and devices too), then this one. */
export function useSignOutEverywhere(): () => Promise<void> {
  const signOut = useSignOut();
  return useCallback(async () => {
    const response = await fetch("/api/account/sign-out-everywhere", { method: "POST" }).catch(() => null);
    // 401: this session had been ended already; signing out here finishes the job either way.
    if (!response || (!response.ok && response.status !== 401)) {
      toast.error("Could not sign out the other sessions. Try again.");
      return;
    }
    await signOut();
  }, [signOut]);
}
