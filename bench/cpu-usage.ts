// CPU time spent during a phase of a bench, from Linux's /proc: the whole machine's busy time and
// one process's (the server under load). On a machine of two cores a route's throughput is bounded
// by the CPU that it, the database and the load generator share, so "CPU per request" says where a
// slow route's time goes. Elsewhere (no /proc) the readings are null and nothing is printed.
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux that Node supports

export interface CpuReading {
  machineMs: number;
  processMs: number;
}

function read(pid: number): CpuReading | null {
  try {
    // cpu  user nice system idle iowait irq softirq steal guest…: busy = the first eight but idle and
    // iowait (guest time is already counted in user).
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!.trim().split(/\s+/);
    const busy = fields.slice(0, 8).reduce((sum, value, i) => (i === 3 || i === 4 ? sum : sum + Number(value)), 0);
    // The command name may hold spaces: the fields start after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const after = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const processTicks = Number(after[11]) + Number(after[12]); // utime + stime
    return { machineMs: (busy * 1000) / TICKS_PER_SECOND, processMs: (processTicks * 1000) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

export interface Measured<T> {
  result: T;
  cpu: CpuReading | null;
}

/** Runs `phase` and returns its result with the CPU milliseconds the machine and process `pid` spent meanwhile. */
export async function measureCpu<T>(pid: number | undefined, phase: () => Promise<T>): Promise<Measured<T>> {
  const before = pid === undefined ? null : read(pid);
  const result = await phase();
  const after = pid === undefined ? null : read(pid);
  if (!before || !after) return { result, cpu: null };
  return { result, cpu: { machineMs: after.machineMs - before.machineMs, processMs: after.processMs - before.processMs } };
}
