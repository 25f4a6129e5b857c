import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isOverlapViolation } from "@/lib/appointments/overlap-violation";
import { followAppointment } from "@/lib/check-ins/follow-appointment";

/**
 * Moves an active appointment of this clinic to [startsAt, endsAt). Returns false when the new time
 * overlaps another active appointment — the exclusion constraint checks the update like an insert. Its
 * "N days after" check-ins move with it, in the same transaction.
 */
export async function moveAppointment(organizationId: string, id: string, startsAt: Date, endsAt: Date): Promise<boolean> {
  try {
    await getDb().$transaction(async (tx) => {
      const { count } = await tx.appointment.updateMany({ where: { id, organizationId, status: { not: "CANCELLED" } }, data: { startsAt, endsAt } });
      if (count === 0) throw notFound("Appointment");
      await followAppointment(tx, organizationId, id);
    });
    return true;
  } catch (error) {
    if (isOverlapViolation(error)) return false;
    throw error;
  }
}
