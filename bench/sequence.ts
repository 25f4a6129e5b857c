// Sequences ("one at a time until someone books") through the dispatcher, as production runs them:
// the cron route's run at start (and every 60 s), each step's post-call webhook advancing the
// sequence and refilling the freed slot, which dials the next step. Two runs:
//  - one long sequence of BENCH_SEQUENCE_STEPS (200) where the last step books;
//  - BENCH_SEQUENCES (20) sequences of BENCH_SEQUENCE_LENGTH (25) at once in one clinic, each booking
//    at a step drawn from a seeded generator (5 … length), so they stop at different times.
// Measured from the database: the time from one step's call ending (its end written) to the next
// step's dial (its attempt written just before the request leaves), p50/p95; and dials per sequence,
// which must equal the steps up to the booking. Simulator calls last BENCH_SEQUENCE_CALL_MS (150 ms)
// and dials are answered after BENCH_SEQUENCE_LATENCY_MS (50 ms).
import type { Db } from "../lib/db";
import { settledAfterResponse } from "../lib/runtime/after-response";
import { CRON_MAX_DURATION_SECONDS, claimBudgetMs } from "../lib/dispatch/dispatch-now";
import { runDispatcher, type RunSummary } from "../lib/dispatch/run-dispatcher";
import { createElevenLabsClient } from "../lib/elevenlabs/client";
import { scheduleCalls } from "../lib/scheduling/schedule-calls";
import { createSimulator, type Simulator } from "../simulator/create-simulator";
import { mulberry32 } from "../simulator/prng";
import { count, goalRatio, line, percentile, setEnv, sizeFromEnv, sleep, startCpuMeter, type BenchDatabase, type Result, type SuiteReport } from "./measure";
import { benchId, createBenchOrganization, createBenchUser, deleteBenchOrganizations, zoneAtNoon } from "./organizations";
import { seedContactsSql } from "./seed-contacts.sql";
import { serveWebhooks, WEBHOOK_SECRET } from "./webhook-receiver";

const LONG_STEPS = sizeFromEnv("BENCH_SEQUENCE_STEPS", 200);
const PARALLEL = sizeFromEnv("BENCH_SEQUENCES", 20);
const LENGTH = sizeFromEnv("BENCH_SEQUENCE_LENGTH", 25);
const CALL_MS = sizeFromEnv("BENCH_SEQUENCE_CALL_MS", 150);
const LATENCY_MS = sizeFromEnv("BENCH_SEQUENCE_LATENCY_MS", 50);
const CRON_EVERY_MS = 60_000;
/** Goal: the next patient's phone starts ringing within a second of the previous call's end (p95). */
const GOAL_HANDOFF_P95_MS = 1_000;

const sizes = {
  sequenceLongSteps: LONG_STEPS,
  sequencesParallel: PARALLEL,
  sequenceLength: LENGTH,
  sequenceCallMs: CALL_MS,
  sequenceDialLatencyMs: LATENCY_MS,
};

interface RunResult {
  label: string;
  sequences: number;
  elapsedMs: number;
  handoff: Result;
  /** Sequences whose dials equal the steps up to their booking, and all of them. */
  exact: number;
  dials: number;
  expectedDials: number;
  stoppedFilled: number;
  peakInFlight: number;
  cronRuns: number;
}

export async function benchSequence(db: Db, database: BenchDatabase): Promise<SuiteReport> {
  const random = mulberry32(16);
  const long = await runSequences(db, `1 sequence of ${LONG_STEPS}, the last books`, [{ steps: LONG_STEPS, booksAt: LONG_STEPS }]);
  const parallel = await runSequences(
    db,
    `${PARALLEL} sequences of ${LENGTH} at once`,
    Array.from({ length: PARALLEL }, () => ({ steps: LENGTH, booksAt: 5 + Math.floor(random() * (LENGTH - 4)) })),
  );
  const runs = [long, parallel];
  return {
    sizes,
    results: runs.map((run) => run.handoff),
    ratios: {
      longHandoffP95OverGoal: GOAL_HANDOFF_P95_MS / long.handoff.p95,
      parallelHandoffP95OverGoal: GOAL_HANDOFF_P95_MS / parallel.handoff.p95,
      longDialsOverExpected: long.dials / long.expectedDials,
      parallelDialsOverExpected: parallel.dials / parallel.expectedDials,
      parallelSequencesExact: parallel.exact / parallel.sequences,
    },
    notes: [
      `goal: p95 from a call's end to the next step's dial ≤ ${GOAL_HANDOFF_P95_MS} ms; dials per sequence = steps up to the booking`,
      ...(database.embedded ? ["PGlite runs one query at a time: hand-off times under parallel sequences are not PostgreSQL's"] : []),
    ],
    details: { runs },
  };
}

async function runSequences(db: Db, label: string, plans: Array<{ steps: number; booksAt: number }>): Promise<RunResult> {
  const total = plans.reduce((sum, plan) => sum + plan.steps, 0);
  console.log(`\n${label}: calls of ${CALL_MS} ms, dials answered after ${LATENCY_MS} ms; cron at start and every 60 s, refill on each webhook`);
  const organizationId = await createBenchOrganization(db, benchId(`sequence_${plans.length}`), {
    openAllDay: true,
    concurrencyLimit: Math.max(plans.length, 1) * 2,
  });
  const userId = await createBenchUser(db, benchId(`sequence_user_${plans.length}`));
  const webhooks = await serveWebhooks({ refill: true });
  const simulator = await createSimulator({
    latencyMs: LATENCY_MS,
    callDurationMs: CALL_MS,
    failureRate: 0,
    // Unscripted calls connect and end without a booking; the scripted step of each sequence books.
    outcomeMix: { appointment_booked: 0, callback_scheduled: 1, not_interested: 1, voicemail: 0 },
    concurrencyLimit: 1_000,
    webhookUrl: webhooks.url,
    webhookSecret: WEBHOOK_SECRET,
    seed: 16,
  });
  const restoreEnv = setEnv({ ELEVENLABS_API_BASE_URL: simulator.url, ELEVENLABS_API_KEY: "bench", ELEVENLABS_WEBHOOK_SECRET: WEBHOOK_SECRET });
  const runs: Promise<RunSummary>[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await db.$executeRawUnsafe(seedContactsSql(organizationId, total, 0));
    await db.$executeRawUnsafe(`DELETE FROM "DoNotCallEntry" WHERE "organizationId" = $1`, organizationId);
    await db.$executeRawUnsafe(`UPDATE "Contact" SET "timezone" = $2 WHERE "organizationId" = $1`, organizationId, zoneAtNoon());
    const contacts = await db.contact.findMany({ where: { organizationId }, select: { id: true, phoneNumber: true }, orderBy: { id: "asc" } });
    const batches: Array<{ id: string; numbers: string[]; booksAt: number }> = [];
    let offset = 0;
    for (const plan of plans) {
      const mine = contacts.slice(offset, offset + plan.steps);
      offset += plan.steps;
      simulator.scriptNumber(mine[plan.booksAt - 1]!.phoneNumber, ["appointment_booked"]);
      const answer = await scheduleCalls(
        { organizationId, userId },
        { contactIds: mine.map((c) => c.id), scheduledTime: new Date().toISOString(), mode: "sequence" },
      );
      if ("preview" in answer) throw new Error("unexpected preview");
      batches.push({ id: answer.batch.id, numbers: mine.map((c) => c.phoneNumber), booksAt: plan.booksAt });
    }

    const cron = () =>
      void runs.push(runDispatcher({ client: createElevenLabsClient(), budgetMs: claimBudgetMs(CRON_MAX_DURATION_SECONDS), parallelism: 10, sweep: true }));
    const cpu = startCpuMeter();
    const started = performance.now();
    cron();
    timer = setInterval(cron, CRON_EVERY_MS);
    const expectedMs = Math.max(...plans.map((plan) => plan.booksAt)) * (CALL_MS + LATENCY_MS);
    const deadline = started + expectedMs * 20 + 2 * CRON_EVERY_MS;
    const ids = batches.map((batch) => batch.id);
    while (performance.now() < deadline) {
      await sleep(100);
      const running = await db.callBatch.count({ where: { id: { in: ids }, sequenceStatus: "RUNNING" } });
      if (running === 0) break;
    }
    const elapsedMs = performance.now() - started;
    const cpuUsed = cpu();
    clearInterval(timer);
    await Promise.all(runs);
    await simulator.whenIdle();
    await settledAfterResponse();

    // Hand-offs: step i's end (its call's end written) → step i+1's dial (its attempt written), per sequence.
    const steps = await db.$queryRawUnsafe<Array<{ batchId: string; sequenceIndex: number; endedAt: Date | null; dialedAt: Date | null }>>(
      `SELECT s."batchId", s."sequenceIndex", k."updatedAt" AS "endedAt",
              (SELECT min(d."createdAt") FROM "Call" d WHERE d."scheduledCallId" = s."id") AS "dialedAt"
         FROM "ScheduledCall" s LEFT JOIN "Call" k ON k."id" = s."callId"
        WHERE s."batchId" = ANY($1::text[]) ORDER BY s."batchId", s."sequenceIndex"`,
      ids,
    );
    const gaps: number[] = [];
    for (let i = 1; i < steps.length; i++) {
      const [before, after] = [steps[i - 1]!, steps[i]!];
      if (before.batchId === after.batchId && before.endedAt && after.dialedAt) gaps.push(+after.dialedAt - +before.endedAt);
    }
    gaps.sort((a, b) => a - b);
    const handoff: Result = {
      name: `${label}: call end → next dial`,
      p50: gaps.length ? percentile(gaps, 50) : NaN,
      p95: gaps.length ? percentile(gaps, 95) : NaN,
      max: gaps.at(-1) ?? NaN,
      runs: gaps.length,
    };
    const dials = batches.map((batch) => batch.numbers.reduce((sum, number) => sum + simulator.dialsTo(number), 0));
    const exact = batches.filter((batch, i) => dials[i] === batch.booksAt && onlyFirstDialed(simulator, batch)).length;
    const filled = await db.callBatch.count({ where: { id: { in: ids }, sequenceStatus: "FILLED" } });
    const result: RunResult = {
      label,
      sequences: batches.length,
      elapsedMs,
      handoff,
      exact,
      dials: dials.reduce((a, b) => a + b, 0),
      expectedDials: batches.reduce((sum, batch) => sum + batch.booksAt, 0),
      stoppedFilled: filled,
      peakInFlight: simulator.peakInFlight(),
      cronRuns: runs.length,
    };
    line(
      `all stopped in`,
      `${count(elapsedMs)} ms   (${filled} of ${batches.length} filled by their booking; ${runs.length} cron run${runs.length === 1 ? "" : "s"}, ${count(webhooks.stats.handled)} webhooks)`,
    );
    line(
      `call end → next dial (${count(gaps.length)} hand-offs)`,
      `p50 ${handoff.p50.toFixed(0)} ms   p95 ${handoff.p95.toFixed(0)} ms   max ${handoff.max.toFixed(0)} ms`,
    );
    line(`p95 goal ≤ ${GOAL_HANDOFF_P95_MS} ms: goal / p95`, goalRatio(GOAL_HANDOFF_P95_MS / handoff.p95));
    line(
      "dials / steps up to the booking",
      `${count(result.dials)} / ${count(result.expectedDials)}   ${result.dials === result.expectedDials ? "equal" : "NOT EQUAL"}; ${exact} of ${batches.length} sequences exact`,
    );
    line("peak calls in flight (one per sequence at most)", `${result.peakInFlight} (${batches.length})`);
    line("CPU during the run", cpuUsed);
    return result;
  } finally {
    clearInterval(timer);
    await Promise.allSettled(runs);
    await settledAfterResponse();
    await simulator.close();
    await webhooks.close();
    restoreEnv();
    await deleteBenchOrganizations(db, [organizationId]);
    await db.user.deleteMany({ where: { id: userId } });
  }
}

/** Each of the first `booksAt` numbers dialed exactly once, none after. */
function onlyFirstDialed(simulator: Simulator, batch: { numbers: string[]; booksAt: number }): boolean {
  return batch.numbers.every((number, i) => simulator.dialsTo(number) === (i < batch.booksAt ? 1 : 0));
}
