import { TZDate } from "@date-fns/tz";
import { nextOpening, type WeeklyWindow } from "@/lib/scheduling/calling-window";
import { stateRuleFor } from "@/lib/compliance/state-calling-rules";

/**
 * How often one patient may be called. Days and weeks are the patient's own calendar days (their zone);
 * a "week" is any 7 consecutive days, so no 7-day stretch holds more than `perWeek` calls.
 */
export interface CapPolicy {
  zone: string;
  perDay: number;
  perWeek: number;
  /** A state's limit on calls in any 24 hours (Florida, Oklahoma), or null. */
  per24Hours: number | null;
}

/** Why a call at that instant would exceed the cap, and the first instant that cap stops blocking it. */
export interface CapBlock {
  reason: string;
  liftsAt: number;
}

const HOUR_MS = 3_600_000;
/** How far ahead the search for an allowed time looks (a week's cap always clears within it). */
const SEARCH_HORIZON_MS = 15 * 24 * HOUR_MS;

/** Days since the epoch of the local calendar date `at` falls on, in `zone`. */
function localDay(at: number, zone: string): number {
  const local = new TZDate(at, zone);
  return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / (24 * HOUR_MS);
}

/** The instant local day `day` (days since the epoch) begins in `zone`. */
function startOfLocalDay(day: number, zone: string): number {
  const date = new Date(day * 24 * HOUR_MS);
  return +TZDate.tz(zone, date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 0, 0);
}

/** One stretch a cap counts over that holds `at`: its calls, its limit, and when it stops holding `at`'s calls against it. */
interface CapTally {
  count: number;
  limit: number;
  reason: string;
  liftsAt: number;
}

/** Every stretch of every cap that holds `at` (its day, the 7-day stretches with that day, the state's 24-hour stretches), counted. */
function capTallies(at: number, calls: readonly number[], policy: CapPolicy): CapTally[] {
  const day = localDay(at, policy.zone);
  const days = calls.map((call) => localDay(call, policy.zone));
  const nextDay = startOfLocalDay(day + 1, policy.zone);
  const tallies: CapTally[] = [
    {
      count: days.filter((d) => d === day).length,
      limit: policy.perDay,
      reason: `already ${policy.perDay === 1 ? "called" : `called ${policy.perDay} times`} that day (at most ${policy.perDay} a day)`,
      liftsAt: nextDay,
    },
  ];
  // Every 7-day stretch that contains the day must keep room for this call.
  const week = `already called ${policy.perWeek} time${policy.perWeek === 1 ? "" : "s"} within 7 days (at most ${policy.perWeek} a week)`;
  for (let first = day - 6; first <= day; first++) {
    tallies.push({ count: days.filter((d) => d >= first && d <= first + 6).length, limit: policy.perWeek, reason: week, liftsAt: nextDay });
  }
  if (policy.per24Hours !== null) {
    // Every 24-hour stretch that contains `at`: those starting at a call within the day before, and at `at`.
    const near = calls.filter((call) => call > at - 24 * HOUR_MS && call < at + 24 * HOUR_MS).sort((a, b) => a - b);
    for (const start of [...near.filter((call) => call <= at), at]) {
      tallies.push({
        count: near.filter((call) => call >= start && call < start + 24 * HOUR_MS).length,
        limit: policy.per24Hours,
        reason: `already called ${policy.per24Hours} times within 24 hours (the state's limit)`,
        liftsAt: start + 24 * HOUR_MS,
      });
    }
  }
  return tallies;
}

/**
 * Whether one more call at `at` keeps the patient within the caps, given the instants of their other
 * calls (made or planned, before or after `at`): null when it does, else the reason and when it lifts.
 */
export function capBlock(at: number, calls: readonly number[], policy: CapPolicy): CapBlock | null {
  const full = capTallies(at, calls, policy).find((tally) => tally.count + 1 > tally.limit);
  return full ? { reason: full.reason, liftsAt: full.liftsAt } : null;
}

/**
 * How many other calls at about `at` the caps leave room for besides one more at `at` (negative: not
 * even that one). Every stretch that holds `at` holds a call made at the same moment, so these are the
 * calls another dial may add while this one is being written (lib/dispatch/start-attempt.ts).
 */
export function capRoom(at: number, calls: readonly number[], policy: CapPolicy): number {
  return Math.min(...capTallies(at, calls, policy).map((tally) => tally.limit - tally.count - 1));
}

export type AllowedTime = { at: number; capped: CapBlock | null } | { at: null; reason: string };

/**
 * The first instant ≥ `at` inside every window and within the caps. `capped` says which cap moved it
 * (null when only the windows did, or nothing). Null `at` when no such time comes within two weeks.
 */
export function nextAllowedTime(at: number, windows: readonly WeeklyWindow[], calls: readonly number[], policy: CapPolicy): AllowedTime {
  let candidate = at;
  let capped: CapBlock | null = null;
  while (candidate - at <= SEARCH_HORIZON_MS) {
    const open = nextOpening(candidate, windows);
    if (open === null) return { at: null, reason: "The clinic’s calling hours never overlap the patient’s legal calling hours" };
    const block = capBlock(open, calls, policy);
    if (!block) return { at: open, capped };
    capped ??= block;
    candidate = Math.max(block.liftsAt, open + 1);
  }
  return { at: null, reason: capped?.reason ?? "No allowed time within two weeks" };
}

/** The clinic's cap settings (Settings → Calling hours and retries). */
export interface CapSettings {
  maxCallsPerDay: number;
  maxCallsPerWeek: number;
  overCapAction: "DEFER" | "SKIP";
}

/** The caps for one patient: the clinic's, in the patient's zone, plus their state's 24-hour limit. */
export function capPolicyFor(settings: CapSettings, zone: string, e164: string | null | undefined): CapPolicy {
  return { zone, perDay: settings.maxCallsPerDay, perWeek: settings.maxCallsPerWeek, per24Hours: (e164 && stateRuleFor(e164)?.maxCallsPer24Hours) || null };
}
