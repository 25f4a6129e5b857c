import { AppError } from "@/lib/errors";
import { serverNotConfigured } from "@/lib/config/missing-variable";
import { createElevenLabsClient, type ElevenLabsClient } from "@/lib/elevenlabs/client";

/**
 * The server's ElevenLabs client for calls staff place by hand. A server without a usable key answers
 * 503 naming the variable (`missingVariables`), as the cron does, in words staff can pass on.
 */
export function serverElevenLabsClient(): ElevenLabsClient {
  try {
    return createElevenLabsClient();
  } catch (error) {
    const variables =
      error instanceof AppError && Array.isArray(error.extra?.missingVariables) ? (error.extra.missingVariables as string[]) : ["ELEVENLABS_API_KEY"];
    throw serverNotConfigured(
      variables,
      `Calling is not set up on this server: ${variables.join(", ")} ${variables.length === 1 ? "is" : "are"} missing or invalid. Ask whoever runs Callboard to configure it.`,
    );
  }
}
