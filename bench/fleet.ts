// Fleet-scale dispatch: 10,000 clinics with due work and 1,000,000 PENDING rows, a fifth of the clinics
// at their cap (older backlogs than anyone), one in a hundred a big clinic with 20 free slots, the rest
// with one free slot. Measures:
//   1. a round's plan over the whole fleet (planDispatchRound), and a window taken and planned
//      (takeDispatchWindow: what a run's sweep reads at a time);
//   2. claims alone: 8 claimers (createRoundClaimer, 10 a claim, no dialing) until every free slot is
//      taken — claims per second, and no clinic over its cap: a warm-up pass, then right after a
//      CHECKPOINT (the goal's measure) and again without one (the ablation of the WAL's full-page
//      images), with the WAL each claimed row wrote; and the claim statement alone (one plan dealt out
//      to the claimers beforehand), without and after a checkpoint;
//   3. dispatch: 8 runDispatcher runs at once (parallelism 10) against a stand-in dialer that answers
//      after BENCH_FLEET_LATENCY_MS and ends no call — the time until every clinic with a free slot had
//      a dial, against one cron run's claim budget, and the share of dials per clinic at that moment
//      (round robin: one each; min / max / Gini).
// Seeded with set-based SQL (generate_series). Options: BENCH_FLEET_CLINICS (10000), BENCH_FLEET_PENDING
// (1000000), BENCH_FLEET_RUNS (8), BENCH_FLEET_PARALLELISM (10), BENCH_FLEET_LATENCY_MS (50).
import { randomUUID } from "node:crypto";
import type { Db } from "../lib/db";
import { createRoundClaimer } from "../lib/dispatch/claim-in-rounds";
import { CRON_MAX_DURATION_SECONDS, claimBudgetMs } from "../lib/dispatch/dispatch-now";
import { claimForClinics } from "../lib/dispatch/claim-due-calls";
import { planDispatchRound, roundRobin, takeDispatchWindow, WINDOW_CLINICS } from "../lib/dispatch/plan-dispatch-round";
import { runDispatcher } from "../lib/dispatch/run-dispatcher";
import { createElevenLabsClient, type ElevenLabsClient } from "../lib/elevenlabs/client";
import {
  count,
  goalRatio,
  line,
  measure,
  percentile,
  sizeFromEnv,
  sleep,
  startCpuMeter,
  timeOnce,
  type BenchDatabase,
  type Result,
  type SuiteReport,
} from "./measure";
import { benchId, vacuumCallTables, zoneAtNoon } from "./organizations";

const CLINICS = sizeFromEnv("BENCH_FLEET_CLINICS", 10_000);
const PENDING = sizeFromEnv("BENCH_FLEET_PENDING", 1_000_000);
const RUNS = sizeFromEnv("BENCH_FLEET_RUNS", 8);
const PARALLELISM = sizeFromEnv("BENCH_FLEET_PARALLELISM", 10);
const LATENCY_MS = sizeFromEnv("BENCH_FLEET_LATENCY_MS", 50);
const BIG_CAP = 20;
const CLAIM_GOAL_PER_SECOND = 5_000;
const PREFIX = benchId("fleet_");

/** Clinic i: every fifth at its cap (2 of 2 in flight), one in a hundred big (0 of 20), the rest 1 of 2. */
const kindSql = (i: string) => `CASE WHEN ${i} % 5 = 0 THEN 'capped' WHEN ${i} % 100 = 1 THEN 'big' ELSE 'small' END`;
const freeSlots = (i: number) => (i % 5 === 0 ? 0 : i % 100 === 1 ? BIG_CAP : 1);
/** Clinic i's own agent and phone-number ids (ids are unique across clinics). */
const agentSql = (i: string) => `$1 || 'agent' || ${i}`;
const lineSql = (i: string) => `$1 || 'phnum' || ${i}`;
/** One contact per clinic, a fictional AU number per clinic index (as tests/factories' fictionalPhone). */
const phoneSql = (i: string) => `(ARRAY['+6125550','+6137010','+6175550','+6185550'])[${i} / 10000 + 1] || lpad((${i} % 10000)::text, 4, '0')`;
const phoneOf = (i: number) => `${["+6125550", "+6137010", "+6175550", "+6185550"][Math.floor(i / 10_000)]}${String(i % 10_000).padStart(4, "0")}`;

async function seedFleet(db: Db): Promise<void> {
  if (CLINICS > 40_000) throw new Error("BENCH_FLEET_CLINICS is at most 40,000 (one fictional number range per 10,000).");
  const perClinic = Math.max(BIG_CAP, Math.ceil(PENDING / CLINICS));
  await db.$executeRawUnsafe(
    `INSERT INTO "Organization" ("id", "name", "slug", "timezone", "defaultCountry", "locale", "elevenLabsAgentId", "elevenLabsPhoneNumberId",
                                 "concurrencyLimit", "callingDays", "callingWindowStart", "callingWindowEnd", "maxCallsPerDay", "maxCallsPerWeek", "updatedAt")
     SELECT $1 || i, $1 || i, replace($1, '_', '-') || i, 'Australia/Sydney', 'AU', 'en-AU', ${agentSql("i")}, ${lineSql("i")},
            CASE WHEN ${kindSql("i")} = 'big' THEN ${BIG_CAP} ELSE 2 END, '{1,2,3,4,5,6,7}', 0, 1440, 1000, 1000, now()
       FROM generate_series(0, $2 - 1) i`,
    PREFIX,
    CLINICS,
  );
  // Every clinic dials through an agent and a number of its own (each dial checks it), and its one
  // patient is called many times (loose per-patient caps above: the caps have their own tests).
  await db.$executeRawUnsafe(
    `INSERT INTO "VoiceAgent" ("id", "organizationId", "agentId", "name", "updatedAt")
     SELECT $1 || 'va' || i, $1 || i, ${agentSql("i")}, 'Bench reception', now() FROM generate_series(0, $2 - 1) i`,
    PREFIX,
    CLINICS,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "PhoneNumber" ("id", "organizationId", "phoneNumberId", "label", "updatedAt")
     SELECT $1 || 'pn' || i, $1 || i, ${lineSql("i")}, 'Bench line', now() FROM generate_series(0, $2 - 1) i`,
    PREFIX,
    CLINICS,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Contact" ("id", "organizationId", "name", "phoneNumber", "timezone", "updatedAt")
     SELECT $1 || 'c' || i, $1 || i, 'Patient ' || i, ${phoneSql("i")}, $2, now() FROM generate_series(0, $3 - 1) i`,
    PREFIX,
    zoneAtNoon(),
    CLINICS,
  );
  // Capped clinics' backlogs are the oldest, big clinics' next: a queue served oldest-first without
  // turns would give the run to them.
  await db.$executeRawUnsafe(
    `INSERT INTO "ScheduledCall" ("id", "organizationId", "contactId", "fromNumber", "agentId", "scheduledTime", "status", "maxAttempts", "createdAt", "updatedAt")
     SELECT $1 || 's' || i || '_' || k, $1 || i, $1 || 'c' || i, ${lineSql("i")}, ${agentSql("i")},
            now() - CASE ${kindSql("i")} WHEN 'capped' THEN interval '3 hours' WHEN 'big' THEN interval '2 hours' ELSE interval '1 hour' END
                  + ((i * 7919) % 3000) * interval '1 second' + k * interval '1 millisecond',
            'PENDING', 3, now(), now()
       FROM generate_series(0, $2 - 1) i, generate_series(1, $3) k`,
    PREFIX,
    CLINICS,
    perClinic,
  );
  // Calls in flight (answered, ended by no webhook during the bench): 2 in each capped clinic, 1 in each small one.
  await db.$executeRawUnsafe(
    `INSERT INTO "Call" ("id", "organizationId", "contactId", "status", "toNumber", "conversationId", "updatedAt")
     SELECT $1 || 'k' || i || '_' || k, $1 || i, $1 || 'c' || i, 'IN_PROGRESS', ${phoneSql("i")}, $1 || 'conv' || i || '_' || k, now()
       FROM generate_series(0, $2 - 1) i, generate_series(1, 2) k
      WHERE ${kindSql("i")} = 'capped' OR (${kindSql("i")} = 'small' AND k = 1)`,
    PREFIX,
    CLINICS,
  );
  await vacuumCallTables(db);
}

/** Puts every claimed row back to PENDING (between the claim measure and the dispatch measure). */
async function unclaim(db: Db): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "ScheduledCall" SET "status" = 'PENDING', "attempts" = 0, "lockedUntil" = NULL, "lockedBy" = NULL
      WHERE "status" = 'IN_PROGRESS' AND "organizationId" LIKE $1 || '%'`,
    PREFIX,
  );
  await db.$executeRawUnsafe(`VACUUM ANALYZE "ScheduledCall"`);
}

/** Clinics (by index) holding more in-flight work than their cap allows: must be none. */
async function overCap(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ over: bigint }[]>(
    `SELECT count(*) AS "over" FROM "Organization" o
      WHERE o."id" LIKE $1 || '%'
        AND o."concurrencyLimit" < (SELECT count(*) FROM "Call" c WHERE c."organizationId" = o."id" AND c."status" IN ('INITIATED', 'IN_PROGRESS'))
                                 + (SELECT count(*) FROM "ScheduledCall" p WHERE p."organizationId" = o."id" AND p."status" = 'IN_PROGRESS' AND p."dialStartedAt" IS NULL)`,
    PREFIX,
  );
  return Number(rows[0]!.over);
}

function gini(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  if (total === 0) return 0;
  const weighted = sorted.reduce((sum, value, i) => sum + (2 * (i + 1) - sorted.length - 1) * value, 0);
  return weighted / (sorted.length * total);
}

interface ClaimMeasure {
  claims: number;
  elapsedMs: number;
  perSecond: number;
  overCap: number;
  /** Claims per second until the last claim, without the claimers' closing sweeps. */
  untilLastClaim: number;
  latency: Result;
  /** WAL written a claim, in bytes (null where the database cannot say). */
  walPerClaim: number | null;
}

/**
 * A CHECKPOINT, so a claims measure starts where the first claims after any checkpoint do: the first
 * change of each page after it writes the whole page to the WAL (a full-page image). Without it the
 * seed's WAL leaves a checkpoint running at a moment nobody chose.
 */
async function checkpoint(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`CHECKPOINT`);
}

/** WAL the cluster writes from now until the returned function is called (the bench is alone on it); null where unknown. */
async function startWalMeter(db: Db): Promise<() => Promise<number | null>> {
  try {
    const [start] = await db.$queryRawUnsafe<{ lsn: string }[]>(`SELECT pg_current_wal_lsn()::text AS "lsn"`);
    return async () => {
      const [row] = await db.$queryRawUnsafe<{ bytes: number }[]>(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::float8 AS "bytes"`, start!.lsn);
      return row!.bytes;
    };
  } catch {
    return async () => null;
  }
}

function walLine(bytes: number | null, claims: number): number | null {
  if (bytes === null || claims === 0) return null;
  line("  WAL written", `${count(bytes / 1_048_576)} MB = ${count(bytes / claims / 1024)} KB a claimed row`);
  return bytes / claims;
}

async function measureClaims(db: Db, title: string): Promise<ClaimMeasure> {
  const times: number[] = [];
  let claims = 0;
  let lastClaimAt = 0;
  await Promise.all(Array.from({ length: RUNS }, () => db.$queryRawUnsafe(`SELECT 1`)));
  const wal = await startWalMeter(db);
  const cpu = startCpuMeter();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RUNS }, async () => {
      // Nothing is dialed here, so a lease must outlast the measure: an expired one would be claimed again.
      const claim = createRoundClaimer({ runId: randomUUID(), now: () => new Date(), leaseMs: 24 * 3_600_000 });
      for (;;) {
        const at = performance.now();
        const got = await claim(PARALLELISM, true);
        if (got.length === 0) return;
        times.push(performance.now() - at);
        claims += got.length;
        lastClaimAt = performance.now();
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const cpuUsed = cpu();
  const walBytes = await wal();
  times.sort((a, b) => a - b);
  const latency: Result = {
    name: `fleet claim of ${PARALLELISM} (${RUNS} claimers)`,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1)!,
    runs: times.length,
  };
  const perSecond = claims / (elapsedMs / 1000);
  const untilLastClaim = claims / ((lastClaimAt - started) / 1000);
  const over = await overCap(db);
  console.log(`  ${title}`);
  line(
    `${RUNS} claimers: ${count(claims)} claims in`,
    `${count(elapsedMs)} ms = ${count(perSecond)} claims/s   ${goalRatio(perSecond / CLAIM_GOAL_PER_SECOND)} (goal ${count(CLAIM_GOAL_PER_SECOND)}/s)`,
  );
  // Each claimer stops only after a sweep that found nothing: the closing sweeps confirm the fleet is served.
  line("  of which until the last claim (without the closing sweeps)", `${count(lastClaimAt - started)} ms = ${count(untilLastClaim)} claims/s`);
  line(
    `  one claim call (${count(times.length)})`,
    `p50 ${latency.p50.toFixed(1)} ms   p95 ${latency.p95.toFixed(1)} ms   max ${latency.max.toFixed(0)} ms (a call that plans a round pays the plan)`,
  );
  line("  clinics over their cap afterwards", `${over}`);
  line("  CPU while claiming", cpuUsed);
  const walPerClaim = walLine(walBytes, claims);
  return { claims, elapsedMs, perSecond, untilLastClaim, overCap: over, latency, walPerClaim };
}

/**
 * The ablation of the claims above: the claim statement alone. One round is planned before the clock
 * starts and its turns are dealt out to the claimers (turn i to claimer i mod RUNS), so no claimer plans
 * or meets another's clinics; each claims its turns PARALLELISM at a time. What the claims above cost on
 * top of this is the planning of rounds.
 */
async function measureClaimStatement(db: Db, afterCheckpoint: boolean): Promise<{ claims: number; perSecond: number; walPerClaim: number | null }> {
  const turns = roundRobin(await planDispatchRound(new Date()));
  if (afterCheckpoint) await checkpoint(db);
  await Promise.all(Array.from({ length: RUNS }, () => db.$queryRawUnsafe(`SELECT 1`)));
  const wal = await startWalMeter(db);
  let claims = 0;
  const started = performance.now();
  const cpu = startCpuMeter();
  await Promise.all(
    Array.from({ length: RUNS }, async (_, run) => {
      const mine = turns.filter((_, i) => i % RUNS === run);
      for (let at = 0; at < mine.length; at += PARALLELISM) {
        const counts = new Map<string, number>();
        for (const id of mine.slice(at, at + PARALLELISM)) counts.set(id, (counts.get(id) ?? 0) + 1);
        const wants = [...counts].map(([organizationId, count]) => ({ organizationId, count }));
        const got = await claimForClinics(wants, { runId: `ablation_${run}`, now: new Date(), leaseMs: 24 * 3_600_000, wait: false, reclaim: false });
        claims += got.length;
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const cpuUsed = cpu();
  const walBytes = await wal();
  const perSecond = claims / (elapsedMs / 1000);
  line(
    `  ablation, the claim statement alone (one plan dealt out; ${afterCheckpoint ? "after a checkpoint" : "no checkpoint between"})`,
    `${count(claims)} claims in ${count(elapsedMs)} ms = ${count(perSecond)} claims/s   ${goalRatio(perSecond / CLAIM_GOAL_PER_SECOND)}`,
  );
  line("  CPU while claiming", cpuUsed);
  return { claims, perSecond, walPerClaim: walLine(walBytes, claims) };
}

/** Answers every dial after LATENCY_MS with a new conversation, and records when each number was dialed. */
function standInDialer(): { client: ElevenLabsClient; dials: { at: number; to: string }[] } {
  const dials: { at: number; to: string }[] = [];
  const client: ElevenLabsClient = {
    ...createElevenLabsClient({ baseUrl: "http://127.0.0.1:9", apiKey: "bench" }),
    startOutboundCall: async (input) => {
      dials.push({ at: performance.now(), to: input.toNumber });
      await sleep(LATENCY_MS);
      return { ok: true, value: { conversationId: `${PREFIX}conv_${randomUUID()}`, callSid: null, message: "Call started" } };
    },
  };
  return { client, dials };
}

interface DispatchMeasure {
  dials: number;
  elapsedMs: number;
  dialsPerSecond: number;
  idealPerSecond: number;
  freeClinics: number;
  reached: number;
  everyFreeClinicMs: number;
  firstTurn: { dials: number; min: number; max: number; gini: number; bigClinicsDials: number };
  final: { min: number; max: number; gini: number; overCap: number; shareOfFreeSlotsUsed: number };
}

async function measureDispatch(db: Db): Promise<DispatchMeasure> {
  const { client, dials } = standInDialer();
  const clinicOf = new Map(Array.from({ length: CLINICS }, (_, i) => [phoneOf(i), i]));
  const cpu = startCpuMeter();
  const started = performance.now();
  const summaries = await Promise.all(Array.from({ length: RUNS }, () => runDispatcher({ client, budgetMs: 15 * 60_000, parallelism: PARALLELISM })));
  const elapsedMs = performance.now() - started;
  const cpuUsed = cpu();

  const free = Array.from({ length: CLINICS }, (_, i) => i).filter((i) => freeSlots(i) > 0);
  const firstDial = new Map<number, number>();
  for (const dial of dials) {
    const clinic = clinicOf.get(dial.to);
    if (clinic !== undefined && !firstDial.has(clinic)) firstDial.set(clinic, dial.at - started);
  }
  const reached = free.filter((i) => firstDial.has(i)).length;
  const everyFreeClinicMs = reached === free.length ? Math.max(...free.map((i) => firstDial.get(i)!)) : Number.POSITIVE_INFINITY;
  // The share of dials per clinic at the moment the last clinic with a free slot got its first dial.
  const byClinic = (until: number) => {
    const counts = new Map<number, number>(free.map((i) => [i, 0]));
    for (const dial of dials) {
      const clinic = clinicOf.get(dial.to);
      if (clinic !== undefined && dial.at - started <= until) counts.set(clinic, (counts.get(clinic) ?? 0) + 1);
    }
    return counts;
  };
  const atFirstTurn = byClinic(everyFreeClinicMs);
  const firstTurnCounts = [...atFirstTurn.values()];
  const atEnd = byClinic(Number.POSITIVE_INFINITY);
  const used = free.map((i) => atEnd.get(i)! / freeSlots(i));
  const over = await overCap(db);

  const succeeded = summaries.reduce((sum, summary) => sum + summary.succeeded, 0);
  const foreign = dials.filter((dial) => !clinicOf.has(dial.to)).length;
  if (foreign > 0) line("  (other clinics with due work on this database shared the runs)", `${count(foreign)} of their calls dialed`);
  const measureResult: DispatchMeasure = {
    dials: dials.length,
    elapsedMs,
    dialsPerSecond: succeeded / (elapsedMs / 1000),
    idealPerSecond: (RUNS * PARALLELISM) / (LATENCY_MS / 1000),
    freeClinics: free.length,
    reached,
    everyFreeClinicMs,
    firstTurn: {
      dials: firstTurnCounts.reduce((sum, value) => sum + value, 0),
      min: Math.min(...firstTurnCounts),
      max: Math.max(...firstTurnCounts),
      gini: gini(firstTurnCounts),
      bigClinicsDials: free.filter((i) => freeSlots(i) === BIG_CAP).reduce((sum, i) => sum + atFirstTurn.get(i)!, 0),
    },
    final: {
      min: Math.min(...used),
      max: Math.max(...used),
      gini: gini([...atEnd.values()]),
      overCap: over,
      shareOfFreeSlotsUsed: used.reduce((sum, value) => sum + value, 0) / used.length,
    },
  };
  const budget = claimBudgetMs(CRON_MAX_DURATION_SECONDS);
  const big = free.filter((i) => freeSlots(i) === BIG_CAP).length;
  line(
    `${RUNS} runs × parallelism ${PARALLELISM}: ${count(succeeded)} dials in`,
    `${count(elapsedMs)} ms = ${measureResult.dialsPerSecond.toFixed(0)} dials/s (ideal ${RUNS}×${PARALLELISM} ÷ ${LATENCY_MS / 1000} s = ${count(measureResult.idealPerSecond)}/s: ${(measureResult.dialsPerSecond / measureResult.idealPerSecond).toFixed(2)}×)`,
  );
  line(
    `  every one of ${count(free.length)} clinics with a free slot dialed after`,
    `${count(everyFreeClinicMs)} ms   ${goalRatio(budget / everyFreeClinicMs)} (goal: within one cron run's claim budget, ${count(budget)} ms)`,
  );
  line(
    "  dials per clinic at that moment: min / max / Gini",
    `${measureResult.firstTurn.min} / ${measureResult.firstTurn.max} / ${measureResult.firstTurn.gini.toFixed(3)}   (round robin: 1 / 1 / 0; ${count(measureResult.firstTurn.dials)} dials)`,
  );
  line(
    `  of which the ${big} big clinics (20 free slots each)`,
    `${measureResult.firstTurn.bigClinicsDials} dials (a queue without turns: up to ${count(big * BIG_CAP)})`,
  );
  line(
    "  at the end: free slots used per clinic, min / mean / max",
    `${measureResult.final.min.toFixed(2)} / ${measureResult.final.shareOfFreeSlotsUsed.toFixed(2)} / ${measureResult.final.max.toFixed(2)}   clinics over their cap: ${over}`,
  );
  line("  CPU during the runs", cpuUsed);
  return measureResult;
}

export async function benchFleet(db: Db, database: BenchDatabase): Promise<SuiteReport> {
  const perClinic = Math.max(BIG_CAP, Math.ceil(PENDING / CLINICS));
  console.log(
    `\nFleet: ${count(CLINICS)} clinics with due work, ${count(CLINICS * perClinic)} PENDING rows; a fifth at their cap, 1 in 100 with ${BIG_CAP} free slots, the rest 1`,
  );
  if (database.embedded) console.log("  (PGlite runs one statement at a time: the rates below are not PostgreSQL's)");
  try {
    const seedMs = await timeOnce(`seed (generate_series) and VACUUM ANALYZE`, () => seedFleet(db));
    const plan = await measure(`plan a round over ${count(CLINICS)} clinics`, () => planDispatchRound(new Date()), { iterations: 5, warmup: 1 });
    const windowPlan = await measure(
      `take a window of ${count(WINDOW_CLINICS)} clinics, planned (what a sweep reads at a time)`,
      () => takeDispatchWindow(new Date(), WINDOW_CLINICS),
      { iterations: 10, warmup: 1 },
    );
    const planned = await planDispatchRound(new Date());
    line("  clinics in the round / turns", `${count(planned.length)} / ${count(planned.reduce((sum, clinic) => sum + clinic.slots, 0))}`);
    // A warm-up pass, as the measures above have: a process's first claims also pay Node's compilation and
    // each pooled connection's first plans of the claim and window functions (PL/pgSQL plans a connection);
    // behind a pooler a cron invocation meets server connections that have planned them already.
    const first = await measureClaims(db, "warm-up: the process's first claims (fresh connections and code; printed, not the goal's measure):");
    await timeOnce("put the claimed rows back", () => unclaim(db));
    await checkpoint(db);
    const claims = await measureClaims(db, "after a checkpoint (every page's first change writes the whole page to the WAL):");
    await timeOnce("put the claimed rows back", () => unclaim(db));
    // The ablation of the full-page images: the same claims, the pages already changed since the checkpoint.
    const warm = await measureClaims(db, "again, no checkpoint between (the claims' pages already changed since it; what a run between checkpoints pays):");
    await timeOnce("put the claimed rows back", () => unclaim(db));
    const statementBetween = await measureClaimStatement(db, false);
    await timeOnce("put the claimed rows back", () => unclaim(db));
    const statement = await measureClaimStatement(db, true);
    await timeOnce("put the claimed rows back", () => unclaim(db));
    const dispatch = await measureDispatch(db);
    const budget = claimBudgetMs(CRON_MAX_DURATION_SECONDS);
    return {
      sizes: { fleetClinics: CLINICS, fleetPending: CLINICS * perClinic, fleetRuns: RUNS, fleetParallelism: PARALLELISM, fleetLatencyMs: LATENCY_MS },
      results: [plan, windowPlan, claims.latency],
      timings: { seedMs, everyFreeClinicMs: dispatch.everyFreeClinicMs, dispatchMs: dispatch.elapsedMs, claimMs: claims.elapsedMs },
      ratios: {
        everyFreeClinicWithinOneRun: budget / dispatch.everyFreeClinicMs,
        claimsPerSecond: claims.perSecond,
        claimsOverGoal: claims.perSecond / CLAIM_GOAL_PER_SECOND,
        claimsPerSecondUntilLastClaim: claims.untilLastClaim,
        claimsFirstPassPerSecond: first.perSecond,
        claimWalBytesPerRow: claims.walPerClaim ?? Number.NaN,
        claimsBetweenCheckpointsPerSecond: warm.perSecond,
        claimsBetweenCheckpointsOverGoal: warm.perSecond / CLAIM_GOAL_PER_SECOND,
        claimWalBytesPerRowBetweenCheckpoints: warm.walPerClaim ?? Number.NaN,
        claimStatementPerSecond: statement.perSecond,
        claimStatementBetweenCheckpointsPerSecond: statementBetween.perSecond,
        dialsPerSecond: dispatch.dialsPerSecond,
        dialsOverIdeal: dispatch.dialsPerSecond / dispatch.idealPerSecond,
        firstTurnMaxDials: dispatch.firstTurn.max,
        firstTurnGini: dispatch.firstTurn.gini,
        overCap: first.overCap + claims.overCap + warm.overCap + dispatch.final.overCap,
      },
      notes: database.embedded ? ["PGlite runs one statement at a time: fleet rates are not PostgreSQL's"] : [],
      details: { first, claims, warm, statementBetween, statement, dispatch },
    };
  } finally {
    await timeOnce("delete the fleet", () => db.$executeRawUnsafe(`DELETE FROM "Organization" WHERE "id" LIKE $1 || '%'`, PREFIX));
  }
}
