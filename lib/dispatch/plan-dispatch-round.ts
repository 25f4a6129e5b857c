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

/** Where a run's sweep of the fleet began on the shared cursor (DispatchCursor): its lap and the id after which its first window started. */
export interface SweepStart {
  lap: number;
  after: string;
}

/** The next window from the shared cursor: its clinics, and whether the cursor has come back to the sweep's start. */
export interface TakenWindow {
  /** The window's clinics, in id order (planDispatchClinics says which can take calls). */
  organizationIds: string[];
  /** Where the caller's sweep began (its first window: where this one did). */
  start: SweepStart;
  /** The cursor has come back to `start`: every clinic had a window in this sweep. */
  lapDone: boolean;
}

/**
 * The next `size` clinics from the fleet's shared cursor, and the cursor moved past them
 * (the SQL function `callboard_take_dispatch_window`, migration `dispatch_cursor`). Overlapping runs take
 * windows one after another, so each window of a lap goes to one run; a later run goes on where an
 * earlier one stopped. Only the ids: planDispatchClinics plans them, outside the cursor's lock.
 */
export async function takeDispatchWindow(size: number, start: SweepStart | null): Promise<TakenWindow> {
  const [row] = await getDb().$queryRaw<Array<{ organizationIds: string[]; joinLap: number; joinAfter: string; lapDone: boolean }>>`
    SELECT * FROM callboard_take_dispatch_window(${size}::int, ${start?.lap ?? null}::int, ${start?.after ?? null}::text)`;
  return { organizationIds: row!.organizationIds, start: { lap: row!.joinLap, after: row!.joinAfter }, lapDone: row!.lapDone };
}

/** These clinics planned as a window's are (callboard_plan_dispatch_clinics): the ones that can take calls now, longest waiting first. */
export async function planDispatchClinics(now: Date, organizationIds: readonly string[], slotsPerClinic = ROUND_SLOTS_PER_CLINIC): Promise<PlannedClinic[]> {
  if (organizationIds.length === 0) return [];
  const rows = await getDb().$queryRaw<PlannedClinic[]>`
    SELECT * FROM callboard_plan_dispatch_clinics(${now}::timestamptz, ${organizationIds}::text[], ${slotsPerClinic}::int)`;
  return servable(rows);
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
