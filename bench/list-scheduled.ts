// The /scheduling list at 100,000 scheduled calls in one clinic: listScheduledCalls (a keyset page of
// 50 and the counts by status) as the page and GET /api/scheduled-calls call it.
import type { Db } from "../lib/db";
import type { ScheduledCallStatus } from "../lib/generated/prisma/enums";
import { listScheduledCalls } from "../lib/scheduling/list-scheduled-calls";
import { encodeScheduledCallCursor } from "../lib/scheduling/scheduled-call-cursor";
import { count, goalRatio, ITERATIONS, line, measure, sizeFromEnv, timeOnce, type Result, type SuiteReport } from "./measure";
import { benchId, createBenchOrganization, deleteBenchOrganizations } from "./organizations";
import { seedContactsSql } from "./seed-contacts.sql";
import { batchIdOf, seedBatchesSql, seedScheduledCallsSql } from "./seed-scheduled-calls.sql";

const CALLS = sizeFromEnv("BENCH_SCHEDULED_CALLS", 100_000);
const CONTACTS = Math.max(1, Math.ceil(CALLS / 10));
const BATCHES = 10;
const GOAL_MS = 150;
const LIMIT = 50;

export async function benchListScheduled(db: Db): Promise<SuiteReport> {
  console.log(`\n/scheduling list (pages of ${LIMIT} + counts by status), ${count(CALLS)} scheduled calls in one clinic, ${ITERATIONS} runs per measure`);
  const organizationId = await createBenchOrganization(db, benchId("list"));
  const results: Result[] = [];
  const timings: Record<string, number> = {};
  const ratios: Record<string, number> = {};
  try {
    timings.seed = await timeOnce(`seed ${count(CALLS)} calls (${count(CONTACTS)} contacts, ${BATCHES} batches)`, async () => {
      await db.$executeRawUnsafe(seedContactsSql(organizationId, CONTACTS, 0));
      await db.$executeRawUnsafe(seedBatchesSql(organizationId, BATCHES, Math.ceil(CALLS / BATCHES)));
      await db.$executeRawUnsafe(seedScheduledCallsSql(organizationId, CALLS, CONTACTS, BATCHES));
      await db.$executeRawUnsafe(`VACUUM ANALYZE "Contact"`);
      await db.$executeRawUnsafe(`VACUUM ANALYZE "ScheduledCall"`);
    });
    const statusCounts = await db.$queryRawUnsafe<{ status: ScheduledCallStatus; n: number }[]>(
      `SELECT "status", count(*)::int AS "n" FROM "ScheduledCall" WHERE "organizationId" = $1 GROUP BY "status" ORDER BY "status"`,
      organizationId,
    );
    console.log(`  statuses: ${statusCounts.map((row) => `${row.status} ${count(row.n)}`).join(", ")}`);
    const inStatus = (status: ScheduledCallStatus) => statusCounts.find((row) => row.status === status)?.n ?? 0;

    // The cursor of the page at 90% of a listing, found once with OFFSET (the page itself never uses it).
    const deepCursor = async (where: string, order: "asc" | "desc", rows: number) => {
      const at = Math.floor(rows * 0.9);
      const [row] = await db.$queryRawUnsafe<{ scheduledTime: Date; id: string }[]>(
        `SELECT "scheduledTime", "id" FROM "ScheduledCall" WHERE "organizationId" = $1 ${where} ORDER BY "scheduledTime" ${order}, "id" ${order} OFFSET ${at} LIMIT 1`,
        organizationId,
      );
      return { at, cursor: encodeScheduledCallCursor({ t: row!.scheduledTime.toISOString(), id: row!.id, o: order }) };
    };
    const batchId = batchIdOf(organizationId, BATCHES - 1);
    const deepAll = await deepCursor("", "asc", CALLS);
    // The Pending tab reads by when each call is next due (a retry's time, else its scheduled time).
    const deepPending = await (async () => {
      const at = Math.floor(inStatus("PENDING") * 0.9);
      const [row] = await db.$queryRawUnsafe<{ dueAt: Date; id: string }[]>(
        `SELECT coalesce("nextAttemptAt", "scheduledTime") AS "dueAt", "id" FROM "ScheduledCall" WHERE "organizationId" = $1 AND "status" = 'PENDING' ORDER BY 1, 2 OFFSET ${at} LIMIT 1`,
        organizationId,
      );
      return { at, cursor: encodeScheduledCallCursor({ t: row!.dueAt.toISOString(), id: row!.id, o: "due" }) };
    })();
    const deepCompleted = await deepCursor(`AND "status" = 'COMPLETED'`, "desc", inStatus("COMPLETED"));
    const batchRows = CALLS - (BATCHES - 1) * Math.ceil(CALLS / BATCHES);
    const deepBatch = await deepCursor(`AND "batchId" = '${batchId}'`, "asc", batchRows);
    const firstPage = await listScheduledCalls(organizationId, { limit: LIMIT });

    const list = (query: Parameters<typeof listScheduledCalls>[1]) => () => listScheduledCalls(organizationId, query);
    results.push(await measure("first page, all statuses (soonest first)", list({ limit: LIMIT })));
    results.push(await measure("second page (the first page's cursor)", list({ limit: LIMIT, cursor: firstPage.nextCursor! })));
    results.push(await measure(`deep page (row ${count(deepAll.at)}), all statuses`, list({ limit: LIMIT, cursor: deepAll.cursor })));
    results.push(await measure("PENDING, first page", list({ limit: LIMIT, status: "PENDING" })));
    results.push(await measure(`PENDING, deep page (row ${count(deepPending.at)})`, list({ limit: LIMIT, status: "PENDING", cursor: deepPending.cursor })));
    results.push(await measure("COMPLETED, first page (newest first)", list({ limit: LIMIT, status: "COMPLETED" })));
    results.push(
      await measure(`COMPLETED, deep page (row ${count(deepCompleted.at)})`, list({ limit: LIMIT, status: "COMPLETED", cursor: deepCompleted.cursor })),
    );
    results.push(await measure("FAILED, first page", list({ limit: LIMIT, status: "FAILED" })));
    results.push(await measure("IN_PROGRESS, first page", list({ limit: LIMIT, status: "IN_PROGRESS" }), { note: `${inStatus("IN_PROGRESS")} rows` }));
    results.push(await measure(`one batch (${count(batchRows)} calls), first page`, list({ limit: LIMIT, batchId })));
    results.push(await measure(`one batch, deep page (row ${count(deepBatch.at)})`, list({ limit: LIMIT, batchId, cursor: deepBatch.cursor })));
    results.push(await measure("one batch, PENDING", list({ limit: LIMIT, batchId, status: "PENDING" })));
    console.log("  of which, and baselines");
    // The same statement as the counts half of listScheduledCalls, alone.
    results.push(
      await measure("  counts by status (clinic)", () =>
        db.$queryRawUnsafe(
          `SELECT "status", count(*)::int AS "count" FROM "ScheduledCall" WHERE "organizationId" = $1 AND ($2::text IS NULL OR "batchId" = $2) GROUP BY "status"`,
          organizationId,
          null,
        ),
      ),
    );
    // The deep page's own query, as listScheduledCalls builds it (an OR of two comparisons), against
    // the row comparison keyset pages are usually written with: does the index seek, or walk from the start?
    const [cursorRow] = await db.$queryRawUnsafe<{ scheduledTime: Date; id: string }[]>(
      `SELECT "scheduledTime", "id" FROM "ScheduledCall" WHERE "organizationId" = $1 ORDER BY "scheduledTime", "id" OFFSET ${deepAll.at} LIMIT 1`,
      organizationId,
    );
    const { scheduledTime, id } = cursorRow!;
    results.push(
      await measure(`  deep page query alone (OR form, as listed)`, () =>
        db.scheduledCall.findMany({
          where: { organizationId, OR: [{ scheduledTime: { gt: scheduledTime } }, { scheduledTime, id: { gt: id } }] },
          orderBy: [{ scheduledTime: "asc" }, { id: "asc" }],
          take: LIMIT + 1,
          select: { id: true },
        }),
      ),
    );
    results.push(
      await measure(`  baseline: row comparison (time, id) > cursor`, () =>
        db.$queryRawUnsafe(
          `SELECT "id" FROM "ScheduledCall" WHERE "organizationId" = $1 AND ("scheduledTime", "id") > ($2, $3) ORDER BY "scheduledTime", "id" LIMIT ${LIMIT + 1}`,
          organizationId,
          scheduledTime,
          id,
        ),
      ),
    );
    results.push(
      await measure(`  baseline: OFFSET ${count(deepAll.at)}`, () =>
        db.scheduledCall.findMany({
          where: { organizationId },
          orderBy: [{ scheduledTime: "asc" }, { id: "asc" }],
          skip: deepAll.at,
          take: LIMIT,
          select: { id: true },
        }),
      ),
    );

    const pages = results.filter((result) => !result.name.startsWith("  "));
    const worst = pages.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    const p50 = (prefix: string) => results.find((result) => result.name.startsWith(prefix))?.p50 ?? Number.NaN;
    ratios.listGoalOverWorstP95 = GOAL_MS / worst.p95;
    ratios.deepOverFirst = p50("deep page (row") / p50("first page, all statuses");
    ratios.countsShareOfFirstPage = p50("  counts by status") / p50("first page, all statuses");
    ratios.orFormOverRowComparison = p50("  deep page query alone") / p50("  baseline: row comparison");
    line(`goal ${GOAL_MS} ms / worst p95 (${worst.name})`, goalRatio(ratios.listGoalOverWorstP95));
    line("deep page / first page, all statuses (p50)", `${ratios.deepOverFirst.toFixed(2)}×   (keyset: flat with depth)`);
    line("counts alone / first page (p50)", `${ratios.countsShareOfFirstPage.toFixed(2)}   (the GROUP BY reads every call of the clinic)`);
    line("deep page query: OR form / row comparison (p50)", `${ratios.orFormOverRowComparison.toFixed(1)}×`);
  } finally {
    await deleteBenchOrganizations(db, [organizationId]);
  }
  return { sizes: { scheduledCalls: CALLS, contacts: CONTACTS, batches: BATCHES, iterations: ITERATIONS }, results, timings, ratios };
}
