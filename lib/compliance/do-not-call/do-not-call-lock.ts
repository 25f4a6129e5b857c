import { Prisma } from "@/lib/generated/prisma/client";
import type { RawQueryClient } from "@/lib/prisma/raw-query-client";

/**
 * The clinic's do-not-call lock (transaction-scoped, so it works through a transaction-mode pooler). It
 * orders every dial against every change that makes a patient uncallable — a number put on the list, a
 * consent set to none — so a change either commits before the dial re-reads the list and the consent
 * under it (the dial is refused), or after the dial is marked sent (the dial came first). Dials take it
 * shared (they never wait for each other), after the patient's lock: `callboard_start_scheduled_attempt`
 * for the dispatcher, recheckDoNotCall for "Call now" and the test call. Changes take it exclusive with
 * lockDoNotCallForChange. The key is the one the SQL function computes.
 */
function doNotCallLockKey(organizationId: string): Prisma.Sql {
  return Prisma.sql`hashtextextended(${`callboard:do-not-call:${organizationId}`}, 0)`;
}

/** A dial's side: shared, after the patient's lock; what is read in later statements of the transaction is what committed before any change waiting for it. */
export async function lockDoNotCallForDial(db: RawQueryClient, organizationId: string): Promise<void> {
  await db.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock_shared(${doNotCallLockKey(organizationId)})`;
}

/**
 * A change's side: exclusive, as the **last statement** of the transaction that lists a number or sets
 * a consent to none (whatever it writes may come before). Held only for the commit, so a 100,000-row
 * import stops the clinic's dials for a moment, not for its whole transaction; and last, so the
 * transaction holding it waits for nothing more — no cycle can go through it (docs/do-not-call-and-consent.md).
 */
export async function lockDoNotCallForChange(db: RawQueryClient, organizationId: string): Promise<void> {
  await db.$queryRaw`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${doNotCallLockKey(organizationId)})`;
}
