import { z } from "zod";
import { parseIsoDate } from "@/lib/appointments/opening-hours";

// Every message here may be read aloud to a patient by the voice agent: plain sentences, no field jargon.
export const MIN_DURATION_MINUTES = 5;
export const MAX_DURATION_MINUTES = 240;

export const isoDate = z
  .string({ error: "I need the date, like 2026-12-01." })
  .trim()
  .refine((value) => parseIsoDate(value) !== null, { message: "I couldn't read that date. Please give it as year-month-day, like 2026-12-01." });

export const clockTime = z
  .string({ error: "I need the time, like 14:30." })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "I couldn't read that time. Please give it in 24-hour form, like 14:30.");

const duration = z.coerce
  .number({ error: "The length of the appointment should be a number of minutes." })
  .int("The length of the appointment should be whole minutes.")
  .min(MIN_DURATION_MINUTES, `Appointments are at least ${MIN_DURATION_MINUTES} minutes long.`)
  .max(MAX_DURATION_MINUTES, `Appointments can be at most ${MAX_DURATION_MINUTES} minutes long.`);

const name = z.string({ error: "I need the patient's name to book." }).trim().min(1, "I need the patient's name to book.").max(200, "That name is too long.");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Please keep that under ${max} characters.`)
    .transform((v) => v || undefined)
    .optional();
const conversationId = z
  .string()
  .trim()
  .max(128)
  .transform((v) => v || undefined)
  .optional();
const optionalPhone = z
  .string()
  .trim()
  .max(40, "That phone number is too long.")
  .transform((v) => v || undefined)
  .optional();
/**
 * The call's numbers, filled from ElevenLabs' system variables; the server decides which is the patient.
 * `language` (a tool bound to {{language}}) picks the answer's language; unknown values are ignored.
 */
export const lineNumbers = {
  caller_id: optionalPhone,
  called_number: optionalPhone,
  conversation_id: conversationId,
  language: z.string().trim().max(35).optional(),
};
const appointmentId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .transform((v) => v || undefined)
  .optional();

export const checkAvailabilitySchema = z.object({
  date: isoDate,
  time: clockTime.optional(),
  duration_minutes: duration.optional(),
  ...lineNumbers,
});
export type CheckAvailabilityInput = z.infer<typeof checkAvailabilitySchema>;

export const bookAppointmentSchema = z.object({
  date: isoDate,
  start_time: clockTime,
  duration_minutes: duration.optional(),
  customer_name: name,
  /** Only for a new booking, when the call's numbers do not name the patient (a withheld caller id): see bookingPhone. */
  customer_phone: optionalPhone,
  customer_email: z
    .string()
    .trim()
    .max(254)
    .email("That email address doesn't look right.")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  notes: optionalText(2000),
  ...lineNumbers,
});
export type BookAppointmentInput = z.infer<typeof bookAppointmentSchema>;

/**
 * By appointment id, or — the usual case on a call — the patient's next appointment. The patient is the one
 * the call's numbers name: an older tool's customer_phone is not read (dropped like any unknown key).
 */
const appointmentTarget = {
  appointment_id: appointmentId,
  ...lineNumbers,
};

export const cancelAppointmentSchema = z.object(appointmentTarget);
export type CancelAppointmentInput = z.infer<typeof cancelAppointmentSchema>;

export const rescheduleAppointmentSchema = z.object({
  ...appointmentTarget,
  new_date: isoDate,
  new_start_time: clockTime,
  duration_minutes: duration.optional(),
});
export type RescheduleAppointmentInput = z.infer<typeof rescheduleAppointmentSchema>;

// An older tool's phone_number is not read (dropped like any unknown key): the call's numbers name the patient.
export const findPatientSchema = z.object({ ...lineNumbers });
export type FindPatientInput = z.infer<typeof findPatientSchema>;

export const scheduleCallbackSchema = z.object({
  time: z.string({ error: "I need to know when to call back." }).trim().min(1, "I need to know when to call back.").max(100, "I couldn't read that time."),
  context: z
    .string({ error: "I need a few words on what the call back is about." })
    .trim()
    .min(1, "I need a few words on what the call back is about.")
    .max(2000, "Please keep the note under 2000 characters."),
  ...lineNumbers,
});
export type ScheduleCallbackInput = z.infer<typeof scheduleCallbackSchema>;
