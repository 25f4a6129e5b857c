// A small HTTP load generator: `connections` workers over keep-alive sockets, each sending the next
// request of a shared list until it is exhausted. Requests per second and latency percentiles, as a
// client sees them. Written here rather than installed: wrk and autocannon are not available
// offline, and a fixed list (one signed event per call) is what the webhook bench needs.
import { Agent, request } from "node:http";
import { percentile } from "./measure";

export interface LoadRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Status code → how many. */
  statuses: Record<number, number>;
  /** Every request's time, sorted (for combining runs). */
  latencies: number[];
}

function send(agent: Agent, base: URL, req: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.path,
        headers: { ...req.headers, ...(req.body ? { "content-length": Buffer.byteLength(req.body) } : {}) },
      },
      (res) => {
        res.resume();
        res.once("end", () => resolve(res.statusCode ?? 0));
        res.once("error", reject);
      },
    );
    outgoing.once("error", reject);
    outgoing.end(req.body);
  });
}

export async function runLoad(baseUrl: string, requests: readonly LoadRequest[], connections: number): Promise<LoadResult> {
  const base = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < requests.length) {
        const req = requests[next++]!;
        const sent = performance.now();
        const status = await send(agent, base, req).catch(() => 0);
        latencies.push(performance.now() - sent);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return summarize(latencies, seconds, statuses);
}

function summarize(sorted: number[], seconds: number, statuses: Record<number, number>): LoadResult {
  return {
    requests: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    statuses,
    latencies: sorted,
  };
}

/** Several runs as one: requests over the summed time, percentiles over every request. */
export function combineLoads(results: readonly LoadResult[]): LoadResult {
  const statuses: Record<number, number> = {};
  for (const result of results) for (const [status, n] of Object.entries(result.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + n;
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
  return summarize(
    latencies,
    results.reduce((sum, result) => sum + result.seconds, 0),
    statuses,
  );
}
