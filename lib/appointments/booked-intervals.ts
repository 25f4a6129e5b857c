import { getDb, type DbClient } from "@/lib/db";
import { MAX_DURATION_MINUTES } from "@/lib/appointments/schemas";
import type { Interval } from "@/lib/appointments/day-slots";

/**
 * Active appointments overlapping [from, to). No appointment is longer than the maximum duration, so
 * `startsAt` is bounded on both sides and the (organizationId, startsAt) index reads only that range.
 */
export async function bookedIntervals(
  organizationId: string,
  from: number,
  to: number,
  options: { excludeId?: string; db?: DbClient | ReturnType<typeof getDb> } = {},
): Promise<Interval[]> {
  const rows = await (options.db ?? getDb()).appointment.findMany({
    where: {
      organizationId,
      status: { not: "CANCELLED" },
      startsAt: { gt: new Date(from - MAX_DURATION_MINUTES * 60_000), lt: new Date(to) },
      endsAt: { gt: new Date(from) },
      ...(options.excludeId ? { id: { not: options.excludeId } } : {}),
    },
    select: { startsAt: true, endsAt: true },
  });
  return rows.map((row) => ({ startsAt: +row.startsAt, endsAt: +row.endsAt }));
}
