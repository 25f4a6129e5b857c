import { z } from "zod";
import { isReservedVariable, RESERVED_VARIABLE_MESSAGE } from "@/lib/calls/reserved-variables";

const id = z.string().trim().min(1).max(64);
const providerId = z.string().trim().min(1, "Must not be empty").max(128);

/** Values staff may add or override for one call; keys as the agent's prompt spells them. */
export const dynamicVariablesSchema = z
  .record(
    z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,63}$/, "Use snake_case keys such as preferred_time"),
    z.union([z.string().max(2000), z.number(), z.boolean()]),
  )
  .refine((vars) => Object.keys(vars).length <= 100, "At most 100 dynamic variables")
  .refine((vars) => !Object.keys(vars).some((key) => key.startsWith("system__")), "Keys starting with system__ are reserved by ElevenLabs")
  .superRefine((vars, ctx) => {
    for (const key of Object.keys(vars)) {
      if (isReservedVariable(key)) ctx.addIssue({ code: "custom", path: [key], message: `${key}: ${RESERVED_VARIABLE_MESSAGE}` });
    }
  });

/** An owner or admin placing one call outside the patient's hours or over their limit says why (audited). */
export const dialOverrideSchema = z.object({ reason: z.string().trim().min(5, "Say why this call cannot wait (at least 5 characters)").max(500) }).strict();

export const triggerCallSchema = z.object({
  contactId: id,
  agentId: providerId.optional(),
  agentPhoneNumberId: providerId.optional(),
  /** Older clients named the phone-number id fromNumber; same meaning. */
  fromNumber: providerId.optional(),
  dynamicVariables: dynamicVariablesSchema.optional(),
  override: dialOverrideSchema.optional(),
});
export type TriggerCallInput = z.infer<typeof triggerCallSchema>;

export const callPreviewQuerySchema = z.object({ contactId: id });
