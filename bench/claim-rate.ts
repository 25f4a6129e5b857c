// The claim statement alone: 8 loops calling claimDueCalls (50 rows a claim) until nothing is due,
// no dialing, a cap that never binds. Two shapes: 8 claimers on one clinic — they take turns on the
// clinic's advisory lock — and 8 clinics with one claimer each, which can run side by side.
import { randomUUID } from "node:crypto";
import type { Db } from "../lib/db";
import { claimDueCalls } from "../lib/dispatch/claim-due-calls";
import { count, goalRatio, line, percentile, sizeFromEnv, startCpuMeter, timeOnce, type BenchDatabase, type Result } from "./measure";
import { benchId, createBenchOrganization, deleteBenchOrganizations, seedDueCalls, vacuumCallTables } from "./organizations";

const ROWS = sizeFromEnv("BENCH_CLAIM_ROWS", 40_000);
const CLAIMERS = sizeFromEnv("BENCH_CLAIMERS", 8);
const LIMIT = sizeFromEnv("BENCH_CLAIM_LIMIT", 50);
export const GOAL_PER_SECOND = 5_000;

export const claimSizes = { claimRows: ROWS, claimers: CLAIMERS, claimLimit: LIMIT };

export interface ClaimRate {
  shape: string;
  rows: number;
  elapsedMs: number;
  perSecond: number;
  firstQuarterPerSecond: number;
  lastQuarterPerSecond: number;
  latency: Result;
}

interface Claim {
  startedAt: number;
  endedAt: number;
  rows: number;
}

async function claimUntilEmpty(organizationId: string, claims: Claim[]): Promise<void> {
  const runId = randomUUID();
  for (;;) {
    const startedAt = performance.now();
    const claimed = await claimDueCalls(organizationId, { runId, limit: LIMIT, now: new Date() });
    if (claimed.length === 0) return;
    claims.push({ startedAt, endedAt: performance.now(), rows: claimed.length });
  }
}

async function shape(db: Db, name: string, organizations: number): Promise<ClaimRate> {
  const ids: string[] = [];
  try {
    for (let i = 0; i < organizations; i++)
      ids.push(await createBenchOrganization(db, benchId(`claim_${organizations}_${i}`), { openAllDay: true, concurrencyLimit: ROWS * 2 }));
    await timeOnce(`seed ${count(ROWS)} due calls in ${organizations} clinic${organizations === 1 ? "" : "s"}`, async () => {
      for (const id of ids) await seedDueCalls(db, id, Math.ceil(ROWS / organizations));
      await vacuumCallTables(db);
    });
    // Open the pool's connections first, so the first claims do not pay for them.
    await Promise.all(Array.from({ length: CLAIMERS }, () => db.$queryRawUnsafe(`SELECT 1`)));
    const claims: Claim[] = [];
    const cpu = startCpuMeter();
    const started = performance.now();
    await Promise.all(Array.from({ length: CLAIMERS }, (_, i) => claimUntilEmpty(ids[i % ids.length]!, claims)));
    const ended = performance.now();
    const cpuUsed = cpu();

    const rows = claims.reduce((sum, claim) => sum + claim.rows, 0);
    // How fast the first and the last quarter of the rows went (a claim slowing as rows pile up shows here).
    const byEnd = [...claims].sort((a, b) => a.endedAt - b.endedAt);
    let seen = 0;
    let quarterAt = ended;
    let threeQuartersAt = ended;
    for (const claim of byEnd) {
      seen += claim.rows;
      if (seen >= rows / 4 && quarterAt === ended) quarterAt = claim.endedAt;
      if (seen >= (rows * 3) / 4 && threeQuartersAt === ended) threeQuartersAt = claim.endedAt;
    }
    const times = claims.map((claim) => claim.endedAt - claim.startedAt).sort((a, b) => a - b);
    const latency: Result = {
      name: `claim of ${LIMIT} (${name})`,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1)!,
      runs: times.length,
    };
    const result: ClaimRate = {
      shape: name,
      rows,
      elapsedMs: ended - started,
      perSecond: rows / ((ended - started) / 1000),
      firstQuarterPerSecond: rows / 4 / ((quarterAt - started) / 1000),
      lastQuarterPerSecond: rows / 4 / ((ended - threeQuartersAt) / 1000),
      latency,
    };
    line(
      `${name}: ${count(rows)} rows in`,
      `${count(result.elapsedMs)} ms = ${count(result.perSecond)} rows/s   ${goalRatio(result.perSecond / GOAL_PER_SECOND)} (goal ${count(GOAL_PER_SECOND)}/s)`,
    );
    line("  first quarter / last quarter of the rows", `${count(result.firstQuarterPerSecond)} / ${count(result.lastQuarterPerSecond)} rows/s`);
    line(`  one claim (${count(times.length)} claims)`, `p50 ${latency.p50.toFixed(1)} ms   p95 ${latency.p95.toFixed(1)} ms`);
    line("  CPU while claiming", cpuUsed);
    return result;
  } finally {
    await deleteBenchOrganizations(db, ids);
  }
}

export async function benchClaimRate(db: Db, database: BenchDatabase): Promise<ClaimRate[]> {
  console.log(`\nClaim statement alone: ${CLAIMERS} concurrent claimers, ${LIMIT} rows a claim, ${count(ROWS)} due rows, cap not binding`);
  if (database.embedded) console.log("  (PGlite: claims run one at a time whatever the shape; the two shapes measure the same thing)");
  return [await shape(db, `${CLAIMERS} claimers, 1 clinic`, 1), await shape(db, `${CLAIMERS} clinics, 1 claimer each`, CLAIMERS)];
}
