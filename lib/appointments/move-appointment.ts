import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isOverlapViolation } from "@/lib/appointments/overlap-violation";

/**
 * Moves an active appointment of this clinic to [startsAt, endsAt). Returns false when the new time
 * overlaps another active appointment — the exclusion constraint checks the update like an insert.
 */
export async function moveAppointment(organizationId: string, id: string, startsAt: Date, endsAt: Date): Promise<boolean> {
  try {
    const { count } = await getDb().appointment.updateMany({ where: { id, organizationId, status: { not: "CANCELLED" } }, data: { startsAt, endsAt } });
    if (count === 0) throw notFound("Appointment");
    return true;
  } catch (error) {
    if (isOverlapViolation(error)) return false;
    throw error;
  }
}
