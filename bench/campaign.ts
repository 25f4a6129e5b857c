// Campaign: 500 due calls of D = 5 s each in a clinic capped at C = 20 calls at once, as production
// runs them: the cron route's run at start and every 60 s, and the webhook of each ending call
// refilling the freed slot. Ideal: N·D/C if every slot were always busy; utilization = ideal/elapsed.
import type { Db } from "../lib/db";
import { settledAfterResponse } from "../lib/runtime/after-response";
import { CRON_MAX_DURATION_SECONDS, claimBudgetMs } from "../lib/dispatch/dispatch-now";
import { DEFAULT_DIAL_PARALLELISM, runDispatcher, type RunSummary } from "../lib/dispatch/run-dispatcher";
import { createElevenLabsClient } from "../lib/elevenlabs/client";
import { createSimulator } from "../simulator/create-simulator";
import { count, goalRatio, line, setEnv, sizeFromEnv, sleep, startCpuMeter, timeOnce, type BenchDatabase } from "./measure";
import { benchId, createBenchOrganization, deleteBenchOrganizations, seedDueCalls, vacuumCallTables } from "./organizations";
import { serveWebhooks, WEBHOOK_SECRET } from "./webhook-receiver";
import { NO_VOICEMAIL } from "./dial-rate";

const CALLS = sizeFromEnv("BENCH_CAMPAIGN_CALLS", 500);
const SECONDS = sizeFromEnv("BENCH_CAMPAIGN_SECONDS", 5);
const CAP = sizeFromEnv("BENCH_CAMPAIGN_CAP", 20);
const LATENCY_MS = sizeFromEnv("BENCH_DIAL_LATENCY_MS", 300);
/** The simulator would take twice the cap: a dial over the clinic's cap shows up in its peak instead of as a 429. */
const SIMULATOR_LIMIT = CAP * 2;
const CRON_EVERY_MS = 60_000;
const GOAL_UTILIZATION = 0.95;

export const campaignSizes = { campaignCalls: CALLS, campaignSeconds: SECONDS, campaignCap: CAP, campaignSimulatorLimit: SIMULATOR_LIMIT };

export interface CampaignResult {
  calls: number;
  completed: number;
  elapsedMs: number;
  idealMs: number;
  utilization: number;
  peakInFlight: number;
  meanInFlight: number;
  refused429: number;
  dialRequests: number;
  cronRuns: number;
}

export async function benchCampaign(db: Db, database: BenchDatabase): Promise<CampaignResult> {
  const idealMs = (CALLS * SECONDS * 1000) / CAP;
  console.log(
    `\nCampaign: ${count(CALLS)} calls of ${SECONDS} s, clinic cap ${CAP} (simulator allows ${SIMULATOR_LIMIT}, answers dials after ${LATENCY_MS} ms), cron every 60 s + refill on each webhook`,
  );
  const organizationId = await createBenchOrganization(db, benchId("campaign"), { openAllDay: true, concurrencyLimit: CAP });
  const webhooks = await serveWebhooks({ refill: true });
  const simulator = await createSimulator({
    latencyMs: LATENCY_MS,
    callDurationMs: SECONDS * 1000,
    failureRate: 0,
    outcomeMix: NO_VOICEMAIL,
    concurrencyLimit: SIMULATOR_LIMIT,
    webhookUrl: webhooks.url,
    webhookSecret: WEBHOOK_SECRET,
    seed: 5,
  });
  // What the refill (refillOrganization) reads to build its client.
  const restoreEnv = setEnv({ ELEVENLABS_API_BASE_URL: simulator.url, ELEVENLABS_API_KEY: "bench", ELEVENLABS_WEBHOOK_SECRET: WEBHOOK_SECRET });
  const runs: Promise<RunSummary>[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await timeOnce(`seed ${count(CALLS)} due calls`, async () => {
      await seedDueCalls(db, organizationId, CALLS);
      await vacuumCallTables(db);
    });
    const parallelism = Number(process.env.DISPATCH_PARALLELISM) || DEFAULT_DIAL_PARALLELISM;
    // The cron route's run (processScheduledCalls without its heartbeat row, which is shared with the app).
    const cron = () =>
      void runs.push(runDispatcher({ client: createElevenLabsClient(), budgetMs: claimBudgetMs(CRON_MAX_DURATION_SECONDS), parallelism, sweep: true }));

    const cpu = startCpuMeter();
    const started = performance.now();
    cron();
    timer = setInterval(cron, CRON_EVERY_MS);
    let completed = 0;
    let samples = 0;
    let inFlightSum = 0;
    const deadline = started + idealMs * 3 + 2 * CRON_EVERY_MS;
    while (performance.now() < deadline) {
      await sleep(100);
      samples += 1;
      inFlightSum += simulator.inFlight();
      completed = await db.scheduledCall.count({ where: { organizationId, status: "COMPLETED" } });
      if (completed === CALLS) break;
    }
    const elapsedMs = performance.now() - started;
    const cpuUsed = cpu();
    clearInterval(timer);
    await Promise.all(runs);
    await simulator.whenIdle();
    await settledAfterResponse();

    const dialRequests = simulator.requests.filter((request) => request.path.endsWith("/outbound-call"));
    const result: CampaignResult = {
      calls: CALLS,
      completed,
      elapsedMs,
      idealMs,
      utilization: idealMs / elapsedMs,
      peakInFlight: simulator.peakInFlight(),
      meanInFlight: inFlightSum / Math.max(1, samples),
      refused429: dialRequests.filter((request) => request.status === 429).length,
      dialRequests: dialRequests.length,
      cronRuns: runs.length,
    };
    line(
      `completed ${count(completed)} of ${count(CALLS)} in`,
      `${count(elapsedMs)} ms   (ideal N·D/C = ${count(idealMs)} ms; ${runs.length} cron run${runs.length === 1 ? "" : "s"}, ${count(webhooks.stats.handled)} webhooks)`,
    );
    line(`utilization ideal / elapsed (goal ≥ ${GOAL_UTILIZATION})`, `${result.utilization.toFixed(3)}   ${goalRatio(result.utilization / GOAL_UTILIZATION)}`);
    line(
      "peak in flight at the simulator (cap)",
      `${result.peakInFlight} (${CAP})   ${result.peakInFlight === CAP ? "reached, never exceeded" : result.peakInFlight > CAP ? "EXCEEDED" : "never reached"}`,
    );
    line("mean in flight (sampled every 100 ms)", `${result.meanInFlight.toFixed(1)} of ${CAP}`);
    line("dial requests / calls; answered 429", `${count(result.dialRequests)} / ${count(CALLS)}; ${result.refused429}`);
    line("CPU during the campaign", cpuUsed);
    if (database.embedded) line("", "(PGlite: every query waits its turn, so refills queue behind each other)");
    return result;
  } finally {
    clearInterval(timer);
    await Promise.allSettled(runs);
    await settledAfterResponse();
    await simulator.close();
    await webhooks.close();
    restoreEnv();
    await deleteBenchOrganizations(db, [organizationId]);
  }
}
