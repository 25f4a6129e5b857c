// Scheduling: one request for 10,000 contacts, and the /scheduling list at 100,000 scheduled calls.
//
// Options: BENCH_SCHEDULE_CONTACTS (default 10000, at most one request's limit), BENCH_SCHEDULE_RUNS
// (5), BENCH_SCHEDULED_CALLS (100000), BENCH_ITERATIONS (40). Server time: measured in this process
// around the lib functions the routes call (SQL + planning + mapping, no HTTP).
import type { Db } from "../lib/db";
import type { SuiteReport } from "./measure";
import { benchScheduleBatch } from "./schedule-batch";
import { benchListScheduled } from "./list-scheduled";

export async function benchScheduling(db: Db): Promise<SuiteReport> {
  const batch = await benchScheduleBatch(db);
  const list = await benchListScheduled(db);
  return {
    sizes: { ...batch.sizes, ...list.sizes },
    results: [...batch.results, ...list.results],
    timings: { scheduleSeed: batch.timings?.seed ?? 0, listSeed: list.timings?.seed ?? 0 },
    ratios: { ...batch.ratios, ...list.ratios },
  };
}
