import { z } from "zod";

export const registerPhoneNumberSchema = z.object({
  phoneNumberId: z
    .string()
    .trim()
    .min(1, "Paste the phone-number ID")
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, "Paste the ID exactly as ElevenLabs shows it (letters, digits, _ and -)"),
  phoneNumber: z.string().trim().min(1, "Enter the number patients see, e.g. +61 2 5550 1234").max(40),
  label: z.string().trim().min(1, "Give the number a label staff will recognise").max(80),
});
export type RegisterPhoneNumberInput = z.infer<typeof registerPhoneNumberSchema>;
