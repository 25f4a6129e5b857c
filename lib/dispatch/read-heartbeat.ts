import { getDb } from "@/lib/db";

/** When the dispatcher last started a run (one row, "cron", written by every run); null before the first. */
export async function readDispatcherHeartbeat(): Promise<Date | null> {
  const heartbeat = await getDb().dispatcherHeartbeat.findUnique({ where: { id: "cron" }, select: { lastStartedAt: true } });
  return heartbeat?.lastStartedAt ?? null;
}
