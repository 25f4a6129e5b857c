"use client";

import { useSyncExternalStore } from "react";
import { clinicLongDay, clinicTime, type ClinicZone } from "@/components/scheduling/clinic-time";

const MINUTE = 60_000;

function subscribe(onChange: () => void) {
  const timer = setInterval(onChange, 5_000);
  return () => clearInterval(timer);
}

const currentMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;

/**
 * The wall-clock time in the clinic's zone, ticking each minute. The server's render time is used for the
 * first paint and the text comes from date-fns patterns, not the browser's Intl, so hydration matches; then
 * the browser's clock takes over. `zoneName` is the server's (Intl's names differ between engines); the
 * overview re-renders every 15 s, which keeps it right across a clock change.
 */
export function ClinicClock({ zone, zoneName, renderedAt }: { zone: ClinicZone; zoneName: string; renderedAt: number }) {
  const now = useSyncExternalStore(subscribe, currentMinute, () => Math.floor(renderedAt / MINUTE) * MINUTE);
  return (
    <time dateTime={new Date(now).toISOString()} className="tabular-nums">
      <span className="font-medium text-zinc-900">{clinicTime(now, zone)}</span>
      <span className="text-zinc-500"> {zoneName}</span>
      <span className="text-zinc-500"> · {clinicLongDay(now, zone)}</span>
    </time>
  );
}
