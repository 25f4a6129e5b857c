import type { DbClient } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { notBeforeVisitEnds, placeAfterAppointment } from "@/lib/check-ins/place-after-appointment";
import { clinicToday, describeRule, localInstant } from "@/lib/check-ins/plan-occurrences";
import { CAP_SEARCH_MS, loadPatientLimits } from "@/lib/compliance/load-patient-limits";
import type { PatientLimits } from "@/lib/compliance/next-patient-call-time";
import { organizationRulesSelect } from "@/lib/scheduling/load-calling-rules";
import type { CallingRules } from "@/lib/scheduling/plan-batch";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { addDaysToDate, localDateAndMinute } from "@/lib/time/local-date";

/**
 * Keeps "N days after an appointment" true when the appointment changes: moved, its check-in calls not yet
 * tried move to N days after the new date (same local time, never before the visit is over, placed in
 * calling hours and within the patient's call limits — counting the calls made and their other pending calls, not
 * the ones moving), and the plan's description names the new date; cancelled, they are cancelled — nobody should be
 * asked how a visit went that never happened. Calls already tried stay as they are, and so does the description of a
 * check-in with none left to move (it tells what was done).
 */
export async function followAppointment(tx: DbClient, organizationId: string, appointmentId: string, now = new Date()) {
  const checkIns = await tx.checkIn.findMany({
    where: { organizationId, appointmentId, repeat: "AFTER_APPOINTMENT" },
    select: { id: true, minuteOfDay: true, daysAfter: true, contact: { select: { id: true, timezone: true, phoneNumber: true } } },
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
    const moving = await tx.scheduledCall.findMany({ where: { ...untried, checkInId: checkIn.id }, select: { id: true } });
    if (moving.length === 0) continue;
    const days = checkIn.daysAfter ?? 0;
    const asked = localInstant(addDaysToDate(appointmentDate, days), checkIn.minuteOfDay, rules.timezone);
    const from = Math.max(+asked, +now);
    const limits = await loadPatientLimits(organizationId, checkIn.contact, rules, from, {
      plannedUntil: new Date(from + CAP_SEARCH_MS),
      excludeScheduledCallIds: moving.map((call) => call.id),
      db: tx,
    });
    // Calling hours that never meet the patient's legal hours must not stop the appointment from moving:
    // the call keeps the time asked for and the dispatcher holds it, as for any other call.
    const placed = tryPlace(asked, appointment.endsAt, now, rules, recipientTimeZone(checkIn.contact, rules.timezone).zone, limits);
    await tx.scheduledCall.updateMany({
      where: { ...untried, id: { in: moving.map((call) => call.id) } },
      data: { scheduledTime: placed.at, requestedTime: placed.requested, nextAttemptAt: null },
    });
    await tx.checkIn.updateMany({
      where: { id: checkIn.id, organizationId },
      data: {
        description: describeRule({ type: "after_appointment", appointmentDate, days }, checkIn.minuteOfDay, clinicToday(now, rules.timezone)),
      },
    });
  }
}

function tryPlace(asked: Date, appointmentEndsAt: Date, now: Date, ...rest: [CallingRules, string, PatientLimits]) {
  try {
    return placeAfterAppointment(asked, appointmentEndsAt, now, ...rest);
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return { at: notBeforeVisitEnds(asked, appointmentEndsAt), requested: null };
    throw error;
  }
}
