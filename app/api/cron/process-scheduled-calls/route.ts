import { withCron } from "@/lib/auth/with-cron";
import { processScheduledCalls } from "@/lib/dispatch/dispatch-now";
import { toCronAnswer } from "@/lib/dispatch/cron-answer";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// Keep equal to CRON_MAX_DURATION_SECONDS (lib/dispatch/dispatch-now.ts): Next reads this literal.
export const maxDuration = 60;

/** Vercel Cron calls this every minute (vercel.json) with `Authorization: Bearer $CRON_SECRET`. */
const handler = withCron(async () => Response.json(toCronAnswer(await processScheduledCalls())));

export const GET = handler;
export const POST = handler;
