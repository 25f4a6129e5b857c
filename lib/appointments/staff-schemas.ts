import { z } from "zod";
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from "@/lib/appointments/schemas";

/** An instant with its offset ("2026-12-02T10:00:00+11:00"): the browser converts the clinic's wall clock. */
const instant = z.iso.datetime({ offset: true, message: "Use an ISO 8601 time with an offset" }).transform((value) => new Date(value));
const duration = z
  .number()
  .int()
  .min(MIN_DURATION_MINUTES, `At least ${MIN_DURATION_MINUTES} minutes`)
  .max(MAX_DURATION_MINUTES, `At most ${MAX_DURATION_MINUTES} minutes`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullable()
    .optional();

export const listAppointmentsQuerySchema = z
  .object({ from: instant, to: instant })
  .refine((q) => q.to > q.from, { message: "`to` must be after `from`", path: ["to"] })
  .refine((q) => +q.to - +q.from <= 42 * 86_400_000, { message: "At most 6 weeks at a time", path: ["to"] });

export const createAppointmentSchema = z.object({
  startsAt: instant,
  durationMinutes: duration,
  attendeeName: z.string().trim().min(1, "Enter the patient's name").max(200, "Keep the name to 200 characters or fewer"),
  attendeePhone: optionalText(40),
  attendeeEmail: z
    .string()
    .trim()
    .max(254)
    .email("Enter a valid email address")
    .or(z.literal(""))
    .transform((v) => v || null)
    .nullable()
    .optional(),
  title: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || "Appointment"),
  notes: optionalText(2000),
});
export type CreateAppointmentInput = z.infer<typeof createAppointmentSchema>;

export const updateAppointmentSchema = z
  .object({ startsAt: instant, durationMinutes: duration, status: z.enum(["SCHEDULED", "CONFIRMED", "CANCELLED"]) })
  .partial()
  .refine((u) => u.startsAt !== undefined || u.durationMinutes !== undefined || u.status !== undefined, { message: "Nothing to change" })
  .refine((u) => !(u.status === "CANCELLED" && (u.startsAt || u.durationMinutes)), { message: "Cancel or move, not both at once" });
export type UpdateAppointmentInput = z.infer<typeof updateAppointmentSchema>;
