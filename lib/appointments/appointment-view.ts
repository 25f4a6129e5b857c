import type { Appointment } from "@/lib/generated/prisma/client";

/** What the staff API and /appointments show of an appointment. */
export function appointmentView(row: Appointment) {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status,
    source: row.source,
    attendeeName: row.attendeeName,
    attendeePhone: row.attendeePhone,
    attendeeEmail: row.attendeeEmail,
    notes: row.notes,
    contactId: row.contactId,
    conversationId: row.conversationId,
    createdAt: row.createdAt.toISOString(),
  };
}
export type AppointmentView = ReturnType<typeof appointmentView>;
