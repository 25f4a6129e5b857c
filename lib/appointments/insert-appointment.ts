import { getDb, type DbClient } from "@/lib/db";
import type { Appointment, Prisma } from "@/lib/generated/prisma/client";
import { isOverlapViolation } from "@/lib/appointments/overlap-violation";
import { linkContactByPhone } from "@/lib/appointments/link-contact";

/**
 * Inserts an appointment — linked to the contact with `attendee.phone`, created if needed — or returns null
 * when the slot is taken. No read-then-write check decides that: the exclusion constraint does, in the
 * insert itself, so of any number of racing bookings exactly one wins. Contact and appointment are one
 * transaction, so a booking that loses writes nothing at all (no stray contact).
 */
export async function insertAppointment(
  data: Omit<Prisma.AppointmentUncheckedCreateInput, "contactId" | "organizationId">,
  organizationId: string,
  attendee: { phone: string; name: string; email?: string | null } | null,
  /** Runs in the booking's transaction once it won its slot (the agent's booking fills the patient's waitlists). */
  booked?: (tx: DbClient, appointment: Appointment) => unknown,
) {
  try {
    return await getDb().$transaction(
      async (tx) => {
        const contact = attendee ? await linkContactByPhone(organizationId, attendee.phone, { name: attendee.name, email: attendee.email }, tx) : null;
        const appointment = await tx.appointment.create({ data: { ...data, organizationId, contactId: contact?.id ?? null } });
        await booked?.(tx, appointment);
        return appointment;
      },
      // Racing bookings of one slot queue on the constraint and for the pool's connections: under load the
      // default 2 s wait for a connection answered the patient's agent with a 500 instead of "taken".
      { maxWait: 10_000, timeout: 15_000 },
    );
  } catch (error) {
    if (isOverlapViolation(error)) return null;
    throw error;
  }
}
