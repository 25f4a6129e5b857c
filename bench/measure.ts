// What every suite of `npm run bench` shares: timing, percentiles, the printed lines, sizes from the
// environment, and the JSON each suite leaves in bench-results/.
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";

export const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 40);
const WARMUP = 5;

export interface Result {
  name: string;
  p50: number;
  p95: number;
  max: number;
  runs: number;
  note?: string;
}

export interface BenchDatabase {
  kind: string;
  /** PGlite runs one query at a time for every connection: concurrency numbers mean nothing there. */
  embedded: boolean;
}

/** What a suite hands back to bench/run.ts to save. */
export interface SuiteReport {
  sizes: Record<string, number | string>;
  results: Result[];
  timings?: Record<string, number>;
  /** Goal ratios and rates measured in this run (≥ 1 meets the goal where a goal is named). */
  ratios?: Record<string, number>;
  notes?: string[];
  /** Anything else worth keeping (per-run rows of the dispatcher benches). */
  details?: Record<string, unknown>;
}

/** A whole number from the environment, or the fallback. */
export function sizeFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a whole number above 0, got "${raw}".`);
  return value;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function measure(
  name: string,
  work: () => Promise<unknown>,
  options: { note?: string; iterations?: number; warmup?: number } = {},
): Promise<Result> {
  const { note, iterations = ITERATIONS, warmup = WARMUP } = options;
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result = { name, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, runs: iterations, note };
  console.log(`  ${name.padEnd(46)} p50 ${result.p50.toFixed(1).padStart(7)} ms   p95 ${result.p95.toFixed(1).padStart(7)} ms${note ? `   (${note})` : ""}`);
  return result;
}

export async function timeOnce(label: string, work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  console.log(`  ${label.padEnd(46)} ${ms.toFixed(0).padStart(7)} ms`);
  return ms;
}

export function line(label: string, value: string): void {
  console.log(`  ${label.padEnd(48)} ${value}`);
}

/** "1.43×  goal met" — a ratio where ≥ 1 means the goal is met. */
export function goalRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×   ${ratio >= 1 ? "goal met" : "goal missed"}`;
}

export const count = (n: number) => Math.round(n).toLocaleString("en");

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * CPU spent while a measure runs: this process (the dispatcher, and the simulator and webhook
 * receiver it hosts) as a share of one core, and the whole machine (PostgreSQL too) as a share of all.
 */
export function startCpuMeter(): () => string {
  const machine = () =>
    cpus().reduce((sum, cpu) => ({ busy: sum.busy + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq, idle: sum.idle + cpu.times.idle }), {
      busy: 0,
      idle: 0,
    });
  const before = { process: process.cpuUsage(), machine: machine(), at: performance.now() };
  return () => {
    const used = process.cpuUsage(before.process);
    const now = machine();
    const busy = now.busy - before.machine.busy;
    const processShare = (used.user + used.system) / 1000 / (performance.now() - before.at);
    return `bench process ${Math.round(processShare * 100)}% of a core, machine ${Math.round((busy / (busy + now.idle - before.machine.idle)) * 100)}% of ${cpus().length} cores`;
  };
}

/** Sets environment variables; the function returned puts the previous values back. */
export function setEnv(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

export async function saveReport(suite: string, database: BenchDatabase, report: SuiteReport): Promise<string> {
  await mkdir("bench-results", { recursive: true });
  const file = `bench-results/${suite}-${database.embedded ? "pglite" : "postgres"}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
  await writeFile(file, JSON.stringify({ suite, database: database.kind, ...report }, null, 2));
  return file;
}
