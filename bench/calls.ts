// Calls: the call history (/calls) at 100,000 calls in one clinic — the first page, a page 90,000
// calls deep, a filter and a search — as server time (SQL + mapping, in this process, around the
// function the page and GET /api/calls call). Goal: p95 < 150 ms, printed as a ratio (≥ 1 meets it).
//
// Options: BENCH_CALLS (default 100000), BENCH_ITERATIONS (default 40).
import type { Db } from "../lib/db";
import { listCalls } from "../lib/calls/history/list-calls";
import { encodeCallCursor } from "../lib/calls/history/call-cursor";
import { goalRatio, line, measure, sizeFromEnv, timeOnce, type Result, type SuiteReport } from "./measure";
import { benchId, createBenchOrganization, deleteBenchOrganizations } from "./organizations";
import { seedCallsSql } from "./seed-calls.sql";

const CALLS = sizeFromEnv("BENCH_CALLS", 100_000);
const GOAL_P95_MS = 150;

export async function benchCalls(db: Db): Promise<SuiteReport> {
  console.log(`Calls: ${CALLS.toLocaleString("en")} calls in one clinic (+ ${(CALLS / 5).toLocaleString("en")} in a neighbour), 50 a page.\n`);
  const big = await createBenchOrganization(db, benchId("calls"));
  const neighbour = await createBenchOrganization(db, benchId("calls_neighbour"));
  const organization = { id: big, timezone: "Australia/Sydney" };
  const results: Result[] = [];
  const timings: Record<string, number> = {};
  const ratios: Record<string, number> = {};
  try {
    console.log("Setting up");
    timings.seed = await timeOnce(`seed ${CALLS.toLocaleString("en")} calls`, async () => {
      await db.$executeRawUnsafe(seedCallsSql(big, CALLS, {}));
      await db.$executeRawUnsafe(seedCallsSql(neighbour, CALLS / 5, {}));
      await db.$executeRawUnsafe(`VACUUM ANALYZE "Call"`);
    });
    const deepAt = Math.floor(CALLS * 0.9);
    const [deep] = await db.$queryRawUnsafe<{ createdAt: Date; id: string }[]>(
      `SELECT "createdAt", "id" FROM "Call" WHERE "organizationId" = $1 ORDER BY "createdAt" DESC, "id" DESC OFFSET ${deepAt} LIMIT 1`,
      big,
    );
    const deepCursor = encodeCallCursor({ t: deep!.createdAt.toISOString(), id: deep!.id });
    const page = (query: Parameters<typeof listCalls>[1]) => () => listCalls(organization, query);
    // A clinic week a little way back (the seed spreads calls over the last ~23 days).
    const clinicDate = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString("en-CA", { timeZone: organization.timezone });

    console.log(`\nCall history (50 rows, newest first), ${CALLS.toLocaleString("en")} calls`);
    const first = await measure("first page", page({ limit: 50 }));
    const deepPage = await measure(`deep page (call ${deepAt.toLocaleString("en")})`, page({ limit: 50, cursor: deepCursor }));
    results.push(first, deepPage);
    results.push(await measure("first page, outcome = escalated", page({ limit: 50, outcome: "escalated" })));
    results.push(await measure("deep page, outcome = escalated", page({ limit: 50, outcome: "escalated", cursor: deepCursor })));
    results.push(await measure("one clinic week (from/to)", page({ limit: 50, from: clinicDate(14), to: clinicDate(8) })));
    results.push(await measure('search "repeat script" (a quarter match)', page({ limit: 50, q: "repeat script" })));
    results.push(await measure("search a rare word (one call)", page({ limit: 50, q: "Patient 4242 talked" })));
    results.push(await measure("search with no match", page({ limit: 50, q: "xyzzy plugh" })));

    ratios.firstPageP95Goal = GOAL_P95_MS / first.p95;
    ratios.deepPageP95Goal = GOAL_P95_MS / deepPage.p95;
    console.log(`\nGoal p95 < ${GOAL_P95_MS} ms (ratio ${GOAL_P95_MS} / p95)`);
    line("first page", goalRatio(ratios.firstPageP95Goal));
    line("deep page", goalRatio(ratios.deepPageP95Goal));
    const slowest = Math.max(...results.map((result) => result.p95));
    ratios.everyQueryP95Goal = GOAL_P95_MS / slowest;
    line("every measure above", goalRatio(ratios.everyQueryP95Goal));
    return { sizes: { calls: CALLS, neighbourCalls: CALLS / 5, pageSize: 50 }, results, timings, ratios };
  } finally {
    await deleteBenchOrganizations(db, [big, neighbour]);
  }
}
