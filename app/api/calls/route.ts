import { withErrors, withOrg } from "@/lib/auth/with-org";
import { AppError } from "@/lib/errors";
import { readBodyText, readQuery } from "@/lib/http/parse-request";
import { checkSignatureHeader } from "@/lib/elevenlabs/webhook-signature";
import { receiveElevenLabsWebhook } from "@/lib/calls/webhooks/receive-webhook";
import { followUpCallEnded } from "@/lib/calls/webhooks/after-answer";
import { refillOrganization } from "@/lib/dispatch/dispatch-now";
import { listCalls } from "@/lib/calls/history/list-calls";
import { listCallsQuerySchema } from "@/lib/calls/history/schemas";

// post_call_audio carries base64 MP3 and can be megabytes; the signature covers the whole body.
// Checked against Content-Length first, then while streaming (readBodyText).
const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

export const runtime = "nodejs";
// The refill after the answer dials the clinic's next due call; it needs the time a cron run has.
export const maxDuration = 60;

/** The call history: filters in the query, keyset pages newest first. */
export const GET = withOrg("calls.read", async ({ req, ctx }) => {
  const query = readQuery(req, listCallsQuerySchema);
  return Response.json(await listCalls(ctx.organization, query));
});

/**
 * ElevenLabs post-call webhooks (HMAC-signed; the tenant comes from our own Call record). The answer
 * waits only for the verified, conditional write; the feed entry and the refill run after it is sent.
 */
export const POST = withErrors(async (req) => {
  const signature = req.headers.get("elevenlabs-signature");
  // Refused before a byte of the body is read: no secret, no or a malformed header, a stale or
  // future timestamp. The HMAC over the body is checked after, in receiveElevenLabsWebhook.
  const header = checkSignatureHeader(signature, process.env.ELEVENLABS_WEBHOOK_SECRET);
  if (!header.ok) {
    if (header.reason === "secret_not_configured") console.error("ELEVENLABS_WEBHOOK_SECRET is not set: refusing every webhook.");
    throw new AppError("unauthenticated", `Webhook signature rejected (${header.reason}).`);
  }
  const rawBody = await readBodyText(req, MAX_WEBHOOK_BYTES);
  const outcome = await receiveElevenLabsWebhook(rawBody, signature);
  if (!outcome.handled) return Response.json({ received: true, ...outcome });
  followUpCallEnded(outcome, refillOrganization);
  return Response.json({ received: true, handled: true, event: outcome.event });
});
