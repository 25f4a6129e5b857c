import { claimForClinics, type ClaimedCall } from "@/lib/dispatch/claim-due-calls";
import {
  byLongestWaiting,
  organizationIdRange,
  planDispatchWindow,
  returnExpiredLeases,
  roundRobin,
  WINDOW_CLINICS,
  type PlannedClinic,
} from "@/lib/dispatch/plan-dispatch-round";
import { randomKeyBetween } from "@/lib/dispatch/random-key";

/** Hands a run's free dial slots out in turns across clinics; `idle` says the run has no dial in flight. */
export type RoundClaimer = (limit: number, idle: boolean) => Promise<ClaimedCall[]>;

/** One pass over the fleet in id order: from `start` to the last id, then from the first id to `start`. */
interface Sweep {
  start: string;
  /** The last clinic read; the next window begins after it. */
  after: string;
  /** On the second stretch, from the first id up to `start`. */
  wrapped: boolean;
  /** Both stretches read. */
  done: boolean;
  /** Clinics with more than one free slot, with the slots left after their first turn: the turns after the sweep's first pass. */
  later: PlannedClinic[];
  claimed: number;
}

/**
 * A dispatcher run's claims across the fleet. The run sweeps the fleet in windows of `windowClinics`
 * clinics with due work (`planDispatchWindow`, in id order, from a random clinic on and wrapping
 * around), so a plan costs what its window holds and a claim's cost follows the calls it takes, not the
 * number of clinics with backlogs. The sweep's first pass gives every clinic with a free slot one turn,
 * window by window; then the clinics with more free slots get theirs, round robin (every clinic's
 * second call before anyone's third), from what the windows said, without reading the fleet again — a
 * big clinic cannot take a run before every other clinic's first call. Turns are claimed in chunks the
 * size of the run's free dial slots; a clinic another run is claiming is skipped, not waited for. Ten
 * turns in a row that claim nothing, after the window has claimed something, mean another run is
 * serving that window: the run moves on (a fresh window's empty turns are walked on, so an idle run
 * never stops while clinics wait). Overlapping runs start at different clinics and spread over the fleet; one whose
 * budget ends mid-sweep leaves the rest to the next run, which starts somewhere else.
 *
 * When a sweep ends, the next starts at once if the last one claimed something, otherwise only once
 * the run is idle (a fleet of capped clinics is not re-read after every dial); a call starts at most
 * one sweep, so it reads the fleet at most once. Each sweep first returns expired leases to the queue.
 * (The whole fleet planned at once cost ~165 ms at 10,000 clinics, and 8 overlapping runs planned it
 * again and again as they met each other's stretches: 143 plans in one claims bench.)
 */
/** Turns in a row that claimed nothing, after the window claimed something: another run is serving it. */
const STALE_TURNS = 10;

export function createRoundClaimer(options: { runId: string; now: () => Date; leaseMs?: number; windowClinics?: number }): RoundClaimer {
  let turns: string[] = [];
  let next = 0;
  let windowClaimed = 0;
  let emptyTurns = 0;
  let sweep: Sweep | null = null;

  return async (limit, idle) => {
    const claimed: ClaimedCall[] = [];
    let sweepsStarted = 0;
    while (claimed.length < limit) {
      if (next >= turns.length) {
        if (sweep && !sweep.done) {
          const clinics = await readWindow(sweep, options.now(), options.windowClinics ?? WINDOW_CLINICS);
          for (const clinic of clinics) if (clinic.slots > 1) sweep.later.push({ ...clinic, slots: clinic.slots - 1 });
          turns = clinics.map((clinic) => clinic.organizationId);
        } else if (sweep && sweep.later.length > 0) {
          turns = roundRobin(sweep.later);
          sweep.later = [];
        } else {
          if (sweepsStarted > 0 || (sweep && sweep.claimed === 0 && !idle)) break;
          sweep = await startSweep(options.now());
          sweepsStarted++;
          continue;
        }
        next = 0;
        windowClaimed = emptyTurns = 0;
        continue;
      }
      const chunk = turns.slice(next, next + limit - claimed.length);
      next += chunk.length;
      // No lease check here: the sweep's start returned expired leases to the queue fleet-wide.
      const got = await claimForClinics(countByClinic(chunk), {
        runId: options.runId,
        now: options.now(),
        leaseMs: options.leaseMs,
        wait: false,
        reclaim: false,
      });
      windowClaimed += got.length;
      sweep!.claimed += got.length;
      claimed.push(...got);
      emptyTurns = got.length === 0 ? emptyTurns + chunk.length : 0;
      if (emptyTurns >= STALE_TURNS && windowClaimed > 0) next = turns.length;
    }
    return claimed;
  };
}

async function startSweep(now: Date): Promise<Sweep> {
  await returnExpiredLeases(now);
  const range = await organizationIdRange();
  const start = range ? randomKeyBetween(range.min, range.max) : "";
  return { start, after: start, wrapped: false, done: range === null, later: [], claimed: 0 };
}

/**
 * The next window of the sweep, planned. A window that reaches the end of the ids goes on from the
 * first (up to the sweep's start), so a fleet smaller than a window is one window, round robin across
 * all of it. Marks the sweep done when both stretches are read.
 */
async function readWindow(sweep: Sweep, now: Date, size: number): Promise<PlannedClinic[]> {
  const clinics: PlannedClinic[] = [];
  let wanted = size;
  while (!sweep.done && wanted > 0) {
    const window = await planDispatchWindow(now, { after: sweep.after, until: sweep.wrapped ? sweep.start : undefined, size: wanted });
    clinics.push(...window.clinics);
    if (window.last !== null) sweep.after = window.last;
    if (window.read < wanted) {
      // The end of this stretch: on to the other, or done.
      if (sweep.wrapped) sweep.done = true;
      else Object.assign(sweep, { wrapped: true, after: "" });
    }
    wanted -= window.read;
  }
  return clinics.sort(byLongestWaiting);
}

function countByClinic(turns: readonly string[]) {
  const counts = new Map<string, number>();
  for (const id of turns) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([organizationId, count]) => ({ organizationId, count }));
}
