import { z } from "zod";

/**
 * Wire shapes of `POST /v1/convai/twilio/outbound-call` (snake_case, as in the official OpenAPI
 * description). Shared by the client, which sends them, and the simulator, which checks them.
 */

const dynamicVariableValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const outboundCallRequestSchema = z.looseObject({
  agent_id: z.string().min(1),
  agent_phone_number_id: z.string().min(1),
  to_number: z.e164({ error: "Invalid phone number: to_number must be in E.164 format, e.g. +61412345678" }),
  conversation_initiation_client_data: z
    .looseObject({
      user_id: z.string().nullish(),
      dynamic_variables: z.record(z.string(), dynamicVariableValue).optional(),
      conversation_config_override: z
        .looseObject({
          agent: z
            .looseObject({
              first_message: z.string().nullish(),
              language: z.string().nullish(),
              prompt: z.looseObject({ prompt: z.string().nullish() }).nullish(),
            })
            .nullish(),
        })
        .optional(),
    })
    .nullish(),
  telephony_call_config: z.looseObject({ ringing_timeout_secs: z.number().int().positive().optional() }).optional(),
});
export type OutboundCallRequest = z.infer<typeof outboundCallRequestSchema>;

export const outboundCallResponseSchema = z.looseObject({
  success: z.boolean(),
  message: z.string(),
  conversation_id: z.string().nullish(),
  callSid: z.string().nullish(),
});
export type OutboundCallResponse = z.infer<typeof outboundCallResponseSchema>;
