import { getDb } from "@/lib/db";
import { doNotCallWords, findDoNotCall } from "@/lib/compliance/do-not-call/find-do-not-call";
import { consentRefusal, NO_CONSENT_WORDS } from "@/lib/compliance/consent";
import { AppError, notFound } from "@/lib/errors";
import { recordActivity } from "@/lib/activity/record-activity";
import { resolveDialLine } from "@/lib/agents/resolve-dial-line";
import { placeAfterAppointment } from "@/lib/check-ins/place-after-appointment";
import { clinicToday, describeRule, localInstant, occurrenceDates, upcomingStartDate, type OccurrenceRule } from "@/lib/check-ins/plan-occurrences";
import type { CreateCheckInInput } from "@/lib/check-ins/schemas";
import { loadCallingRules } from "@/lib/scheduling/load-calling-rules";
import { clinicWhen, placeInCallingHours, type PlacedTime } from "@/lib/scheduling/place-in-calling-hours";
import { recipientTimeZone } from "@/lib/scheduling/recipient-time-zone";
import { refuseDistantCall } from "@/lib/scheduling/schedule-horizon";
import { CAP_SEARCH_MS, loadPatientLimits } from "@/lib/compliance/load-patient-limits";
import { localDateAndMinute } from "@/lib/time/local-date";

/**
 * The rule with its dates resolved: a weekly series from its first call still ahead; the appointment's local
 * date and end (one of this clinic's, for this patient).
 */
async function resolveRule(
  organizationId: string,
  contactId: string,
  input: CreateCheckInInput,
  minuteOfDay: number,
  timeZone: string,
  now: Date,
): Promise<{ rule: OccurrenceRule; appointment: { id: string; endsAt: Date } | null; skippedPast?: boolean }> {
  const repeat = input.repeat;
  if (repeat.type === "once") return { rule: repeat, appointment: null };
  if (repeat.type === "weekly") {
    const asked = { ...repeat, startDate: repeat.startDate ?? clinicToday(now, timeZone) };
    const rule = { ...asked, startDate: upcomingStartDate(asked.startDate, minuteOfDay, timeZone, now) };
    return { rule, appointment: null, skippedPast: occurrenceDates(asked)[0] !== occurrenceDates(rule)[0] };
  }
  const appointment = await getDb().appointment.findFirst({
    where: { id: repeat.appointmentId, organizationId },
    select: { id: true, contactId: true, startsAt: true, endsAt: true, status: true },
  });
  if (!appointment) throw notFound("Appointment");
  if (appointment.contactId !== contactId)
    throw new AppError("unprocessable", "That appointment is another patient's.", {
      issues: [{ path: "repeat.appointmentId", message: "Not this patient's appointment" }],
    });
  if (appointment.status === "CANCELLED")
    throw new AppError("unprocessable", "That appointment was cancelled.", { issues: [{ path: "repeat.appointmentId", message: "Cancelled" }] });
  return {
    rule: { type: "after_appointment", appointmentDate: localDateAndMinute(+appointment.startsAt, timeZone).date, days: repeat.days },
    appointment: { id: appointment.id, endsAt: appointment.endsAt },
  };
}

/** Where the horizon's 400 points: the field that set the date. */
const DATE_FIELD = { once: "repeat.date", weekly: "repeat.startDate", after_appointment: "repeat.days" } as const;

/** "Call 2 was" / "3 calls were". */
const callsWere = (moved: readonly { occurrence: number }[]) => (moved.length === 1 ? `Call ${moved[0]!.occurrence} was` : `${moved.length} calls were`);

/**
 * A check-in for a patient: one call or a short series, each occurrence a PENDING ScheduledCall of kind
 * CHECK_IN on its LOCAL date at the local time asked for, in the clinic's zone (so 10:00 stays 10:00 across
 * a DST change). An occurrence in the past, outside calling hours or over the patient's call limits moves to
 * the next time the patient may be called, and the answer says which and why; a weekly series starts at its
 * first call still ahead; a call about a visit never rings before the visit is over; none is more than a year
 * ahead (400). The limits count the calls made, the patient's pending scheduled calls and the series' own
 * earlier calls, read in one query for the whole series. The plan and its calls are written together.
 * Callable from a seed.
 */
export async function createCheckIn(organizationId: string, actor: { userId: string } | null, input: CreateCheckInInput, now = new Date()) {
  const contact = await getDb().contact.findFirst({
    where: { id: input.contactId, organizationId },
    select: { id: true, name: true, phoneNumber: true, timezone: true, consentBasis: true },
  });
  if (!contact) throw notFound("Contact");
  const doNotCall = await findDoNotCall(getDb(), organizationId, contact.phoneNumber);
  if (doNotCall) throw new AppError("conflict", `${contact.name} is ${doNotCallWords(doNotCall)}, so no check-in can be scheduled.`);
  if (consentRefusal(contact.consentBasis))
    throw new AppError("conflict", `${contact.name} ${NO_CONSENT_WORDS} (their consent is recorded as none), so no check-in can be scheduled.`);
  const rules = await loadCallingRules(organizationId);
  const [hour, minute] = input.time.split(":").map(Number) as [number, number];
  const minuteOfDay = hour * 60 + minute;
  const { rule, appointment, skippedPast } = await resolveRule(organizationId, contact.id, input, minuteOfDay, rules.timezone, now);
  const zone = recipientTimeZone(contact, rules.timezone).zone;
  const asked = occurrenceDates(rule).map((date) => ({ date, at: localInstant(date, minuteOfDay, rules.timezone) }));
  refuseDistantCall(asked[asked.length - 1]!.at, now, DATE_FIELD[rule.type]);
  // One read for the series: the calls made in the week before its first call, and the pending ones up to past its last.
  const limits = await loadPatientLimits(organizationId, contact, rules, Math.max(+asked[0]!.at, +now), {
    plannedUntil: new Date(+asked[asked.length - 1]!.at + CAP_SEARCH_MS),
  });
  const calls = [...limits.calls];
  const occurrences = asked.map(({ date, at }, index) => {
    const patient = { ...limits, calls };
    const placed: PlacedTime = appointment
      ? placeAfterAppointment(at, appointment.endsAt, now, rules, zone, patient)
      : placeInCallingHours(at, now, rules, zone, patient);
    // Each call counts against the next ones: a series never holds more calls than the limits allow.
    calls.push(+placed.at);
    return { occurrence: index + 1, date, ...placed };
  });
  const line = await resolveDialLine(getDb(), organizationId);
  const description = describeRule(rule, minuteOfDay, clinicToday(now, rules.timezone));
  const note = input.note || null;

  const checkIn = await getDb().$transaction(async (tx) => {
    const created = await tx.checkIn.create({
      data: {
        organizationId,
        contactId: contact.id,
        repeat: rule.type === "once" ? "ONCE" : rule.type === "weekly" ? "WEEKLY" : "AFTER_APPOINTMENT",
        minuteOfDay,
        weekday: rule.type === "weekly" ? rule.weekday : null,
        occurrences: occurrences.length,
        appointmentId: appointment?.id ?? null,
        daysAfter: rule.type === "after_appointment" ? rule.days : null,
        note,
        description,
        createdByUserId: actor?.userId ?? null,
      },
      select: { id: true, description: true, createdAt: true },
    });
    await tx.scheduledCall.createMany({
      data: occurrences.map((occurrence) => ({
        organizationId,
        contactId: contact.id,
        agentId: line.agentId,
        fromNumber: line.agentPhoneNumberId,
        maxAttempts: rules.maxAttempts,
        scheduledTime: occurrence.at,
        requestedTime: occurrence.requested,
        kind: "CHECK_IN" as const,
        note,
        checkInId: created.id,
        checkInOccurrence: occurrence.occurrence,
        createdByUserId: actor?.userId ?? null,
        dynamicVariables: { check_in_number: `${occurrence.occurrence} of ${occurrences.length}`, ...(note ? { check_in_note: note } : {}) },
      })),
    });
    await recordActivity(tx, {
      organizationId,
      type: "CHECK_INS_SCHEDULED",
      message: `Check-in for ${contact.name}: ${description}`,
      actorUserId: actor?.userId ?? null,
      contactId: contact.id,
      data: { checkInId: created.id, firstCallAt: occurrences[0]!.at.toISOString(), count: occurrences.length },
    });
    return created;
  });

  const sentences = [`Check-in scheduled: ${description}.`];
  if (skippedPast) sentences.push(`The weeks already past are skipped: the first call is ${clinicWhen(occurrences[0]!.at, rules.timezone)}.`);
  const hours = occurrences.filter((occurrence) => occurrence.moved === "past" || occurrence.moved === "outside_calling_hours");
  const limited = occurrences.filter((occurrence) => occurrence.moved === "call_limit");
  // A call about a visit is one call; kept after the visit, it says so in its own words.
  const afterVisit = occurrences.find((occurrence) => occurrence.moved === "after_appointment");
  if (afterVisit) sentences.push(afterVisit.message!);
  if (hours.length > 0) sentences.push(`${callsWere(hours)} moved to the next calling time (first: ${clinicWhen(hours[0]!.at, rules.timezone)}).`);
  // One call says why in the call back's words ("The patient was already called that day …"); a series counts them.
  if (limited.length > 0)
    sentences.push(
      occurrences.length === 1
        ? limited[0]!.message!
        : `${callsWere(limited)} moved to the next time ${contact.name}'s call limits allow (first: ${clinicWhen(limited[0]!.at, rules.timezone)}).`,
    );
  return {
    checkIn: { ...checkIn, contactId: contact.id, occurrences: occurrences.length },
    occurrences: occurrences.map(({ occurrence, date, at, requested, moved, message }) => ({
      occurrence,
      localDate: date,
      scheduledTime: at,
      requestedTime: requested,
      moved,
      message,
    })),
    message: sentences.join(" "),
  };
}
