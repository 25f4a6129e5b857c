import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isOverlapViolation } from "@/lib/appointments/overlap-violation";

/**
 * Inserts an appointment, or returns null when the slot is taken. No read-then-write check decides that:
 * the exclusion constraint does, in the insert itself, so of any number of racing bookings exactly one wins.
 */
export async function insertAppointment(data: Prisma.AppointmentUncheckedCreateInput) {
  try {
    return await getDb().appointment.create({ data });
  } catch (error) {
    if (isOverlapViolation(error)) return null;
    throw error;
  }
}
