import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ClaimedCall, ClinicWant } from "@/lib/dispatch/claim-due-calls";
import type { TakenWindow } from "@/lib/dispatch/plan-dispatch-round";

// A fleet in memory: each clinic's free slots (its rank: its place in id order), and the windows taken
// so far. Window w holds the ranks of (w mod n)·size to (w mod n + 1)·size, n being the windows the fleet
// fills, and comes planned: its clinics with free slots (what callboard_take_dispatch_window does); a
// claim takes from each wanted clinic what its free slots allow (what the SQL does under each clinic's lock).
const fleet = vi.hoisted(() => ({
  free: new Map<string, number>(),
  windows: 0,
  /** The window each clinic was first read in. */
  firstRead: new Map<string, number>(),
  sweeps: 0,
  claims: 0,
  /** Runs before a claim: another run serving clinics in between. */
  beforeClaim: null as ((wants: readonly { organizationId: string }[]) => void) | null,
}));

vi.mock("@/lib/dispatch/plan-dispatch-round", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/dispatch/plan-dispatch-round")>();
  return {
    ...original,
    returnExpiredLeases: async () => {
      fleet.sweeps++;
    },
    takeDispatchWindow: async (_now: Date, size: number): Promise<TakenWindow> => {
      const number = fleet.windows++;
      const ids = [...fleet.free.keys()].sort();
      const windowsInLap = Math.max(1, Math.ceil(ids.length / size));
      const read = ids.slice((number % windowsInLap) * size, ((number % windowsInLap) + 1) * size);
      for (const id of read) if (!fleet.firstRead.has(id)) fleet.firstRead.set(id, fleet.windows);
      const clinics = read
        .filter((id) => fleet.free.get(id)! > 0)
        .map((organizationId) => ({ organizationId, slots: fleet.free.get(organizationId)!, firstDue: new Date(0) }));
      return { number, windowsInLap, clinics };
    },
  };
});

vi.mock("@/lib/dispatch/claim-due-calls", () => ({
  claimForClinics: async (wants: readonly ClinicWant[]): Promise<ClaimedCall[]> => {
    fleet.claims++;
    fleet.beforeClaim?.(wants);
    const claimed: ClaimedCall[] = [];
    for (const { organizationId, count } of wants) {
      const take = Math.min(count, fleet.free.get(organizationId) ?? 0);
      fleet.free.set(organizationId, (fleet.free.get(organizationId) ?? 0) - take);
      for (let i = 0; i < take; i++) claimed.push({ id: `${organizationId}_${i}`, organizationId } as ClaimedCall);
    }
    return claimed;
  },
}));

const { createRoundClaimer } = await import("@/lib/dispatch/claim-in-rounds");

function clinics(count: number, slots = 1) {
  fleet.free = new Map(Array.from({ length: count }, (_, i) => [`clinic_${String(i).padStart(4, "0")}`, slots]));
  fleet.windows = 0;
  fleet.firstRead = new Map();
  fleet.sweeps = 0;
  fleet.claims = 0;
  fleet.beforeClaim = null;
}

async function drain(claim: ReturnType<typeof createRoundClaimer>, limit = 10): Promise<string[]> {
  const served: string[] = [];
  for (let got = await claim(limit, true); got.length > 0; got = await claim(limit, true)) served.push(...got.map((call) => call.organizationId));
  return served;
}

describe("round claimer: sweeps of the fleet in numbered windows", () => {
  beforeEach(() => clinics(0));

  it("a run alone serves every clinic once, a chunk a claim, reading the fleet in windows", async () => {
    clinics(1_000);
    const claim = createRoundClaimer({ runId: "run", now: () => new Date(), windowClinics: 100 });
    const served = await drain(claim);
    expect(new Set(served).size).toBe(1_000);
    expect(served).toHaveLength(1_000);
    // 100 chunks of 10 (a window boundary inside a chunk adds at most one claim per window).
    expect(fleet.claims).toBeGreaterThanOrEqual(100);
    expect(fleet.claims).toBeLessThanOrEqual(110);
    // One sweep that served everyone, then one that found nobody left: ~11 windows each.
    expect(fleet.sweeps).toBe(2);
    expect(fleet.windows).toBeLessThanOrEqual(2 * 13);
  });

  it("overlapping runs split the fleet: each window is read by one run, and each clinic served once", async () => {
    clinics(1_000);
    const runs = [0, 1, 2].map((i) => ({
      claim: createRoundClaimer({ runId: `run${i}`, now: () => new Date(), windowClinics: 100 }),
      served: [] as string[],
      waiting: false,
    }));
    // Like runDispatcher: a run claims with dials in flight; finding nothing, it waits for them (its next
    // claim is idle) and stops when an idle claim finds nothing.
    for (let active = [...runs]; active.length > 0;) {
      for (const run of [...active]) {
        const got = await run.claim(10, run.waiting);
        run.served.push(...got.map((call) => call.organizationId));
        if (got.length === 0 && run.waiting) active = active.filter((other) => other !== run);
        run.waiting = got.length === 0;
      }
    }
    const served = runs.flatMap((run) => run.served);
    expect(served).toHaveLength(1_000);
    expect(new Set(served).size).toBe(1_000);
    for (const run of runs) expect(run.served.length).toBeGreaterThan(200);
    // The first lap's 10 windows went one to a run: every clinic was read by the 10th window (three runs
    // each sweeping the fleet on its own would read it three times over).
    expect(Math.max(...fleet.firstRead.values())).toBe(10);
  });

  it("the next run goes on where the last one stopped", async () => {
    clinics(100);
    const first = createRoundClaimer({ runId: "first", now: () => new Date(), windowClinics: 10 });
    const firstServed = (await first(10, true)).map((call) => call.organizationId);
    // Its budget ends here; the next cron run starts a run of its own.
    const next = createRoundClaimer({ runId: "next", now: () => new Date(), windowClinics: 10 });
    const nextServed = (await next(10, true)).map((call) => call.organizationId);
    expect(firstServed).toEqual([...fleet.free.keys()].sort().slice(0, 10));
    expect(nextServed).toEqual([...fleet.free.keys()].sort().slice(10, 20));
  });

  it("a clinic's second turn waits for every clinic's first, across windows; its third for every second", async () => {
    clinics(9);
    fleet.free.set("clinic_0002", 3);
    fleet.free.set("clinic_0007", 2);
    const claim = createRoundClaimer({ runId: "run", now: () => new Date(), windowClinics: 2 });
    const served = await drain(claim, 1);
    expect(served.slice(0, 9).sort()).toEqual([...fleet.free.keys()].sort());
    expect(served.slice(9, 11).sort()).toEqual(["clinic_0002", "clinic_0007"]);
    expect(served.slice(11)).toEqual(["clinic_0002"]);
  });

  it("a window another run is serving is left for the next one, not walked chunk by chunk", async () => {
    clinics(1_000);
    const claim = createRoundClaimer({ runId: "run", now: () => new Date(), windowClinics: 500 });
    expect(await claim(10, true)).toHaveLength(10);
    // Another run takes every clinic but 5 (spread over the fleet).
    const left = [...fleet.free.keys()].filter((id) => fleet.free.get(id)! > 0);
    const keep = [left[3]!, left[200]!, left[400]!, left[700]!, left[900]!];
    for (const id of left) if (!keep.includes(id)) fleet.free.set(id, 0);
    const claimsBefore = fleet.claims;

    const served = await drain(claim);
    expect(served.sort()).toEqual([...keep].sort());
    // Far fewer than the 99 chunks left of the fleet's 1,000 turns: a window is dropped at its first empty chunk.
    expect(fleet.claims - claimsBefore).toBeLessThan(15);
  });

  it("one at a time, a single clinic another run took does not drop the rest of the window", async () => {
    clinics(30);
    let calls = 0;
    fleet.beforeClaim = (wants) => {
      if (++calls === 2) for (const { organizationId } of wants) fleet.free.set(organizationId, 0);
    };
    const claim = createRoundClaimer({ runId: "run", now: () => new Date() });
    expect(await drain(claim, 1)).toHaveLength(29);
    // The sweep that served 29, then the one that found nobody: no sweep in between for a dropped window.
    expect(fleet.sweeps).toBe(2);
  });

  it("a fresh window whose first chunk another run took is walked on: an idle run does not stop while clinics wait", async () => {
    clinics(30);
    fleet.beforeClaim = (wants) => {
      for (const { organizationId } of wants) fleet.free.set(organizationId, 0);
      fleet.beforeClaim = null;
    };
    const claim = createRoundClaimer({ runId: "run", now: () => new Date() });
    const served = await drain(claim);
    expect(served).toHaveLength(20);
    expect([...fleet.free.values()].every((slots) => slots === 0)).toBe(true);
  });

  it("a fleet that grows by a window mid-lap is still read whole in that sweep", async () => {
    clinics(300);
    // The sequence is past its first lap: window 4 is the fleet's second range while it fills three.
    fleet.windows = 4;
    // A clinic signs up once the sweep has read its first window: the fleet fills four windows now, and
    // window w is range w mod 4 — window 5 is the second range again, and no window of the lap is the first.
    fleet.beforeClaim = () => {
      fleet.free.set("clinic_9999", 0);
      fleet.beforeClaim = null;
    };
    const claim = createRoundClaimer({ runId: "run", now: () => new Date(), windowClinics: 100 });
    const served = (await claim(1_000, true)).map((call) => call.organizationId);
    expect(fleet.sweeps).toBe(1);
    expect(new Set(served).size).toBe(300);
  });

  it("after a sweep that claimed nothing, a busy run does not read the fleet again; an idle one does", async () => {
    clinics(50, 0);
    const claim = createRoundClaimer({ runId: "run", now: () => new Date(), windowClinics: 10 });
    expect(await claim(10, true)).toEqual([]);
    const windows = fleet.windows;
    expect(await claim(10, false)).toEqual([]);
    expect(fleet.windows).toBe(windows);
    fleet.free.set("clinic_0042", 1);
    expect(await claim(10, true)).toHaveLength(1);
  });
});
