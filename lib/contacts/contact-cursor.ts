import { z } from "zod";
import { AppError } from "@/lib/errors";
import { decodeOpaqueCursor, encodeOpaqueCursor, INVALID_CURSOR_MESSAGE } from "@/lib/http/opaque-cursor";

export const CONTACT_SORTS = ["name", "created"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

/**
 * A keyset cursor, opaque to clients: the sort it belongs to, the sort value and id of the row it
 * points at, and whether the page wanted is the one after that row or the one before it.
 */
const cursorSchema = z.object({
  s: z.enum(CONTACT_SORTS),
  v: z.string().max(1_000),
  id: z.string().max(64),
  d: z.enum(["after", "before"]),
});
export type ContactCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: ContactCursor): string {
  return encodeOpaqueCursor(cursor);
}

export function decodeCursor(raw: string, sort: ContactSort): ContactCursor {
  const cursor = decodeOpaqueCursor(raw, cursorSchema);
  if (cursor.s !== sort) throw new AppError("bad_request", "The page cursor belongs to another sort order. Start again from the first page.");
  if (sort === "created" && Number.isNaN(Date.parse(cursor.v))) {
    throw new AppError("bad_request", INVALID_CURSOR_MESSAGE);
  }
  return cursor;
}
