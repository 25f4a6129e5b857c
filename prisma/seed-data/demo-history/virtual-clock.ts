/**
 * The seed's clock for writing history "as of" a past instant. The demo history runs the product's real
 * paths — dispatcher, dial, simulator, signed webhook, agent tools — and each of them reads the time where it
 * always does: `new Date()` / `Date.now()` (Prisma fills `@default(now())` and `@updatedAt` the same way, and
 * the raw SQL paths stamp rows with the app's clock too). So instead of threading a clock through every
 * function, the seed process — a child process of its own, only on the first start — swaps the global `Date`
 * for one that reads a virtual time while the history plays, and puts the real one back afterwards.
 *
 * Virtual time stands still until the seed moves it (to the next event, or a call's next step), never back:
 * what a step writes does not depend on how fast this machine is, so the same plan gives the same history.
 * (Rows written in one step share an instant; their ids, which carry a counter, keep their order.) Only the
 * no-argument forms change: `new Date(x)`, `Date.UTC`, `Date.parse` and every existing Date behave as always,
 * and Dates made before or after still pass `instanceof Date`. Timers (setTimeout, AbortSignal.timeout) are
 * untouched.
 *
 * For the same reason `Math.random` — the retry backoff's jitter — draws from the seed's PRNG meanwhile.
 */
const RealDate = Date;
const realRandom = Math.random;

export interface VirtualClock {
  /** The virtual time now, in ms. */
  now(): number;
  /** Moves the virtual time to `at` (never backwards: an earlier instant leaves it where it is). */
  advanceTo(at: number): void;
  advanceBy(ms: number): void;
  /** Puts the real Date and Math.random back. */
  uninstall(): void;
}

let installed = false;

export function installVirtualClock(start: number, random?: () => number): VirtualClock {
  if (installed) throw new Error("A virtual clock is installed already.");
  let current = start;
  const now = () => current;

  class VirtualDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now();
    }
    // Dates made by the real constructor (Node internals, before install) are Dates too.
    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = VirtualDate as DateConstructor;
  if (random) Math.random = random;
  installed = true;

  return {
    now,
    advanceTo(at) {
      current = Math.max(current, at);
    },
    advanceBy(ms) {
      current += Math.max(0, ms);
    },
    uninstall() {
      globalThis.Date = RealDate;
      Math.random = realRandom;
      installed = false;
    },
  };
}
