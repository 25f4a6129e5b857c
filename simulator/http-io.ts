import type { IncomingMessage, ServerResponse } from "node:http";

/** Bodies above this are refused (413): the real dial body is a few kilobytes. */
export const MAX_BODY_BYTES = 1_000_000;

export class BodyTooLargeError extends Error {}

/**
 * Reads the body as text. Past the limit it rejects at once and discards the rest: the 413 goes
 * out with `connection: close`, so no client reuses a socket with half a body still in it.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      tooLarge = true;
      chunks.length = 0;
      reject(new BodyTooLargeError(`Request body exceeds ${limit} bytes`));
    });
    req.on("end", () => {
      if (!tooLarge) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Answers an API request with JSON and records the status on the request's log entry. */
export type Responder = (status: number, body: unknown) => void;
