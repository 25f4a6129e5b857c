import { withErrors } from "@/lib/auth/with-org";
import { readBodyText } from "@/lib/http/parse-request";
import { receiveElevenLabsWebhook } from "@/lib/calls/webhooks/receive-webhook";
import { runAfterResponse } from "@/lib/dispatch/after-response";
import { refillOrganization } from "@/lib/dispatch/dispatch-now";

// post_call_audio carries base64 MP3 and can be megabytes; the signature covers the whole body.
const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export const runtime = "nodejs";
// The refill after the answer dials the clinic's next due call; it needs the time a cron run has.
export const maxDuration = 60;

/** ElevenLabs post-call webhooks (HMAC-signed; the tenant comes from our own Call record). */
export const POST = withErrors(async (req) => {
  const rawBody = await readBodyText(req, MAX_WEBHOOK_BYTES);
  const outcome = await receiveElevenLabsWebhook(rawBody, req.headers.get("elevenlabs-signature"));
  if (!outcome.handled) return Response.json({ received: true, ...outcome });
  const organizationId = outcome.freedSlotOf;
  runAfterResponse("refill", () => refillOrganization(organizationId));
  return Response.json({ received: true, handled: true, event: outcome.event });
});
