import { z } from "zod";
import { parseIsoDate } from "@/lib/time/local-date";

/** A series longer than this is more likely a mistake than care: a check-in is a short run of calls. */
export const CHECK_IN_MAX_OCCURRENCES = 12;
/** "N days after an appointment": at most this many. */
export const CHECK_IN_MAX_DAYS_AFTER = 90;

const id = z.string().trim().min(1).max(64);
const localDate = z.string().refine((value) => parseIsoDate(value) !== null, "Use a date like 2026-12-08");
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time like 10:00 (24-hour clock)");

export const checkInRepeatSchema = z.discriminatedUnion("type", [
  /** One call on a date. */
  z.object({ type: z.literal("once"), date: localDate }).strict(),
  /** Every `weekday` (ISO: 1 = Monday … 7 = Sunday) for `weeks` weeks, from `startDate` (default: today). */
  z
    .object({
      type: z.literal("weekly"),
      weekday: z.number().int().min(1, "Use 1 (Monday) to 7 (Sunday)").max(7, "Use 1 (Monday) to 7 (Sunday)"),
      weeks: z.number().int().min(1, "At least one week").max(CHECK_IN_MAX_OCCURRENCES, `A check-in series can have at most ${CHECK_IN_MAX_OCCURRENCES} calls`),
      startDate: localDate.optional(),
    })
    .strict(),
  /** One call `days` days after one of the patient's appointments. */
  z
    .object({
      type: z.literal("after_appointment"),
      appointmentId: id,
      days: z.number().int().min(0).max(CHECK_IN_MAX_DAYS_AFTER, `At most ${CHECK_IN_MAX_DAYS_AFTER} days after the appointment`),
    })
    .strict(),
]);
export type CheckInRepeatInput = z.infer<typeof checkInRepeatSchema>;

/** A check-in for a patient: when (the clinic's wall clock) and how it repeats. */
export const createCheckInSchema = z
  .object({
    contactId: id,
    /** Local time of day in the clinic's zone, on every occurrence's date. */
    time: clock,
    repeat: checkInRepeatSchema,
    note: z.string().trim().max(500, "Keep the note under 500 characters").optional(),
  })
  .strict();
export type CreateCheckInInput = z.infer<typeof createCheckInSchema>;

export const listCheckInsQuerySchema = z.object({
  contactId: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListCheckInsQuery = z.infer<typeof listCheckInsQuerySchema>;
