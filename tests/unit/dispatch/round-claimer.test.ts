import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ClaimedCall, ClinicWant } from "@/lib/dispatch/claim-due-calls";
import type { PlannedClinic } from "@/lib/dispatch/plan-dispatch-round";

// A fleet in memory: each clinic's free slots. Planning lists the clinics with a free slot; a claim
// takes from each wanted clinic what its free slots allow (what the SQL does under each clinic's lock).
const fleet = vi.hoisted(() => ({
  free: new Map<string, number>(),
  plans: 0,
  claims: 0,
  /** Runs before a claim: another run serving clinics in between. */
  beforeClaim: null as ((wants: readonly { organizationId: string }[]) => void) | null,
}));

vi.mock("@/lib/dispatch/plan-dispatch-round", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/dispatch/plan-dispatch-round")>();
  return {
    ...original,
    planDispatchRound: async (): Promise<PlannedClinic[]> => {
      fleet.plans++;
      return [...fleet.free].filter(([, slots]) => slots > 0).map(([organizationId, slots]) => ({ organizationId, slots, firstDue: new Date(0) }));
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

function clinics(count: number) {
  fleet.free = new Map(Array.from({ length: count }, (_, i) => [`clinic_${String(i).padStart(4, "0")}`, 1]));
  fleet.plans = 0;
  fleet.claims = 0;
  fleet.beforeClaim = null;
}

describe("round claimer", () => {
  beforeEach(() => clinics(0));

  it("a run alone walks its round once: one plan, one claim per chunk, every clinic served once", async () => {
    clinics(1_000);
    const claim = createRoundClaimer({ runId: "run", now: () => new Date() });
    const served: string[] = [];
    for (let got = await claim(10, true); got.length > 0; got = await claim(10, true)) served.push(...got.map((call) => call.organizationId));
    expect(new Set(served).size).toBe(1_000);
    expect(served).toHaveLength(1_000);
    // 100 chunks of 10, then the plan that finds nobody left.
    expect(fleet.claims).toBe(100);
    expect(fleet.plans).toBe(2);
  });

  it("a round another run has served is planned again instead of walked chunk by chunk", async () => {
    clinics(1_000);
    const claim = createRoundClaimer({ runId: "run", now: () => new Date() });
    expect(await claim(10, true)).toHaveLength(10);
    // Another run takes the rest of the fleet but 5 clinics.
    const left = [...fleet.free.keys()].filter((id) => fleet.free.get(id)! > 0);
    for (const id of left.slice(5)) fleet.free.set(id, 0);
    const claimsBefore = fleet.claims;

    const got = await claim(10, true);
    expect(got.map((call) => call.organizationId).sort()).toEqual(left.slice(0, 5).sort());
    // One empty chunk, a new plan, the 5 clinics in one chunk — not the 98 chunks left of the stale round.
    expect(fleet.claims - claimsBefore).toBe(2);
    expect(fleet.plans).toBe(2);
    expect(await claim(10, true)).toEqual([]);
    expect(fleet.plans).toBe(3);
  });

  it("a fresh round whose first chunk another run took is walked on: an idle run does not stop while clinics wait", async () => {
    clinics(30);
    fleet.beforeClaim = (wants) => {
      for (const { organizationId } of wants) fleet.free.set(organizationId, 0);
      fleet.beforeClaim = null;
    };
    const claim = createRoundClaimer({ runId: "run", now: () => new Date() });
    expect(await claim(10, true)).toHaveLength(10);
    expect(fleet.plans).toBe(1);
    expect(await claim(10, true)).toHaveLength(10);
    expect(await claim(10, true)).toEqual([]);
    expect([...fleet.free.values()].every((slots) => slots === 0)).toBe(true);
  });
});
