import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_OPENING_HOURS } from "@/lib/appointments/opening-hours";
import { planHistory, type HistoryClinic } from "@/prisma/seed-data/demo-history/plan-history";
import { installVirtualClock, type VirtualClock } from "@/prisma/seed-data/demo-history/virtual-clock";

const clinic: HistoryClinic = {
  timezone: "Australia/Sydney",
  callingDays: [1, 2, 3, 4, 5],
  callingWindowStart: 540,
  callingWindowEnd: 1020,
  openingHours: DEFAULT_OPENING_HOURS,
  contacts: Array.from({ length: 200 }, (_, i) => ({ id: `c${i}`, phoneNumber: `+6125550${String(i).padStart(4, "0")}` })),
  unknownPrefix: "+61255509",
  scale: 1,
};
// Saturday 5 December 2026, 01:25 in Sydney: today is closed, the running batch started on Friday.
const until = Date.parse("2026-12-04T14:25:00Z");
const local = (at: number) => new TZDate(at, clinic.timezone);

describe("the demo history's plan", () => {
  it("is the same for the same seed and end, and another for another seed", () => {
    expect(planHistory(clinic, { until, seed: 1 })).toEqual(planHistory(clinic, { until, seed: 1 }));
    expect(planHistory(clinic, { until, seed: 2 })).not.toEqual(planHistory(clinic, { until, seed: 1 }));
  });

  it("puts every event in the fortnight before the end, on open days, inside the clinic's hours", () => {
    const { events } = planHistory(clinic, { until, seed: 7 });
    expect(events.length).toBeGreaterThan(15);
    for (const event of events) {
      expect(event.at).toBeLessThanOrEqual(until);
      expect(event.at).toBeGreaterThan(until - 15 * 86_400_000);
      const day = local(event.kind === "batch" ? event.start : event.at);
      expect([1, 2, 3, 4, 5]).toContain(Number(format(day, "i")));
      const minute = day.getHours() * 60 + day.getMinutes();
      expect(minute).toBeGreaterThanOrEqual(540);
      expect(minute).toBeLessThan(1020);
    }
    expect(events.map((event) => event.at)).toEqual([...events.map((event) => event.at)].sort((a, b) => a - b));
  });

  it("has three batches — the last one still running at the end — staff calls and patients ringing in", () => {
    const { events, answers } = planHistory(clinic, { until, seed: 7 });
    const batches = events.filter((event) => event.kind === "batch");
    expect(batches).toHaveLength(3);
    const running = batches.at(-1)!;
    // Two calling hours (Friday 15:00–17:00) before the end: some of its calls fall after it.
    expect(format(local(running.start), "EEE HH:mm")).toBe("Fri 15:00");
    // Its calls need more calling time than those two hours: the rest wait for Monday.
    expect(running.contactIds.length * running.staggerMinutes).toBeGreaterThan(120);
    expect(events.some((event) => event.kind === "call_now")).toBe(true);
    expect(events.some((event) => event.kind === "inbound" && event.outcome === "escalated")).toBe(true);
    // Every patient a batch dials has a script; two in the first batch never pick up.
    for (const batch of batches) for (const id of batch.contactIds) expect(answers[clinic.contacts.find((c) => c.id === id)!.phoneNumber]).toBeDefined();
    expect(Object.values(answers).filter((script) => script.every((answer) => answer === "busy" || answer === "no-answer"))).toHaveLength(2);
    // No patient is in two batches.
    const ids = batches.flatMap((batch) => batch.contactIds);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("the seed's virtual clock", () => {
  let clock: VirtualClock | null = null;
  afterEach(() => {
    clock?.uninstall();
    clock = null;
  });

  it("makes new Date() and Date.now() read the virtual time, moving forward only, and puts the real Date back", () => {
    const real = Date;
    const realRandom = Math.random;
    const past = Date.parse("2026-11-20T00:00:00Z");
    clock = installVirtualClock(past, () => 0.25);
    expect(Date.now()).toBe(past);
    expect(new Date().getTime()).toBe(past);
    expect(Math.random()).toBe(0.25);
    // Explicit forms are untouched, and every Date is still a Date.
    expect(new Date(0).toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(new real() instanceof Date).toBe(true);
    clock.advanceTo(past + 3_600_000);
    expect(Date.now()).toBe(past + 3_600_000);
    clock.advanceTo(past);
    expect(Date.now()).toBe(past + 3_600_000);
    clock.advanceBy(25_000);
    expect(Date.now()).toBe(past + 3_625_000);
    clock.uninstall();
    clock = null;
    expect(Date).toBe(real);
    expect(Math.random).toBe(realRandom);
    expect(Date.now() - past).toBeGreaterThan(86_400_000);
  });
});
