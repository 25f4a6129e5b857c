import { z } from "zod";
import { lineNumbers } from "@/lib/appointments/schemas";

export const DO_NOT_CALL_PAGE_SIZE_MAX = 100;

export const listDoNotCallQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(DO_NOT_CALL_PAGE_SIZE_MAX).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListDoNotCallQuery = z.infer<typeof listDoNotCallQuerySchema>;

export const doNotCallReasonSchema = z
  .union([z.string(), z.null()])
  .optional()
  .transform((value) => value?.trim() || null)
  .refine((value) => !value || value.length <= 500, { message: "The reason can be at most 500 characters" });

export const addDoNotCallSchema = z.object({
  /** As typed; read into E.164 with the clinic's country. */
  phoneNumber: z.string().trim().min(1, "Enter a phone number").max(40, "The phone number is too long"),
  reason: doNotCallReasonSchema,
});
export type AddDoNotCallInput = z.infer<typeof addDoNotCallSchema>;

/** The agent's opt_out tool: only the call's numbers (the server decides whose) and, optionally, what was said. */
export const agentOptOutSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(500, "Please keep the note under 500 characters.")
    .transform((v) => v || undefined)
    .optional(),
  ...lineNumbers,
});
export type AgentOptOutInput = z.infer<typeof agentOptOutSchema>;
