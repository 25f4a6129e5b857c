import { withErrors } from "@/lib/auth/with-org";
import { readBodyText } from "@/lib/http/parse-request";
import { receiveElevenLabsWebhook } from "@/lib/calls/webhooks/receive-webhook";

// post_call_audio carries base64 MP3 and can be megabytes; the signature covers the whole body.
const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

/** ElevenLabs post-call webhooks (HMAC-signed; the tenant comes from our own Call record). */
export const POST = withErrors(async (req) => {
  const rawBody = await readBodyText(req, MAX_WEBHOOK_BYTES);
  const outcome = await receiveElevenLabsWebhook(rawBody, req.headers.get("elevenlabs-signature"));
  return Response.json({ received: true, ...outcome });
});
