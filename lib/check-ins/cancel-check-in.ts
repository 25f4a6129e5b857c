import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Cancels the calls of a check-in that have not rung yet; those under way or done stay as they are. */
export async function cancelCheckIn(organizationId: string, id: string, now = new Date()) {
  const checkIn = await getDb().checkIn.findFirst({ where: { id, organizationId }, select: { id: true } });
  if (!checkIn) throw notFound("Check-in");
  const { count } = await getDb().scheduledCall.updateMany({
    where: { checkInId: id, organizationId, status: "PENDING" },
    data: { status: "CANCELLED", cancelledAt: now, nextAttemptAt: null, lockedUntil: null, lockedBy: null, errorMessage: "Check-in cancelled by staff" },
  });
  return { message: count ? `Cancelled ${count} check-in call${count === 1 ? "" : "s"}` : "No check-in calls were left to cancel", cancelled: count };
}
