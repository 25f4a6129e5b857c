import type { z } from "zod";
import { AppError } from "@/lib/errors";

export const INVALID_CURSOR_MESSAGE = "The page cursor is invalid. Start again from the first page.";

/** A keyset position as clients carry it: JSON in base64url, opaque to them. */
export function encodeOpaqueCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** Reads a cursor made by encodeOpaqueCursor against its schema; anything else is a 400. */
export function decodeOpaqueCursor<S extends z.ZodType>(raw: string, schema: S): z.infer<S> {
  try {
    return schema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new AppError("bad_request", INVALID_CURSOR_MESSAGE);
  }
}
