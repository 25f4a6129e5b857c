import { getDb } from "@/lib/db";

/** One clinic in a dispatch round: how many of its due calls fit its free slots right now. */
export interface PlannedClinic {
  organizationId: string;
  slots: number;
  /** Its longest-waiting due call: the plan lists the clinic waiting longest first. */
  firstDue: Date;
}

/** A round takes at most this many calls of one clinic; the next round looks again. */
export const ROUND_SLOTS_PER_CLINIC = 100;

/** How many clinics a window holds (lib/dispatch/claim-in-rounds.ts sweeps the fleet in windows). */
export const WINDOW_CLINICS = 100;

/** The plan's order: the clinic whose due call waits longest first. */
export function byLongestWaiting(a: PlannedClinic, b: PlannedClinic): number {
  return +a.firstDue - +b.firstDue || (a.organizationId < b.organizationId ? -1 : a.organizationId > b.organizationId ? 1 : 0);
}

/**
 * Rows whose lease expired before their dial was sent (a run that died after claiming) go back to
 * the queue, fleet-wide, so their clinics count as having due work. Their attempt is uncounted.
 */
export async function returnExpiredLeases(now: Date): Promise<void> {
  await getDb().$executeRaw`
    UPDATE "ScheduledCall"
       SET "status" = 'PENDING', "attempts" = "attempts" - 1, "lockedUntil" = NULL, "lockedBy" = NULL, "updatedAt" = ${now}
     WHERE "status" = 'IN_PROGRESS' AND "dialStartedAt" IS NULL AND "lockedUntil" <= ${now}`;
}

/**
 * The whole fleet as one plan (expired leases returned first): every clinic with due work and free
 * concurrency, with how many calls each can take, longest waiting first. What a run with no windows
 * would serve: the benches compare the sweep against it and deal it out to claimers.
 */
export async function planDispatchRound(now: Date, slotsPerClinic = ROUND_SLOTS_PER_CLINIC): Promise<PlannedClinic[]> {
  await returnExpiredLeases(now);
  // callboard_plan_dispatch_window (migrations plan_window_function, dispatch_cursor) with no size: every
  // clinic with due work in id order, each with its free slots (0 when capped) and longest-waiting due call.
  const rows = await getDb().$queryRaw<PlannedClinic[]>`
    SELECT * FROM callboard_plan_dispatch_window(${now}::timestamptz, '', NULL::text, NULL::int, ${slotsPerClinic}::int)`;
  return servable(rows);
}

/** A window of the fleet taken for a sweep (lib/dispatch/claim-in-rounds.ts). */
export interface TakenWindow {
  /** Windows are numbered in the order runs take them, fleet-wide. */
  number: number;
  /** How many windows the fleet fills: a sweep that began at window s has seen every clinic at s + windowsInLap - 1. */
  windowsInLap: number;
  /** The window's clinics that can take calls now, longest waiting first. */
  clinics: PlannedClinic[];
}

/**
 * The next window of `size` clinics, planned, in one round trip (the SQL function
 * `callboard_take_dispatch_window`, migration `dispatch_window_sequence`): its number comes from a
 * sequence and its clinics are a range of their dispatch ranks, so overlapping runs get different
 * windows one after another without waiting for each other, and a later run goes on where an earlier
 * one stopped.
 */
export async function takeDispatchWindow(now: Date, size: number, slotsPerClinic = ROUND_SLOTS_PER_CLINIC): Promise<TakenWindow> {
  const rows = await getDb().$queryRaw<Array<{ windowNumber: bigint; windowsInLap: bigint } & (PlannedClinic | { organizationId: null })>>`
    SELECT * FROM callboard_take_dispatch_window(${now}::timestamptz, ${size}::int, ${slotsPerClinic}::int)`;
  const clinics = rows.filter((row): row is typeof row & PlannedClinic => row.organizationId !== null);
  return {
    number: Number(rows[0]!.windowNumber),
    windowsInLap: Number(rows[0]!.windowsInLap),
    clinics: servable(clinics.map(({ organizationId, slots, firstDue }) => ({ organizationId, slots, firstDue }))),
  };
}

/**
 * The planned clinics that can take a call now, longest waiting first. Capped clinics are left out, so
 * they cost three index probes and never hide the others. Reads only: the claim re-counts each clinic's
 * free slots under its lock, so a stale plan claims less, never more.
 */
function servable(rows: PlannedClinic[]): PlannedClinic[] {
  return rows.filter((clinic) => clinic.slots > 0).sort(byLongestWaiting);
}

/**
 * The order a round hands out dial slots: every clinic's first call (in the plan's order), then
 * every second call of the clinics with two or more free slots, and so on. A clinic with many
 * free slots gets more calls per round, but after everyone else's first — it cannot take a whole run.
 */
export function roundRobin(plan: readonly PlannedClinic[]): string[] {
  const order: string[] = [];
  for (let turn = 0; ; turn++) {
    const before = order.length;
    for (const clinic of plan) if (clinic.slots > turn) order.push(clinic.organizationId);
    if (order.length === before) return order;
  }
}
