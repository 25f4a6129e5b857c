import type { z } from "zod";
import { AppError, fromZodError } from "@/lib/errors";
import { findUnstorableText, UNSTORABLE_TEXT_MESSAGE } from "@/lib/http/storable-text";

export const DEFAULT_JSON_LIMIT_BYTES = 1_000_000;

/**
 * Reads the body as bytes with a size cap, checked before (Content-Length) and while reading, so a
 * huge body never lands in memory. `tooLarge` replaces the generic 413 message.
 */
export async function readBodyBytes(req: Request, maxBytes: number, tooLarge?: string): Promise<Uint8Array> {
  const refuse = () => new AppError("payload_too_large", tooLarge ?? `The request body is larger than ${maxBytes} bytes.`);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw refuse();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw refuse();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads the body as UTF-8 text with a size cap (see readBodyBytes). */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(req, maxBytes));
}

/** Parses a JSON body against a zod schema: malformed JSON and schema failures are 400s with the reasons. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = DEFAULT_JSON_LIMIT_BYTES): Promise<z.infer<S>> {
  const text = await readBodyText(req, maxBytes);
  let data: unknown;
  try {
    data = text.length ? JSON.parse(text) : undefined;
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  assertStorable(data);
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/** Parses URL search params (first value per key) against a zod schema. */
export function readQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams.entries());
  assertStorable(params, "Some query parameters are invalid");
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error, "Some query parameters are invalid");
  return parsed.data;
}

/**
 * Refuses text PostgreSQL cannot store (NUL, lone surrogates) anywhere in `data` with a 400 naming
 * the field — before the schema runs, so no route can forget it.
 */
export function assertStorable(data: unknown, message = "Some fields are invalid"): void {
  const path = findUnstorableText(data);
  if (path !== null) throw new AppError("invalid_input", message, { issues: [{ path, message: UNSTORABLE_TEXT_MESSAGE }] });
}
