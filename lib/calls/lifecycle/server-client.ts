import { AppError } from "@/lib/errors";
import { createElevenLabsClient, type ElevenLabsClient } from "@/lib/elevenlabs/client";

/** The server's ElevenLabs client for calls staff place by hand; a plain 502 when the server has no key. */
export function serverElevenLabsClient(): ElevenLabsClient {
  try {
    return createElevenLabsClient();
  } catch (error) {
    throw new AppError("provider_error", "Calling is not set up on this server: ELEVENLABS_API_KEY is missing. Ask whoever runs Callboard to configure it.", {
      cause: error,
    });
  }
}
