import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notBeforeVisitEnds, placeAfterAppointment } from "@/lib/check-ins/place-after-appointment";
import { localInstant } from "@/lib/check-ins/plan-occurrences";
import { organizationRulesSelect } from "@/lib/scheduling/load-calling-rules";
import type { CallingRules } from "@/lib/scheduling/plan-batch";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { addDaysToDate, localDateAndMinute } from "@/lib/time/local-date";

/**
 * Keeps "N days after an appointment" true when the appointment changes: moved, its check-in calls not yet
 * tried move to N days after the new date (same local time, never before the visit is over, placed in
 * calling hours); cancelled, they are cancelled — nobody should be asked how a visit went that never
 * happened. Calls already tried stay as they are.
 */
export async function followAppointment(tx: DbClient, organizationId: string, appointmentId: string, now = new Date()) {
  const checkIns = await tx.checkIn.findMany({
    where: { organizationId, appointmentId, repeat: "AFTER_APPOINTMENT" },
    select: { id: true, minuteOfDay: true, daysAfter: true, contact: { select: { timezone: true, phoneNumber: true } } },
  });
  if (checkIns.length === 0) return;
  const untried = { organizationId, checkInId: { in: checkIns.map((c) => c.id) }, status: "PENDING" as const, attempts: 0 };
  const appointment = await tx.appointment.findFirstOrThrow({
    where: { id: appointmentId, organizationId },
    select: { startsAt: true, endsAt: true, status: true },
  });
  if (appointment.status === "CANCELLED") {
    await tx.scheduledCall.updateMany({
      where: untried,
      data: {
        status: "CANCELLED",
        cancelledAt: now,
        cancelReason: "appointment_cancelled",
        nextAttemptAt: null,
        errorMessage: "Check-in cancelled: the appointment was cancelled",
      },
    });
    return;
  }
  const rules = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: organizationRulesSelect });
  const appointmentDate = localDateAndMinute(+appointment.startsAt, rules.timezone).date;
  for (const checkIn of checkIns) {
    const date = addDaysToDate(appointmentDate, checkIn.daysAfter ?? 0);
    const asked = localInstant(date, checkIn.minuteOfDay, rules.timezone);
    // Calling hours that never meet the patient's legal hours must not stop the appointment from moving:
    // the call keeps the time asked for and the dispatcher holds it, as for any other call.
    const placed = tryPlace(asked, appointment.endsAt, now, rules, recipientTimeZone(checkIn.contact, rules.timezone).zone);
    await tx.scheduledCall.updateMany({
      where: { ...untried, checkInId: checkIn.id },
      data: { scheduledTime: placed.at, requestedTime: placed.requested, nextAttemptAt: null },
    });
  }
}

function tryPlace(asked: Date, appointmentEndsAt: Date, now: Date, ...rest: [CallingRules, string]) {
  try {
    return placeAfterAppointment(asked, appointmentEndsAt, now, ...rest);
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { at: notBeforeVisitEnds(asked, appointmentEndsAt), requested: null };
    throw error;
  }
}
