// Dial rate: one dispatcher run (the cron's: every clinic with due work) against 2,000 due calls,
// the simulator answering each dial after 300 ms, calls that end at once, no cap that binds. With P
// dials in flight the ideal is P ÷ 0.3 s; the gap is what Callboard spends per dial (claim, re-check,
// the attempt row before the request, the ids after it).
import type { Db } from "../lib/db";
import { DEFAULT_DIAL_PARALLELISM, runDispatcher } from "../lib/dispatch/run-dispatcher";
import { planDispatchRound } from "../lib/dispatch/plan-dispatch-round";
import { createElevenLabsClient } from "../lib/elevenlabs/client";
import { createSimulator } from "../simulator/create-simulator";
import { count, line, sizeFromEnv, startCpuMeter, timeOnce, type BenchDatabase } from "./measure";
import { benchId, createBenchOrganization, deleteBenchOrganizations, seedDueCalls, vacuumCallTables } from "./organizations";
import { serveWebhooks, WEBHOOK_SECRET } from "./webhook-receiver";

const CALLS = sizeFromEnv("BENCH_DIAL_CALLS", 2_000);
const LATENCY_MS = sizeFromEnv("BENCH_DIAL_LATENCY_MS", 300);
/** Not a limit anyone has: neither the clinic's cap nor the simulator's refuses a dial. */
const UNBOUND = 100_000;
export const NO_VOICEMAIL = { appointment_booked: 1, callback_scheduled: 1, not_interested: 1, voicemail: 0 };

export const dialSizes = () => ({ dialCalls: CALLS, dialLatencyMs: LATENCY_MS, dialParallelism: parallelisms().join(",") });

function parallelisms(): number[] {
  const fromEnv = process.env.BENCH_DIAL_PARALLELISM?.split(",").map((part) => Number(part.trim()));
  if (fromEnv?.every((value) => Number.isInteger(value) && value > 0)) return fromEnv;
  const configured = Number(process.env.DISPATCH_PARALLELISM);
  const base = Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_DIAL_PARALLELISM;
  return [...new Set([base, 25])];
}

export interface DialRate {
  parallelism: number;
  dials: number;
  durationMs: number;
  perSecond: number;
  ideal: number;
  ratio: number;
}

export async function benchDialRate(db: Db, database: BenchDatabase): Promise<{ rates: DialRate[]; notes: string[] }> {
  console.log(
    `\nDial rate: ${count(CALLS)} due calls, simulator answers a dial after ${LATENCY_MS} ms, calls end at once, one cron-style run (sweep, claim, dial)`,
  );
  console.log("  (webhooks are applied without the refill, so only the run under test dials; clinic cap and simulator limit do not bind)");
  const rates: DialRate[] = [];
  const notes: string[] = [];
  for (const parallelism of parallelisms()) {
    const organizationId = await createBenchOrganization(db, benchId(`dial_${parallelism}`), { openAllDay: true, concurrencyLimit: UNBOUND });
    const webhooks = await serveWebhooks({ refill: false });
    const simulator = await createSimulator({
      latencyMs: LATENCY_MS,
      callDurationMs: 0,
      failureRate: 0,
      outcomeMix: NO_VOICEMAIL,
      concurrencyLimit: UNBOUND,
      webhookUrl: webhooks.url,
      webhookSecret: WEBHOOK_SECRET,
      seed: 7,
    });
    try {
      await timeOnce(`seed ${count(CALLS)} due calls`, async () => {
        await seedDueCalls(db, organizationId, CALLS);
        await vacuumCallTables(db);
      });
      // Another clinic's due work (a leftover on a shared database) would share the run: scope to ours then.
      const others = (await planDispatchRound(new Date())).map((clinic) => clinic.organizationId).filter((id) => id !== organizationId);
      if (others.length > 0) notes.push(`dial rate: ${others.length} other organization(s) had due calls; the run was scoped to the bench clinic`);
      const cpu = startCpuMeter();
      const summary = await runDispatcher({
        client: createElevenLabsClient({ baseUrl: simulator.url, apiKey: "bench" }),
        budgetMs: 15 * 60_000,
        parallelism,
        sweep: true,
        ...(others.length > 0 ? { organizationId } : {}),
      });
      const cpuUsed = cpu();
      await simulator.whenIdle();
      const dialRequests = simulator.requests.filter((request) => request.path.endsWith("/outbound-call")).length;
      const completed = await db.scheduledCall.count({ where: { organizationId, status: "COMPLETED" } });
      const perSecond = summary.succeeded / (summary.durationMs / 1000);
      const ideal = parallelism / (LATENCY_MS / 1000);
      rates.push({ parallelism, dials: summary.succeeded, durationMs: summary.durationMs, perSecond, ideal, ratio: perSecond / ideal });
      line(
        `parallelism ${parallelism}: ${count(summary.succeeded)} dials in`,
        `${count(summary.durationMs)} ms   (${count(dialRequests)} dial requests, ${count(completed)} completed by webhook, ${summary.errors.length} errors)`,
      );
      line(
        `  dials per second: measured / ideal ${parallelism} ÷ ${LATENCY_MS / 1000} s`,
        `${perSecond.toFixed(1)} / ${ideal.toFixed(1)} = ${(perSecond / ideal).toFixed(2)}×`,
      );
      line("  CPU during the run", cpuUsed);
      if (database.embedded) line("", "(PGlite: every query waits its turn, so this is not the rate on PostgreSQL)");
    } finally {
      await simulator.close();
      await webhooks.close();
      await deleteBenchOrganizations(db, [organizationId]);
    }
  }
  return { rates, notes };
}
