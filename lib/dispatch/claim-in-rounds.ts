import { claimForClinics, type ClaimedCall } from "@/lib/dispatch/claim-due-calls";
import { planDispatchRound, roundRobin } from "@/lib/dispatch/plan-dispatch-round";

/** Hands a run's free dial slots out in turns across clinics; `idle` says the run has no dial in flight. */
export type RoundClaimer = (limit: number, idle: boolean) => Promise<ClaimedCall[]>;

/**
 * A dispatcher run's claims across the fleet. A round is planned once (the clinics with due work and
 * free slots, `planDispatchRound`) and its turns are claimed in chunks the size of the run's free dial
 * slots, so a claim's cost follows the calls it takes, not the number of clinics with backlogs; the
 * plan's cost is shared by the whole round. A clinic another run is claiming is skipped, not waited
 * for. Each run starts its round at a random clinic, so overlapping runs spread over the fleet instead
 * of trailing one another through the same clinics. A chunk that claims nothing after the round has
 * claimed something means another run served the rest of it: the round is planned again (~165 ms at
 * 10,000 clinics) instead of walking turns other runs used up, a transaction each (up to a minute a
 * run, with 8 runs at 10,000 clinics). Such a re-plan follows a claim, so a call plans at most
 * `limit` + 1 times. When the round is used up the next is planned — at once if the last round
 * claimed something, otherwise only once the run is idle (so a fleet of capped clinics is not re-read
 * after every dial).
 */
export function createRoundClaimer(options: { runId: string; now: () => Date; leaseMs?: number }): RoundClaimer {
  let turns: string[] = [];
  let next = 0;
  let roundClaimed = 0;
  let planned = false;

  return async (limit, idle) => {
    const claimed: ClaimedCall[] = [];
    let replanned = false;
    let stale = false;
    while (claimed.length < limit) {
      if (next >= turns.length) {
        // One plan per call (more only for stale rounds), and a fruitless round is read again only when
        // the run has nothing in flight.
        if ((replanned && !stale) || (planned && roundClaimed === 0 && !idle)) break;
        stale = false;
        turns = roundRobin(rotate(await planDispatchRound(options.now())));
        next = 0;
        roundClaimed = 0;
        planned = replanned = true;
        if (turns.length === 0) break;
      }
      const chunk = turns.slice(next, next + limit - claimed.length);
      next += chunk.length;
      // No lease check here: the round's plan returned expired leases to the queue fleet-wide.
      const got = await claimForClinics(countByClinic(chunk), {
        runId: options.runId,
        now: options.now(),
        leaseMs: options.leaseMs,
        wait: false,
        reclaim: false,
      });
      roundClaimed += got.length;
      claimed.push(...got);
      if (got.length === 0 && roundClaimed > 0) {
        next = turns.length;
        stale = true;
      }
    }
    return claimed;
  };
}

/** The plan from a random clinic on, wrapping around (the order within each turn is otherwise kept). */
function rotate<T>(plan: readonly T[]): T[] {
  const start = Math.floor(Math.random() * plan.length);
  return [...plan.slice(start), ...plan.slice(0, start)];
}

function countByClinic(turns: readonly string[]) {
  const counts = new Map<string, number>();
  for (const id of turns) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([organizationId, count]) => ({ organizationId, count }));
}
