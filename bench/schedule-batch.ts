// Scheduling 10,000 contacts in one request: scheduleCalls as POST /api/scheduled-calls calls it
// (selection by ids, no dry run), each run a new batch; the dialog's dry-run preview; and where the
// time goes (resolving the ids, planning the slots in JS).
import type { Db } from "../lib/db";
import { scheduleCalls } from "../lib/scheduling/schedule-calls";
import { resolveBatchContacts } from "../lib/scheduling/resolve-batch-contacts";
import { loadCallingRules } from "../lib/scheduling/load-calling-rules";
import { planBatch, type PlanContact } from "../lib/scheduling/plan-batch";
import { BATCH_CONTACTS_MAX } from "../lib/scheduling/schemas";
import { count, goalRatio, line, measure, sizeFromEnv, timeOnce, type Result, type SuiteReport } from "./measure";
import { benchId, createBenchOrganization, createBenchUser, deleteBenchOrganizations } from "./organizations";
import { seedContactsSql } from "./seed-contacts.sql";

const CONTACTS = sizeFromEnv("BENCH_SCHEDULE_CONTACTS", 10_000);
const RUNS = sizeFromEnv("BENCH_SCHEDULE_RUNS", 5);
const GOAL_MS = 2_000;

export async function benchScheduleBatch(db: Db): Promise<SuiteReport> {
  if (CONTACTS > BATCH_CONTACTS_MAX) throw new Error(`BENCH_SCHEDULE_CONTACTS: one request schedules at most ${count(BATCH_CONTACTS_MAX)} contacts.`);
  console.log(
    `\nScheduling ${count(CONTACTS)} contacts in one request (${RUNS} runs after 1 warm-up, each run a new batch; clinic Mon–Fri 09:00–17:00, 2 minutes apart)`,
  );
  const organizationId = await createBenchOrganization(db, benchId("schedule"));
  const results: Result[] = [];
  const timings: Record<string, number> = {};
  const ratios: Record<string, number> = {};
  try {
    const userId = await createBenchUser(db, benchId("scheduler"));
    timings.seed = await timeOnce(`seed ${count(CONTACTS)} contacts`, async () => {
      await db.$executeRawUnsafe(seedContactsSql(organizationId, CONTACTS, 0));
      await db.$executeRawUnsafe(`VACUUM ANALYZE "Contact"`);
    });
    const ids = (await db.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "Contact" WHERE "organizationId" = $1 ORDER BY "id"`, organizationId)).map(
      (row) => row.id,
    );
    const actor = { organizationId, userId };
    const input = { contactIds: ids, scheduledTime: new Date(Date.now() + 3_600_000).toISOString() };

    const preview = await scheduleCalls(actor, input, { dryRun: true });
    if (!("preview" in preview)) throw new Error("scheduleCalls with dryRun wrote a batch");
    const note = `${count(preview.scheduledCount)} scheduled, ${count(preview.skipped.length)} skipped (do not call)`;
    results.push(await measure("dry run (the dialog's preview)", () => scheduleCalls(actor, input, { dryRun: true }), { note, iterations: RUNS, warmup: 1 }));
    const scheduled = await measure(`schedule ${count(CONTACTS)} contacts (writes the batch)`, () => scheduleCalls(actor, input), {
      note,
      iterations: RUNS,
      warmup: 1,
    });
    results.push(scheduled);

    console.log("  of which");
    results.push(await measure("  resolve and check the ids", () => resolveBatchContacts(organizationId, { ids }), { iterations: RUNS, warmup: 1 }));
    const rules = await loadCallingRules(organizationId);
    const contacts = await db.$queryRawUnsafe<PlanContact[]>(
      `SELECT c."id", c."name", c."phoneNumber", c."timezone", (d."id" IS NOT NULL) AS "doNotCall", d."reason" AS "doNotCallReason"
         FROM "Contact" c LEFT JOIN "DoNotCallEntry" d ON d."organizationId" = c."organizationId" AND d."phoneNumber" = c."phoneNumber"
        WHERE c."organizationId" = $1 ORDER BY c."name", c."id"`,
      organizationId,
    );
    const start = new Date(input.scheduledTime);
    results.push(
      await measure("  plan the slots (planBatch, JS only)", async () => planBatch(contacts, rules, { start, staggerMinutes: rules.staggerMinutes }), {
        iterations: RUNS,
        warmup: 1,
      }),
    );

    ratios.scheduleGoalOverP95 = GOAL_MS / scheduled.p95;
    line(`goal ${count(GOAL_MS)} ms / p95 (schedule)`, goalRatio(ratios.scheduleGoalOverP95));
    line("per contact (p50)", `${((scheduled.p50 / CONTACTS) * 1000).toFixed(0)} µs`);
  } finally {
    await deleteBenchOrganizations(db, [organizationId]);
    await db.user.deleteMany({ where: { id: benchId("scheduler") } });
  }
  return { sizes: { scheduleContacts: CONTACTS, scheduleRuns: RUNS }, results, timings, ratios };
}
