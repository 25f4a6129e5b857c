import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { AUTH_MAX_BODY_BYTES } from "@/lib/auth/next-auth-route";

const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
const CHUNK = 64 * 1024;

/** A body of `total` bytes that counts how much of it the server pulled. */
function countedBody(total: number) {
  const pulled = { bytes: 0 };
  const chunk = new Uint8Array(CHUNK).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

function signInPost(body: BodyInit, headers: Record<string, string> = {}) {
  const headersSent = { "content-type": "application/x-www-form-urlencoded", ...headers };
  const request = new Request("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: headersSent,
    body,
    duplex: "half",
  } as RequestInit);
  return new NextRequest(request);
}

// next-auth reads a POST's whole body before it checks anything, for an anonymous caller too.
describe("POST /api/auth/* body limit", () => {
  it("stops reading a streamed 50 MB body at the cap and answers 413", async () => {
    const { stream, pulled } = countedBody(50 * 1024 * 1024);
    const res = await POST(signInPost(stream), context);
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(pulled.bytes).toBeLessThanOrEqual(AUTH_MAX_BODY_BYTES + 2 * CHUNK);
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    const { stream, pulled } = countedBody(50 * 1024 * 1024);
    const res = await POST(signInPost(stream, { "content-length": String(50 * 1024 * 1024) }), context);
    expect(res.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(2 * CHUNK);
  });
});
