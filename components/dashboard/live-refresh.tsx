"use client";

import { useLiveRefresh } from "@/hooks/use-live-refresh";

/** Drop into a server-rendered page to keep it current while `enabled` (/scheduling while work waits; the overview and /calls always). */
export function LiveRefresh({ enabled }: { enabled: boolean }) {
  useLiveRefresh(enabled);
  return null;
}
