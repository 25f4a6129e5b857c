import type { ScheduledCallStatus } from "@/lib/generated/prisma/enums";

export const SCHEDULED_CALL_STATUSES = [
  "PENDING",
  "PAUSED",
  "WAITING",
  "IN_PROGRESS",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
] as const satisfies readonly ScheduledCallStatus[];

/** A status tab counts at most this many calls; past it the count is STATUS_COUNT_CAP + 1, shown "10,000+". */
export const STATUS_COUNT_CAP = 10_000;

export type StatusCounts = Record<ScheduledCallStatus, number>;

export function emptyCounts(): StatusCounts {
  return { PENDING: 0, PAUSED: 0, WAITING: 0, IN_PROGRESS: 0, COMPLETED: 0, FAILED: 0, CANCELLED: 0 };
}

export function toCounts(rows: readonly { status: ScheduledCallStatus; count: number }[]): StatusCounts {
  const counts = emptyCounts();
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}
