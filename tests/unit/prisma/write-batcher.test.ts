import { describe, expect, it } from "vitest";
import { createWriteBatcher } from "@/lib/prisma/write-batcher";

/** A write whose batches are recorded and held until released, so a test decides when each "statement" finishes. */
function heldWrites(fail: (item: number) => boolean = () => false) {
  const batches: number[][] = [];
  const waiting: Array<() => void> = [];
  const write = async (items: number[]) => {
    batches.push([...items]);
    await new Promise<void>((resolve) => waiting.push(resolve));
    if (items.some(fail)) throw new Error(`refused ${items.filter(fail).join(",")}`);
    return items.map((item) => item * 10);
  };
  const releaseAll = async () => {
    while (waiting.length > 0) {
      waiting.splice(0).forEach((resolve) => resolve());
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, write, releaseAll, pending: () => waiting.length };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe("createWriteBatcher", () => {
  it("sends what arrives in one turn as one batch, and each caller gets its own result", async () => {
    const held = heldWrites();
    const write = createWriteBatcher({ write: held.write, maxBatch: 100, maxInFlight: 1 });
    const results = Promise.all([1, 2, 3].map(write));
    await turn();
    expect(held.batches).toEqual([[1, 2, 3]]);
    await held.releaseAll();
    expect(await results).toEqual([10, 20, 30]);
  });

  it("queues what arrives while batches are in flight and sends it together when one finishes", async () => {
    const held = heldWrites();
    const write = createWriteBatcher({ write: held.write, maxBatch: 100, maxInFlight: 2 });
    const first = write(1);
    await turn();
    const second = write(2);
    await turn();
    const rest = [3, 4, 5].map(write);
    await turn();
    expect(held.batches).toEqual([[1], [2]]); // two in flight: 3, 4 and 5 wait
    await held.releaseAll();
    expect(held.batches).toEqual([[1], [2], [3, 4, 5]]);
    expect(await Promise.all([first, second, ...rest])).toEqual([10, 20, 30, 40, 50]);
  });

  it("never puts more than maxBatch items in one batch", async () => {
    const held = heldWrites();
    const write = createWriteBatcher({ write: held.write, maxBatch: 2, maxInFlight: 1 });
    const results = Promise.all([1, 2, 3, 4, 5].map(write));
    await turn();
    await held.releaseAll();
    expect(held.batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(await results).toEqual([10, 20, 30, 40, 50]);
  });

  it("writes a failed batch again item by item, so only the bad item's caller sees the error", async () => {
    const held = heldWrites((item) => item === 2);
    const write = createWriteBatcher({ write: held.write, maxBatch: 100, maxInFlight: 1 });
    const settled = Promise.allSettled([1, 2, 3].map(write));
    await turn();
    await held.releaseAll();
    const outcomes = await settled;
    expect(held.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(outcomes[0]).toMatchObject({ value: 10 });
    expect(outcomes[1]).toMatchObject({ reason: new Error("refused 2") });
  });

  it("keeps working after a failure, and alone an item waits for nothing", async () => {
    const held = heldWrites((item) => item < 0);
    const write = createWriteBatcher({ write: held.write, maxBatch: 100, maxInFlight: 1 });
    const bad = write(-1).catch((error: Error) => error.message);
    await turn();
    await held.releaseAll();
    expect(await bad).toBe("refused -1");
    const good = write(7);
    await turn();
    expect(held.pending()).toBe(1);
    await held.releaseAll();
    expect(await good).toBe(70);
  });
});
