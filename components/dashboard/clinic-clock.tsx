"use client";

import { useSyncExternalStore } from "react";

const MINUTE = 60_000;

function subscribe(onChange: () => void) {
  const timer = setInterval(onChange, 5_000);
  return () => clearInterval(timer);
}

const currentMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;

/**
 * The wall-clock time in the clinic's zone, ticking each minute. The server's render time is used
 * for the first paint, so hydration matches, then the browser's clock takes over.
 */
export function ClinicClock({ timeZone, locale, renderedAt }: { timeZone: string; locale: string; renderedAt: number }) {
  const now = useSyncExternalStore(subscribe, currentMinute, () => Math.floor(renderedAt / MINUTE) * MINUTE);
  const date = new Date(now);
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).format(date);
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", day: "numeric", month: "long" }).format(date);
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(date).find((p) => p.type === "timeZoneName")?.value;
  return (
    <time dateTime={date.toISOString()} className="tabular-nums">
      <span className="font-medium text-zinc-900">{time}</span>
      {zone ? <span className="text-zinc-500"> {zone}</span> : null}
      <span className="text-zinc-500"> · {day}</span>
    </time>
  );
}
