/**
 * The seed's clock for writing history "as of" a past instant. The demo history runs the product's real
 * paths — dispatcher, dial, simulator, signed webhook, agent tools — and each of them reads the time where it
 * always does: `new Date()` / `Date.now()` (Prisma fills `@default(now())` and `@updatedAt` the same way, and
 * the raw SQL paths stamp rows with the app's clock too). So instead of threading a clock through every
 * function, the seed process — a child process of its own, only on the first start — swaps the global `Date`
 * for one that reads a virtual time while the history plays, and puts the real one back afterwards.
 *
 * Virtual time moves on with real time (so rows written in one step keep their order) and jumps forward
 * when the seed moves to the next event; it never goes back. Only the no-argument forms change:
 * `new Date(x)`, `Date.UTC`, `Date.parse` and every existing Date behave as always, and Dates made
 * before or after still pass `instanceof Date`. Timers (setTimeout, AbortSignal.timeout) are untouched.
 */
const RealDate = Date;

export interface VirtualClock {
  /** The virtual time now, in ms. */
  now(): number;
  /** Moves the virtual time to `at` (never backwards: an earlier instant leaves it where it is). */
  advanceTo(at: number): void;
  advanceBy(ms: number): void;
  /** Puts the real Date back. */
  uninstall(): void;
}

let installed = false;

export function installVirtualClock(start: number): VirtualClock {
  if (installed) throw new Error("A virtual clock is installed already.");
  let base = start;
  let realAtBase = RealDate.now();
  const now = () => base + (RealDate.now() - realAtBase);

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
  installed = true;

  return {
    now,
    advanceTo(at) {
      if (at <= now()) return;
      base = at;
      realAtBase = RealDate.now();
    },
    advanceBy(ms) {
      base = now() + ms;
      realAtBase = RealDate.now();
    },
    uninstall() {
      globalThis.Date = RealDate;
      installed = false;
    },
  };
}
