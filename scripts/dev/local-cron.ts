// The local stand-in for Vercel Cron: calls the dispatcher route every minute (CRON_INTERVAL_SECONDS)
// with the cron secret, so scheduled calls really happen on a development machine.
import { randomBytes } from "node:crypto";
import type { Sidecar } from "./sidecars";

const log = (line: string) => console.log(`[cron] ${line}`);
const CRON_PATH = "/api/cron/process-scheduled-calls";

function intervalSeconds(env: NodeJS.ProcessEnv): number {
  const raw = env.CRON_INTERVAL_SECONDS?.trim();
  if (!raw) return 60;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`CRON_INTERVAL_SECONDS must be a whole number of seconds ≥ 1, got "${raw}".`);
  return value;
}

/**
 * Generates CRON_SECRET when none is set (the app and this caller share it through `env`) and calls
 * the route on an interval; a run still going is not overlapped by this caller (Vercel may do so,
 * and the dispatcher is safe either way). `CRON_INTERVAL_SECONDS=0`-like values are refused;
 * `LOCAL_CRON=off` turns it off.
 */
export function startLocalCron(env: NodeJS.ProcessEnv): Sidecar | null {
  if (env.LOCAL_CRON === "off") return null;
  env.CRON_SECRET ??= `cron_local_${randomBytes(24).toString("hex")}`;
  const seconds = intervalSeconds(env);
  const url = `${env.NEXTAUTH_URL}${CRON_PATH}`;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const response = await fetch(url, { headers: { authorization: `Bearer ${env.CRON_SECRET}` }, signal: AbortSignal.timeout(90_000) });
      const body = (await response.json().catch(() => ({}))) as { message?: string; results?: { processed?: number } };
      if (!response.ok) log(`${CRON_PATH} answered ${response.status}`);
      else if (body.results?.processed) log(body.message ?? "ran");
    } catch {
      // The app is still starting, or restarting: the next tick tries again.
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), seconds * 1000);
  log(`Calling ${CRON_PATH} every ${seconds} s (set CRON_INTERVAL_SECONDS to change, LOCAL_CRON=off to stop).`);
  return { name: "local cron", stop: async () => clearInterval(timer) };
}
