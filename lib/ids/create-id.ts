import { randomBytes, randomInt } from "node:crypto";

const BLOCK = 36 ** 4;
let counter = randomInt(BLOCK);

/**
 * A collision-resistant id in the shape of Prisma's `cuid()` (25 lower-case characters starting with
 * "c": time, a per-process counter, then 64 random bits), for rows written with raw SQL in bulk —
 * where Prisma's client-side default does not run — so they look like every other row's id.
 */
export function createId(): string {
  counter = (counter + 1) % BLOCK;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const count = counter.toString(36).padStart(4, "0");
  const random = randomBytes(8).readBigUInt64BE().toString(36).padStart(13, "0").slice(-12);
  return `c${time}${count}${random}`;
}
