import { AppError } from "@/lib/errors";
import { normalizePhone } from "@/lib/contacts/normalize-phone";
import { appointmentView } from "@/lib/appointments/appointment-view";
import { insertAppointment } from "@/lib/appointments/insert-appointment";
import { refuseUnbookableStart } from "@/lib/appointments/refuse-unbookable-start";
import type { CreateAppointmentInput } from "@/lib/appointments/staff-schemas";

export const OVERLAP_MESSAGE = "That time overlaps another appointment. Pick a free time or move the other one first.";

/**
 * Staff book on /appointments. Staff may book outside opening hours (an early or late favour is theirs
 * to give); a start already past is refused with a 422, and an overlap — by the database, as for the agent — with a 409.
 */
export async function createAppointment(
  organization: { id: string; defaultCountry: string },
  input: CreateAppointmentInput,
  userId: string,
  now: number = Date.now(),
) {
  let phone: string | null = null;
  if (input.attendeePhone) {
    const parsed = normalizePhone(input.attendeePhone, organization.defaultCountry);
    if (!parsed.ok) throw new AppError("invalid_input", parsed.message, { issues: [{ path: "attendeePhone", message: parsed.message }] });
    phone = parsed.e164;
  }
  refuseUnbookableStart(input.startsAt, now);
  const row = await insertAppointment(
    {
      title: input.title,
      startsAt: input.startsAt,
      endsAt: new Date(+input.startsAt + input.durationMinutes * 60_000),
      attendeeName: input.attendeeName,
      attendeePhone: phone,
      attendeeEmail: input.attendeeEmail ?? null,
      notes: input.notes ?? null,
      source: "STAFF",
      createdByUserId: userId,
    },
    organization.id,
    phone ? { phone, name: input.attendeeName, email: input.attendeeEmail } : null,
  );
  if (!row) throw new AppError("conflict", OVERLAP_MESSAGE, { issues: [{ path: "startsAt", message: OVERLAP_MESSAGE }] });
  return appointmentView(row);
}
