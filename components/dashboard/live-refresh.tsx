"use client";

import { useLiveRefresh } from "@/hooks/use-live-refresh";

/** Drop into a server-rendered page to keep it current while `enabled` (work pending or under way). */
export function LiveRefresh({ enabled }: { enabled: boolean }) {
  useLiveRefresh(enabled);
  return null;
}
