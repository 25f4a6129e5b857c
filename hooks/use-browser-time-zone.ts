"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** The browser's IANA time zone; null during server rendering and hydration, so markup matches. */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(subscribe, browserTimeZone, () => null);
}

function browserLanguages(): string {
  return typeof navigator === "undefined" ? "" : (navigator.languages ?? [navigator.language]).join(",");
}

/** The browser's preferred languages ("en-AU,en"); empty on the server. */
export function useBrowserLanguages(): string[] {
  const joined = useSyncExternalStore(subscribe, browserLanguages, () => "");
  return joined ? joined.split(",") : [];
}
