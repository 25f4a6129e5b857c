import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { takeDispatchWindow, type TakenWindow } from "@/lib/dispatch/plan-dispatch-round";
import { createDispatchOrganization, createDueCalls } from "../../factories/dispatch";

// The windows a sweep takes (callboard_take_dispatch_window): numbered from a sequence, each a range of
// the clinics' dispatch ranks, planned in the same statement.
describe("dispatch windows", () => {
  const servable = new Set<string>();
  const capped = new Set<string>();
  let idle = "";

  beforeAll(async () => {
    for (let i = 0; i < 12; i++) {
      const organization = await createDispatchOrganization({ concurrencyLimit: i % 4 === 0 ? 0 : 2 });
      await createDueCalls(organization.id, 3, { offset: 40_000 + i * 3 });
      (i % 4 === 0 ? capped : servable).add(organization.id);
    }
    idle = (await createDispatchOrganization()).id;
  });

  /** Every clinic a lap of windows from `first` on lists, with how often. */
  function listed(windows: TakenWindow[]) {
    const seen = new Map<string, number>();
    for (const window of windows) for (const clinic of window.clinics) seen.set(clinic.organizationId, (seen.get(clinic.organizationId) ?? 0) + 1);
    return seen;
  }

  it("a lap of windows lists every clinic that can take a call once, with its free slots, and no capped or idle clinic", async () => {
    const first = await takeDispatchWindow(new Date(), 5);
    const windows = [first];
    while (windows.length < first.windowsInLap) windows.push(await takeDispatchWindow(new Date(), 5));
    expect(windows.map((window) => window.number)).toEqual(windows.map((_, i) => first.number + i));

    const seen = listed(windows);
    expect(new Set(seen.keys())).toEqual(servable);
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
    for (const id of [...capped, idle]) expect(seen.has(id)).toBe(false);
    expect(windows.flatMap((window) => window.clinics).every((clinic) => clinic.slots === 2)).toBe(true);
  });

  it("runs taking windows at once get different ones and split the fleet between them", async () => {
    const { windowsInLap } = await takeDispatchWindow(new Date(), 3);
    const taken = await Promise.all(Array.from({ length: windowsInLap }, () => takeDispatchWindow(new Date(), 3)));
    expect(new Set(taken.map((window) => window.number)).size).toBe(windowsInLap);
    const seen = listed(taken);
    expect(new Set(seen.keys())).toEqual(servable);
    expect([...seen.values()].every((times) => times === 1)).toBe(true);
  });

  it("a clinic created after the first lap gets a window in the next one", async () => {
    const late = await createDispatchOrganization({ concurrencyLimit: 1 });
    await createDueCalls(late.id, 1, { offset: 41_000 });
    const first = await takeDispatchWindow(new Date(), 5);
    const windows = [first];
    while (windows.length < first.windowsInLap) windows.push(await takeDispatchWindow(new Date(), 5));
    expect(listed(windows).get(late.id)).toBe(1);
    await getDb().organization.delete({ where: { id: late.id } });
  });
});
