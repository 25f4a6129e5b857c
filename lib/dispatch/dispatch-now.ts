import { createElevenLabsClient } from "@/lib/elevenlabs/client";
import { resolveElevenLabsConfig } from "@/lib/elevenlabs/config";
import { DEFAULT_DIAL_PARALLELISM, recordHeartbeat, runDispatcher } from "@/lib/dispatch/run-dispatcher";

/** Vercel's limit for the cron function (seconds); the route exports the same number. */
export const CRON_MAX_DURATION_SECONDS = 60;
/** Leaves room for the slowest dial (the client's timeout) and the answer after the budget. */
const SAFETY_MARGIN_MS = 5_000;

function parallelism(): number {
  const value = Number(process.env.DISPATCH_PARALLELISM);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_DIAL_PARALLELISM;
}

/** Claiming stops early enough that a dial sent at the last moment still ends inside maxDuration. */
export function claimBudgetMs(maxDurationSeconds: number, timeoutMs = resolveElevenLabsConfig({ apiKey: "-" }).timeoutMs): number {
  return Math.max(1_000, maxDurationSeconds * 1000 - timeoutMs - SAFETY_MARGIN_MS);
}

/** The cron run: sweep lost webhooks, dispatch every clinic's due calls, record the heartbeat. */
export async function processScheduledCalls() {
  // First: a server without ELEVENLABS_API_KEY answers 503 naming it, with nothing recorded or claimed.
  const client = createElevenLabsClient();
  const startedAt = new Date();
  await recordHeartbeat(startedAt, null);
  const summary = await runDispatcher({ client, budgetMs: claimBudgetMs(CRON_MAX_DURATION_SECONDS), parallelism: parallelism(), sweep: true });
  await recordHeartbeat(startedAt, summary);
  return summary;
}

/**
 * A call of this organization just ended (webhook or sweeper): its slot is free, so dial its next
 * due call now instead of at the next cron tick — through the same claim and cap.
 */
export async function refillOrganization(organizationId: string, budgetMs = 20_000) {
  return runDispatcher({ client: createElevenLabsClient(), budgetMs, parallelism: parallelism(), organizationId });
}
