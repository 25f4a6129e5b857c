// The post-call webhook served over HTTP, so the simulator's signed webhooks reach Callboard as
// ElevenLabs' would. It repeats the POST of app/api/calls/route.ts step for step (verify and apply;
// after the answer, the feed entry and the clinic's refill) with the same lib functions: the route
// module itself cannot be loaded outside Next or vitest — lib/auth/auth-options.ts default-imports
// next-auth's CommonJS credentials provider, which Node's ESM loader hands over as an object
// ("CredentialsProvider is not a function").
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { receiveElevenLabsWebhook } from "../lib/calls/webhooks/receive-webhook";
import { followUpCallEnded } from "../lib/calls/webhooks/after-answer";
import { refillOrganization } from "../lib/dispatch/dispatch-now";
import { recordCallEndedSoon } from "../lib/calls/webhooks/record-call-ended";
import { problemResponse } from "../lib/errors";

export const WEBHOOK_SECRET = "whsec_bench";

export interface WebhookReceiver {
  url: string;
  /** Webhooks answered 2xx, and those refused (a signature or payload Callboard rejected). */
  stats: { handled: number; ignored: number; refused: number };
  close(): Promise<void>;
}

/** `refill: false` applies the events and writes the feed, but dials nothing after them: one dispatcher run is alone in dialing. */
export async function serveWebhooks(options: { refill: boolean }): Promise<WebhookReceiver> {
  const stats = { handled: 0, ignored: 0, refused: 0 };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let response: Response;
    try {
      const outcome = await receiveElevenLabsWebhook(
        Buffer.concat(chunks).toString("utf8"),
        req.headers["elevenlabs-signature"]?.toString() ?? null,
        WEBHOOK_SECRET,
      );
      if (outcome.handled) {
        stats.handled += 1;
        if (options.refill) followUpCallEnded(outcome, refillOrganization);
        else recordCallEndedSoon(outcome.ended, outcome.end);
      } else {
        stats.ignored += 1;
      }
      response = Response.json({ received: true, ...outcome });
    } catch (error) {
      stats.refused += 1;
      response = problemResponse(error);
    }
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/calls`,
    stats,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
