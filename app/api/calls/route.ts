import { withErrors, withOrg } from "@/lib/auth/with-org";
import { readBodyText, readQuery } from "@/lib/http/parse-request";
import { receiveElevenLabsWebhook } from "@/lib/calls/webhooks/receive-webhook";
import { followUpCallEnded } from "@/lib/calls/webhooks/after-answer";
import { refillOrganization } from "@/lib/dispatch/dispatch-now";
import { listCalls } from "@/lib/calls/history/list-calls";
import { listCallsQuerySchema } from "@/lib/calls/history/schemas";

// post_call_audio carries base64 MP3 and can be megabytes; the signature covers the whole body.
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
  const rawBody = await readBodyText(req, MAX_WEBHOOK_BYTES);
  const outcome = await receiveElevenLabsWebhook(rawBody, req.headers.get("elevenlabs-signature"));
  if (!outcome.handled) return Response.json({ received: true, ...outcome });
  followUpCallEnded(outcome, refillOrganization);
  return Response.json({ received: true, handled: true, event: outcome.event });
});
