// Webhooks: how fast the post-call webhook answers under load, on a production build (`next start`)
// — signed `post_call_transcription` events, 32 connections, each event ending its own open call
// (half of them scheduled calls, finished in the same write). Measured against a trivial route of
// the same server in the same run (GET /api/health), so the ratio says what the webhook's own work
// costs whatever the machine. Goals: ≥ 800 req/s, p99 < 100 ms, ratio ≥ 0.75.
//
// Needs a build: `npm run build` first (or BENCH_NEXT_DIR=<another checkout with a build>, to
// measure another version of the code against the same database).
// Options: BENCH_WEBHOOK_EVENTS (default 6000), BENCH_WEBHOOK_CONNECTIONS (32), BENCH_WEBHOOK_ROUNDS (4),
// BENCH_SERVER_POOL_SIZE (the server's DATABASE_POOL_SIZE, default 10), BENCH_SERVER_PORT (3210),
// BENCH_SERVER_NODE_ARGS (Node flags for the server, e.g. --cpu-prof), BENCH_SERVER_STDOUT (show the
// server's output, e.g. --trace-gc), BENCH_VERBOSE (print each round).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../lib/db";
import { signElevenLabsPayload } from "../lib/elevenlabs/webhook-signature";
import { count, goalRatio, line, sizeFromEnv, sleep, timeOnce, type BenchDatabase, type Result, type SuiteReport } from "./measure";
import { combineLoads, runLoad, type LoadRequest, type LoadResult } from "./http-load";
import { measureCpu, type CpuReading, type Measured } from "./cpu-usage";
import { AGENT_ID, PHONE_NUMBER_ID, benchId, createBenchOrganization, deleteBenchOrganizations } from "./organizations";

const EVENTS = sizeFromEnv("BENCH_WEBHOOK_EVENTS", 6_000);
// Enough of both routes, taking turns as measured, for V8 to settle on its optimized code for each.
const WARMUP = 3_000;
const CONNECTIONS = sizeFromEnv("BENCH_WEBHOOK_CONNECTIONS", 32);
const ROUNDS = sizeFromEnv("BENCH_WEBHOOK_ROUNDS", 4);
const PORT = sizeFromEnv("BENCH_SERVER_PORT", 3210);
const SECRET = "whsec_bench_webhooks";
const GOALS = { perSecond: 800, p99Ms: 100, ratio: 0.75 };

/** Contacts, one open call each (dial answered, waiting for its webhook); every other call is a scheduled call's attempt. */
async function seedOpenCalls(db: Db, organizationId: string, total: number): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "Contact" ("id", "organizationId", "name", "phoneNumber", "updatedAt")
     SELECT $1 || '_c' || i, $1, 'Patient ' || i, '+6125' || lpad(i::text, 7, '0'), now() FROM generate_series(1, $2::int) AS i`,
    organizationId,
    total,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Call" ("id", "organizationId", "contactId", "conversationId", "toNumber", "status", "agentId", "createdAt", "updatedAt")
     SELECT $1 || '_k' || i, $1, $1 || '_c' || i, 'conv_' || $1 || '_' || i, '+6125' || lpad(i::text, 7, '0'), 'IN_PROGRESS', $3, now(), now()
       FROM generate_series(1, $2::int) AS i`,
    organizationId,
    total,
    AGENT_ID,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "ScheduledCall" ("id", "organizationId", "contactId", "fromNumber", "agentId", "scheduledTime", "status", "providerCallId", "callId", "attempts", "dialStartedAt", "updatedAt")
     SELECT $1 || '_s' || i, $1, $1 || '_c' || i, $3, $4, now(), 'IN_PROGRESS', 'conv_' || $1 || '_' || i, $1 || '_k' || i, 1, now(), now()
       FROM generate_series(2, $2::int, 2) AS i`,
    organizationId,
    total,
    PHONE_NUMBER_ID,
    AGENT_ID,
  );
  await db.$executeRawUnsafe(
    `UPDATE "Call" k SET "scheduledCallId" = s."id" FROM "ScheduledCall" s WHERE s."callId" = k."id" AND s."organizationId" = $1`,
    organizationId,
  );
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Call"`);
  await db.$executeRawUnsafe(`VACUUM ANALYZE "ScheduledCall"`);
}

/** A signed transcription event like the simulator's (and ElevenLabs'): seven turns, analysis, client data. */
function transcriptionEvent(organizationId: string, i: number): LoadRequest {
  const now = Math.floor(Date.now() / 1000);
  const name = `Patient ${i}`;
  const lines: Array<[string, string]> = [
    ["agent", `Good morning, is this ${name}?`],
    ["user", "Yes, speaking."],
    ["agent", `Hi, this is Ava calling from Sunrise Family Clinic. It's been a while since your last visit — would you like to book a check-up?`],
    ["user", "Oh, good timing. Do you have anything on Tuesday?"],
    ["agent", "We do — Tuesday at 2 pm. Shall I book that for you?"],
    ["user", "Yes, 2 pm works."],
    ["agent", "Done! You're booked for Tuesday at 2 pm at Sunrise Family Clinic. We'll send a reminder the day before."],
  ];
  const body = JSON.stringify({
    type: "post_call_transcription",
    event_timestamp: now,
    data: {
      agent_id: AGENT_ID,
      conversation_id: `conv_${organizationId}_${i}`,
      status: "done",
      transcript: lines.map(([role, message], turn) => ({ role, message, time_in_call_secs: turn * 5 })),
      metadata: {
        start_time_unix_secs: now - 40,
        call_duration_secs: 38,
        termination_reason: "Call ended by remote party",
        phone_call: { type: "twilio", call_sid: `CA${i}` },
      },
      analysis: {
        call_successful: "success",
        transcript_summary: `${name} booked a check-up at Sunrise Family Clinic for Tuesday at 2 pm.`,
        call_summary_title: "Appointment booked",
        evaluation_criteria_results: {},
        data_collection_results: {
          call_outcome: { data_collection_id: "call_outcome", value: "appointment_booked", rationale: "The patient accepted the Tuesday 2 pm slot." },
        },
      },
      conversation_initiation_client_data: {
        user_id: `${organizationId}_k${i}`,
        dynamic_variables: { contact_name: name, greeting: "Good morning", clinic_name: "Sunrise Family Clinic" },
      },
    },
  });
  return {
    method: "POST",
    path: "/api/calls",
    headers: { "content-type": "application/json", "elevenlabs-signature": signElevenLabsPayload(body, SECRET, now) },
    body,
  };
}

async function startServer(dir: string, databaseUrl: string): Promise<ChildProcess> {
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/profiles" to see where the server's time goes.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const server = spawn(process.execPath, [...nodeArgs, join(dir, "node_modules/next/dist/bin/next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: dir,
    stdio: ["ignore", process.env.BENCH_SERVER_STDOUT ? "inherit" : "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: process.env.BENCH_SERVER_POOL_SIZE ?? "10",
      NEXTAUTH_SECRET: "bench-only-nextauth-secret-never-use-in-production-0000",
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      ELEVENLABS_WEBHOOK_SECRET: SECRET,
      // Required by the production start check (lib/config/runtime-env.ts); the bench never calls the cron.
      CRON_SECRET: "bench-unused-cron-secret",
      // The webhook seals every transcript (AES-256-GCM) before storing it: a bench-only key, derived.
      TRANSCRIPT_ENCRYPTION_KEY: createHash("sha256").update("callboard bench transcript key").digest("base64"),
      TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS: undefined,
      // The refill after each answer finds nothing due; if it ever dialed, it would reach nothing.
      ELEVENLABS_API_KEY: "bench-unused",
      ELEVENLABS_API_BASE_URL: "http://127.0.0.1:9",
    },
  });
  if (
    await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      () => true,
      () => false,
    )
  ) {
    server.kill("SIGTERM");
    throw new Error(`Port ${PORT} is taken by another server: stop it or set BENCH_SERVER_PORT.`);
  }
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return server;
    await sleep(250);
  }
  server.kill("SIGTERM");
  throw new Error(`next start did not answer GET /api/health on port ${PORT} within 60 s.`);
}

function sumCpu(readings: ReadonlyArray<CpuReading | null>): CpuReading | null {
  if (readings.some((reading) => reading === null)) return null;
  return { machineMs: readings.reduce((sum, r) => sum + r!.machineMs, 0), processMs: readings.reduce((sum, r) => sum + r!.processMs, 0) };
}

/** Transactions committed in the bench database so far (every statement outside a transaction is one). */
async function commitCount(db: Db): Promise<number> {
  const [row] = await db.$queryRawUnsafe<Array<{ commits: bigint }>>(
    `SELECT xact_commit AS "commits" FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(row?.commits ?? 0);
}

/** CPU milliseconds per request: the whole machine (server, database, load generator) and the server alone. */
function cpuPerRequest(cpu: CpuReading | null, requests: number): string {
  if (!cpu) return "";
  return `   CPU/request ${(cpu.machineMs / requests).toFixed(2)} ms (server ${(cpu.processMs / requests).toFixed(2)})`;
}

function report(label: string, result: LoadResult, cpu: CpuReading | null): Result {
  line(
    label,
    `${count(result.perSecond).padStart(6)} req/s   p50 ${result.p50.toFixed(1).padStart(6)} ms   p99 ${result.p99.toFixed(1).padStart(6)} ms   ${JSON.stringify(result.statuses)}${cpuPerRequest(cpu, result.requests)}`,
  );
  return {
    name: label,
    p50: result.p50,
    p95: result.p99,
    max: result.max,
    runs: result.requests,
    note: `${result.perSecond.toFixed(0)} req/s; p95 column holds p99`,
  };
}

export async function benchWebhooks(db: Db, database: BenchDatabase): Promise<SuiteReport> {
  const dir = process.env.BENCH_NEXT_DIR ?? process.cwd();
  if (!existsSync(join(dir, ".next", "BUILD_ID"))) throw new Error(`No production build in ${dir}/.next: run \`npm run build\` first (or set BENCH_NEXT_DIR).`);
  console.log(
    `Webhooks: ${count(EVENTS)} signed transcription events at ${CONNECTIONS} connections against next start (${dir}), after ${WARMUP} warm-up events.\n`,
  );
  const organizationId = await createBenchOrganization(db, benchId("webhooks"), { openAllDay: true });
  let server: ChildProcess | null = null;
  try {
    await timeOnce(`seed ${count(WARMUP + EVENTS)} open calls (half scheduled)`, () => seedOpenCalls(db, organizationId, WARMUP + EVENTS));
    const events = Array.from({ length: WARMUP + EVENTS }, (_, i) => transcriptionEvent(organizationId, i + 1));
    const trivial = (n: number): LoadRequest[] => Array.from({ length: n }, () => ({ method: "GET", path: "/api/health" }));
    server = await startServer(dir, process.env.DATABASE_URL!);
    const base = `http://127.0.0.1:${PORT}`;

    // Warm both routes (the first requests load the route modules, then V8 optimizes them), then measure.
    for (let part = 0; part < 2; part++) {
      await runLoad(base, trivial(WARMUP / 2), CONNECTIONS);
      await runLoad(base, events.slice((part * WARMUP) / 2, ((part + 1) * WARMUP) / 2), CONNECTIONS);
    }
    await sleep(1_000);
    // The two routes take turns, round by round, so a machine that slows down or speeds up midway
    // (a shared host) weighs on both alike; each is then summed over its rounds.
    console.log(`\nAt ${CONNECTIONS} connections, ${ROUNDS} rounds of ${count(EVENTS / ROUNDS)} requests per route`);
    const perRound = Math.floor(EVENTS / ROUNDS);
    const rounds: Array<{ health: Measured<LoadResult>; webhook: Measured<LoadResult> }> = [];
    let commits = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const health = await measureCpu(server.pid, () => runLoad(base, trivial(perRound), CONNECTIONS));
      const commitsBefore = await commitCount(db);
      const slice = events.slice(WARMUP + round * perRound, WARMUP + (round + 1) * perRound);
      const webhook = await measureCpu(server.pid, () => runLoad(base, slice, CONNECTIONS));
      commits += (await commitCount(db)) - commitsBefore;
      rounds.push({ health, webhook });
      if (process.env.BENCH_VERBOSE)
        console.log(
          `  round ${round + 1}: health ${health.result.perSecond.toFixed(0)} req/s${cpuPerRequest(health.cpu, perRound)}; webhook ${webhook.result.perSecond.toFixed(0)} req/s${cpuPerRequest(webhook.cpu, perRound)}`,
        );
    }
    const health = combineLoads(rounds.map((round) => round.health.result));
    const webhook = combineLoads(rounds.map((round) => round.webhook.result));
    const healthCpu = sumCpu(rounds.map((round) => round.health.cpu));
    const webhookCpu = sumCpu(rounds.map((round) => round.webhook.cpu));
    const results = [report("GET /api/health (trivial route)", health, healthCpu), report("POST /api/calls (transcription events)", webhook, webhookCpu)];
    line("ratio by round", rounds.map((round) => (round.webhook.result.perSecond / round.health.result.perSecond).toFixed(2)).join("  "));
    line("commits per event", `${(commits / webhook.requests).toFixed(2)} (${count(commits)} in the database meanwhile: writes, feed entries, refills)`);
    // Let the work after the answers (feed entries, refills) finish before counting.
    await sleep(3_000);

    const [done] = await db.$queryRawUnsafe<Array<{ calls: number; scheduled: number; activity: number }>>(
      `SELECT (SELECT count(*)::int FROM "Call" WHERE "organizationId" = $1 AND "status" = 'COMPLETED') AS "calls",
              (SELECT count(*)::int FROM "ScheduledCall" WHERE "organizationId" = $1 AND "status" = 'COMPLETED') AS "scheduled",
              (SELECT count(*)::int FROM "ActivityEvent" WHERE "organizationId" = $1 AND "type" = 'CALL_COMPLETED') AS "activity"`,
      organizationId,
    );
    const failed = [health, webhook].flatMap((result) => Object.entries(result.statuses).filter(([status]) => status !== "200"));
    if (failed.length > 0)
      console.log(`  WARNING: answers other than 200 (${JSON.stringify(failed)}; 0 = no answer): the numbers below do not measure the webhook.`);
    const ratio = webhook.perSecond / health.perSecond;
    console.log("");
    line(
      "recorded",
      `${count(done!.calls)} calls completed, ${count(done!.scheduled)} scheduled calls completed, ${count(done!.activity)} feed entries (of ${count(WARMUP + EVENTS)})`,
    );
    line("ratio to the trivial route", `${ratio.toFixed(2)} (goal ≥ ${GOALS.ratio})`);
    console.log(`\nGoals (≥ 1 meets it)`);
    const ratios = {
      perSecondGoal: webhook.perSecond / GOALS.perSecond,
      p99Goal: GOALS.p99Ms / webhook.p99,
      ratioGoal: ratio / GOALS.ratio,
      ratioToTrivialRoute: ratio,
    };
    line(`≥ ${GOALS.perSecond} req/s`, goalRatio(ratios.perSecondGoal));
    line(`p99 < ${GOALS.p99Ms} ms`, goalRatio(ratios.p99Goal));
    line(`ratio ≥ ${GOALS.ratio}`, goalRatio(ratios.ratioGoal));
    const notes = database.embedded ? ["PGlite serves one query at a time: these numbers say little about PostgreSQL."] : [];
    return {
      sizes: { events: EVENTS, connections: CONNECTIONS, serverPool: Number(process.env.BENCH_SERVER_POOL_SIZE ?? 10), build: dir },
      results,
      ratios,
      notes,
      details: {
        health: { ...health, latencies: undefined },
        webhook: { ...webhook, latencies: undefined },
        ratioByRound: rounds.map((round) => round.webhook.result.perSecond / round.health.result.perSecond),
        recorded: done,
        cpuMs: { health: healthCpu, webhook: webhookCpu },
      },
    };
  } finally {
    server?.kill("SIGTERM");
    await deleteBenchOrganizations(db, [organizationId]);
  }
}
