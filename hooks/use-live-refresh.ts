"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

export const LIVE_REFRESH_MS = 15_000;

/**
 * Re-renders the page's server components every `intervalMs` while `enabled` and the tab is visible,
 * so a list of work under way keeps itself current. A hidden tab asks nothing of the server; coming
 * back to it refreshes at once, since what it shows may be minutes old.
 */
export function useLiveRefresh(enabled: boolean, intervalMs: number = LIVE_REFRESH_MS): void {
  const router = useRouter();
  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const stop = () => clearInterval(timer);
    const start = () => {
      stop();
      timer = setInterval(() => router.refresh(), intervalMs);
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === "visible") {
        router.refresh();
        start();
      } else {
        stop();
      }
    };
    if (document.visibilityState === "visible") start();
    document.addEventListener("visibilitychange", onVisibilityChange);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [enabled, intervalMs, router]);
}
