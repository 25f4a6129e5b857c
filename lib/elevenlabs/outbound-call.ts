import { z } from "zod";
import type { ElevenLabsResult } from "@/lib/elevenlabs/classify-error";
import type { ElevenLabsConfig } from "@/lib/elevenlabs/config";
import { outboundCallResponseSchema, type OutboundCallRequest } from "@/lib/elevenlabs/outbound-call-schemas";
import { sendRequest } from "@/lib/elevenlabs/send-request";

export const outboundCallInputSchema = z.object({
  /** Our id for this dial attempt; sent as `user_id` so a lost answer can be found again. */
  attemptId: z.string().trim().min(1),
  agentId: z.string().trim().min(1),
  /** ElevenLabs phone-number id (`phnum_…`) the call is placed from. */
  agentPhoneNumberId: z.string().trim().min(1),
  toNumber: z.e164({ error: "to_number must be an E.164 phone number, e.g. +61412345678" }),
  dynamicVariables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Only honoured when overrides are enabled in the agent's security settings. */
  agentOverride: z
    .object({
      firstMessage: z.string().min(1).optional(),
      prompt: z.string().min(1).optional(),
      language: z.string().min(2).optional(),
    })
    .optional(),
  ringingTimeoutSecs: z.number().int().min(1).max(600).optional(),
});
export type OutboundCallInput = z.input<typeof outboundCallInputSchema>;

export type OutboundCallStarted = {
  /** Null only if ElevenLabs accepted the call without naming it; reconcile by attempt id then. */
  conversationId: string | null;
  callSid: string | null;
  message: string;
};

/**
 * Asks ElevenLabs to ring `toNumber` once. Never retries: see `classify-error.ts` for what each
 * failure kind lets the caller do next.
 */
export async function startOutboundCall(config: ElevenLabsConfig, input: OutboundCallInput): Promise<ElevenLabsResult<OutboundCallStarted>> {
  const parsed = outboundCallInputSchema.safeParse(input);
  if (!parsed.success) {
    // Nothing was sent; the same input would be refused again.
    const message = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    return { ok: false, error: { kind: "permanent", status: null, code: "INVALID_INPUT", message } };
  }

  const result = await sendRequest(config, {
    method: "POST",
    path: "/v1/convai/twilio/outbound-call",
    body: toOutboundCallRequest(parsed.data),
    schema: outboundCallResponseSchema,
  });
  if (!result.ok) return result;

  const { success, message, conversation_id: conversationId = null, callSid = null } = result.value;
  if (!success) {
    // ElevenLabs answers 200 with success=false when it could not hand the call to Twilio. If it
    // named a call anyway we cannot tell whether it rings; otherwise nothing was placed.
    const placed = conversationId !== null || callSid !== null;
    return {
      ok: false,
      error: {
        kind: placed ? "unknown_outcome" : "retryable",
        status: 200,
        code: "CALL_NOT_STARTED",
        message: message || "ElevenLabs did not start the call",
      },
    };
  }
  return { ok: true, value: { conversationId, callSid, message } };
}

/** camelCase input → the snake_case body ElevenLabs expects; absent options are left out. */
export function toOutboundCallRequest(input: z.output<typeof outboundCallInputSchema>): OutboundCallRequest {
  const override = input.agentOverride;
  const agent = override && {
    ...(override.firstMessage !== undefined && { first_message: override.firstMessage }),
    ...(override.language !== undefined && { language: override.language }),
    ...(override.prompt !== undefined && { prompt: { prompt: override.prompt } }),
  };
  return {
    agent_id: input.agentId,
    agent_phone_number_id: input.agentPhoneNumberId,
    to_number: input.toNumber,
    conversation_initiation_client_data: {
      user_id: input.attemptId,
      dynamic_variables: input.dynamicVariables,
      ...(agent && Object.keys(agent).length > 0 && { conversation_config_override: { agent } }),
    },
    ...(input.ringingTimeoutSecs !== undefined && {
      telephony_call_config: { ringing_timeout_secs: input.ringingTimeoutSecs },
    }),
  };
}
