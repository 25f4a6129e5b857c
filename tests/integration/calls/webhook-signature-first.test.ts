import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { signElevenLabsPayload } from "@/lib/elevenlabs/webhook-signature";

const SECRET = "whsec_signature_first";
const MAX_BYTES = 25 * 1024 * 1024;
const CHUNK = new Uint8Array(1024 * 1024).fill(0x20);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const plausible = (timestamp = nowSeconds()) => `t=${timestamp},v0=${"ab".repeat(32)}`;

/** A request body that counts how many chunks were pulled from it: 0 means the route never read it. */
function countingBody(chunks: number) {
  const read = { chunks: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (read.chunks >= chunks) return controller.close();
        read.chunks++;
        controller.enqueue(CHUNK);
      },
      cancel() {
        read.cancelled = true;
      },
      // Pull only when someone reads (the default would pull one chunk ahead).
    },
    { highWaterMark: 0 },
  );
  return { stream, read };
}

function post(headers: Record<string, string>, body: BodyInit) {
  const request = new Request("http://localhost/api/calls", { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return webhookRoute(request, { params: Promise.resolve({}) });
}

async function expectProblem(res: Response, status: number, detail: RegExp) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
}

describe("POST /api/calls refuses before reading the body", () => {
  const saved = process.env.ELEVENLABS_WEBHOOK_SECRET;
  beforeAll(() => {
    process.env.ELEVENLABS_WEBHOOK_SECRET = SECRET;
  });
  afterAll(() => {
    process.env.ELEVENLABS_WEBHOOK_SECRET = saved;
  });

  it.each([
    ["no signature header", {}, /missing_header/],
    ["a malformed header", { "elevenlabs-signature": "t=soon,v0=zz" }, /malformed_header/],
    ["a header without v0", { "elevenlabs-signature": `t=${nowSeconds()}` }, /malformed_header/],
    ["a timestamp 31 minutes old", { "elevenlabs-signature": plausible(nowSeconds() - 31 * 60) }, /stale_timestamp/],
    ["a timestamp 10 minutes ahead", { "elevenlabs-signature": plausible(nowSeconds() + 10 * 60) }, /future_timestamp/],
  ])("401 for %s, with 0 bytes of a 20 MB body read", async (_, headers, detail) => {
    const { stream, read } = countingBody(20);
    await expectProblem(await post({ "content-type": "application/json", ...headers }, stream), 401, detail);
    expect(read.chunks).toBe(0);
  });

  it("fails closed without a secret, still without reading the body", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    delete process.env.ELEVENLABS_WEBHOOK_SECRET;
    try {
      const { stream, read } = countingBody(20);
      await expectProblem(await post({ "elevenlabs-signature": plausible() }, stream), 401, /secret_not_configured/);
      expect(read.chunks).toBe(0);
      expect(log).toHaveBeenCalledWith(expect.stringContaining("ELEVENLABS_WEBHOOK_SECRET is not set"));
    } finally {
      process.env.ELEVENLABS_WEBHOOK_SECRET = SECRET;
      log.mockRestore();
    }
  });

  it("413 from Content-Length alone when a plausibly signed body declares more than 25 MB", async () => {
    const { stream, read } = countingBody(30);
    await expectProblem(await post({ "elevenlabs-signature": plausible(), "content-length": String(MAX_BYTES + 1) }, stream), 413, /larger than/);
    expect(read.chunks).toBe(0);
  });

  it("413 while streaming a body without Content-Length, stopping at the cap (not reading the rest)", async () => {
    const { stream, read } = countingBody(40);
    await expectProblem(await post({ "elevenlabs-signature": plausible() }, stream), 413, /larger than/);
    expect(read.chunks).toBeLessThanOrEqual(27);
    expect(read.cancelled).toBe(true);
  });

  it("reads a plausibly signed body and still checks its HMAC (401 mismatch)", async () => {
    const body = JSON.stringify({
      type: "call_initiation_failure",
      event_timestamp: 1,
      data: { agent_id: "a", conversation_id: "conv_x", failure_reason: "busy" },
    });
    await expectProblem(await post({ "content-type": "application/json", "elevenlabs-signature": plausible() }, body), 401, /mismatch/);
  });

  it("accepts a correctly signed body (a transcript-sized one of 5 MB included)", async () => {
    const event = {
      type: "call_initiation_failure",
      event_timestamp: 1,
      data: { agent_id: "a", conversation_id: "conv_nobody", failure_reason: "busy", padding: "x".repeat(5 * 1024 * 1024) },
    };
    const body = JSON.stringify(event);
    const res = await post({ "content-type": "application/json", "elevenlabs-signature": signElevenLabsPayload(body, SECRET, nowSeconds()) }, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, handled: false, reason: "unknown conversation" });
  });
});
