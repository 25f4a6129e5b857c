import { randomFillSync, randomInt } from "node:crypto";

const BLOCK = 36 ** 4;
let counter = randomInt(BLOCK);

/** Random bytes drawn 256 ids at a time: one call into the CSPRNG per id cost ~5 µs, the bulk import's longest step after phone numbers. */
const POOL = Buffer.alloc(8 * 256);
let poolOffset = POOL.length;

function random64(): bigint {
  if (poolOffset === POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  const value = POOL.readBigUInt64BE(poolOffset);
  poolOffset += 8;
  return value;
}

/**
 * A collision-resistant id in the shape of Prisma's `cuid()` (25 lower-case characters starting with
 * "c": time, a per-process counter, then 64 random bits), for rows written with raw SQL in bulk —
 * where Prisma's client-side default does not run — so they look like every other row's id.
 */
export function createId(): string {
  counter = (counter + 1) % BLOCK;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const count = counter.toString(36).padStart(4, "0");
  const random = random64().toString(36).padStart(13, "0").slice(-12);
  return `c${time}${count}${random}`;
}
