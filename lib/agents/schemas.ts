import { z } from "zod";

export const registerAgentSchema = z.object({
  agentId: z
    .string()
    .trim()
    .min(1, "Paste the agent ID")
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, "Paste the ID exactly as ElevenLabs shows it (letters, digits, _ and -)"),
  name: z.string().trim().min(1, "Give the agent a name staff will recognise").max(80),
});
export type RegisterAgentInput = z.infer<typeof registerAgentSchema>;

/** Agent tool tokens: "cbat_" + 43 base64url characters (32 random bytes). */
export const AGENT_TOKEN_PATTERN = /^cbat_[A-Za-z0-9_-]{43}$/;

export const updateAgentSchema = z
  .object({
    name: z.string().trim().min(1, "Give the agent a name staff will recognise").max(80).optional(),
    staffFacing: z.boolean().optional(),
  })
  .refine((input) => input.name !== undefined || input.staffFacing !== undefined, { message: "Nothing to change" });
export type UpdateAgentInput = z.infer<typeof updateAgentSchema>;
