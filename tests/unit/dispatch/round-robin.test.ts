import { describe, expect, it } from "vitest";
import { roundRobin, type PlannedClinic } from "@/lib/dispatch/plan-dispatch-round";

const clinic = (organizationId: string, slots: number): PlannedClinic => ({ organizationId, slots, firstDue: new Date(0) });

describe("roundRobin: the order a round hands out dial slots", () => {
  it("gives every clinic its first call before any clinic its second, in the plan's order", () => {
    expect(roundRobin([clinic("big", 4), clinic("a", 1), clinic("b", 2)])).toEqual(["big", "a", "b", "big", "b", "big", "big"]);
  });

  it("hands out exactly each clinic's free slots", () => {
    const order = roundRobin([clinic("a", 3), clinic("b", 0), clinic("c", 5)]);
    expect(order.filter((id) => id === "a")).toHaveLength(3);
    expect(order).not.toContain("b");
    expect(order.filter((id) => id === "c")).toHaveLength(5);
    expect(order.slice(0, 2)).toEqual(["a", "c"]);
  });

  it("is empty for an empty plan", () => {
    expect(roundRobin([])).toEqual([]);
  });
});
