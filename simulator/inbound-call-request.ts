import { z } from "zod";
import { INBOUND_OUTCOMES } from "@/simulator/inbound-script";

/**
 * `POST /_simulator/inbound`: a patient (`from`) calls the clinic line of `agentId` (or `phoneNumberId`).
 * `from` is taken as given — a withheld or malformed number is a case the app must cope with.
 * Without `outcome`, the outcome mix decides (voicemail counts as a question answered).
 */
export const inboundCallRequestSchema = z
  .object({
    from: z.string().trim().min(1).max(32),
    agentId: z.string().min(1).max(200),
    phoneNumberId: z.string().min(1).max(200).optional(),
    outcome: z.enum(INBOUND_OUTCOMES).optional(),
    /** The name an unknown caller gives the agent (for a booking). */
    name: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type InboundCallRequest = z.input<typeof inboundCallRequestSchema>;
