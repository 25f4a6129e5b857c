import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";

export type WebhookDelivery = {
  type: string;
  conversationId: string;
  url: string;
  /** The receiver's HTTP status; null when it could not be reached. */
  status: number | null;
  error: string | null;
  deliveredAt: string;
};

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * POSTs one event the way ElevenLabs does: raw JSON body, `ElevenLabs-Signature: t=…,v0=…`,
 * sent once. A failure is reported, never retried — the receiver must cope with lost events.
 */
export async function deliverWebhook(options: {
  url: string;
  secret: string | null;
  event: { type: string; event_timestamp: number; data: { conversation_id: string } };
  /** Aborts the delivery (the simulator was reset or closed). */
  signal?: AbortSignal;
}): Promise<WebhookDelivery> {
  const { url, secret, event } = options;
  const rawBody = JSON.stringify(event);
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "callboard-elevenlabs-simulator" };
  if (secret) headers["ElevenLabs-Signature"] = signElevenLabsPayload(rawBody, secret, event.event_timestamp);

  const base = { type: event.type, conversationId: event.data.conversation_id, url };
  try {
    const response = await fetch(url, { method: "POST", headers, body: rawBody, signal: anySignal(options.signal) });
    await response.body?.cancel();
    return {
      ...base,
      status: response.status,
      error: response.ok ? null : `Receiver answered HTTP ${response.status}`,
      deliveredAt: new Date().toISOString(),
    };
  } catch (error) {
    const cause = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { ...base, status: null, error: cause, deliveredAt: new Date().toISOString() };
  }
}

function anySignal(signal: AbortSignal | undefined): AbortSignal {
  const timeout = AbortSignal.timeout(DELIVERY_TIMEOUT_MS);
  return signal ? AbortSignal.any([timeout, signal]) : timeout;
}
