import { claimForClinics, type ClaimedCall } from "@/lib/dispatch/claim-due-calls";
import { returnExpiredLeases, roundRobin, takeDispatchWindow, WINDOW_CLINICS, type PlannedClinic } from "@/lib/dispatch/plan-dispatch-round";

/** Hands a run's free dial slots out in turns across clinics; `idle` says the run has no dial in flight. */
export type RoundClaimer = (limit: number, idle: boolean) => Promise<ClaimedCall[]>;

/** One lap of the fleet's windows, from the first this run took until every window of the fleet has been taken since. */
interface Sweep {
  /** The number of the window the sweep's lap is counted from; null before its first. */
  start: number | null;
  /** The windows the fleet filled when the lap began: a lap is counted again from where it changes. */
  windowsInLap: number | null;
  /** Every window has been taken since `start` (by this run or another), or windows in a row had nobody to call. */
  done: boolean;
  /** Windows in a row with no clinic that could take a call. */
  emptyWindows: number;
  /** Clinics with more than one free slot, with the slots left after their first turn: the turns after the sweep's first pass. */
  later: PlannedClinic[];
  claimed: number;
}

/**
 * A dispatcher run's claims across the fleet. The run sweeps the fleet in windows of `windowClinics`
 * clinics (`takeDispatchWindow`: numbered fleet-wide from a sequence, each a range of the clinics'
 * dispatch ranks, planned in the same round trip), so a plan costs what its window holds and a claim's
 * cost follows the calls it takes, not the number of clinics with backlogs. Overlapping runs take
 * consecutive windows and so split the fleet (each window of a lap is read by one run) without waiting
 * for each other; a run whose budget ends mid-lap leaves the next window to the next run. The sweep's
 * first pass gives every clinic with a free slot in its windows one turn; once every window has been
 * taken since the sweep began (every clinic had a window, from this run or another), the clinics with
 * more free slots get theirs, round robin (every clinic's second call before anyone's third), from
 * what the windows said, without reading the fleet again — a big clinic cannot take a run before every
 * other clinic's first call. Turns are claimed in chunks the size of the run's free dial slots; a
 * clinic another run is claiming (a refill) is skipped, not waited for. Ten turns in a row that claim
 * nothing, after the window has claimed something, mean the window's clinics are being served
 * elsewhere: the run moves on (a fresh window's empty turns are walked on, so an idle run never stops
 * while clinics wait).
 *
 * When a sweep ends, the next starts at once if the last one claimed something, otherwise only once
 * the run is idle (a fleet of capped clinics is not re-read after every dial); a call starts at most
 * one sweep. Each sweep first returns expired leases to the queue. (Before the shared windows each run
 * swept the whole fleet from a random clinic: 8 runs read every window 8 times, 132 plans where 4
 * would do at 2,000 clinics. Before the numbered windows a cursor row handed them out, and 8 claimers
 * queued for it.)
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
          const clinics = await readWindow(sweep, options.now(), options.windowClinics ?? WINDOW_CLINICS, idle);
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
  return { start: null, windowsInLap: null, done: false, emptyWindows: 0, later: [], claimed: 0 };
}

/**
 * Windows in a row with every clinic capped (or served by other runs this lap) that end a busy run's
 * sweep early: the windows go on in order, so the next sweep takes the one after and no clinic is passed
 * over, but a run with dials in flight does not read a whole lap of capped clinics for nothing every
 * time its sweep ends. An idle run reads the lap to its end before it stops: nobody waits for the next run.
 */
const EMPTY_WINDOWS = 2;

/**
 * The next window of the fleet, planned, longest waiting first; marks the sweep done once every window has
 * been taken since its lap began. Window w is range w mod n, so when the fleet grows (or shrinks) across a
 * window's worth of clinics mid-lap, n changes and the windows after it map to other ranges: the lap is
 * counted again from there (n windows in a row under one n cover every range), or one range could be skipped.
 */
async function readWindow(sweep: Sweep, now: Date, size: number, idle: boolean): Promise<PlannedClinic[]> {
  const { number, windowsInLap, clinics } = await takeDispatchWindow(now, size);
  const start = sweep.start !== null && sweep.windowsInLap === windowsInLap ? sweep.start : number;
  sweep.start = start;
  sweep.windowsInLap = windowsInLap;
  sweep.emptyWindows = clinics.length === 0 ? sweep.emptyWindows + 1 : 0;
  if (number - start + 1 >= windowsInLap || (!idle && sweep.emptyWindows >= EMPTY_WINDOWS)) sweep.done = true;
  return clinics;
}

function countByClinic(turns: readonly string[]) {
  const counts = new Map<string, number>();
  for (const id of turns) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([organizationId, count]) => ({ organizationId, count }));
}
