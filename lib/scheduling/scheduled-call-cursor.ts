import { z } from "zod";
import { AppError } from "@/lib/errors";
import { decodeOpaqueCursor, encodeOpaqueCursor, INVALID_CURSOR_MESSAGE } from "@/lib/http/opaque-cursor";

/**
 * The order a list is read in: "due" is the Pending tab's, by when each call is next due (a retry's time, else its
 * scheduled time); "asc" and "desc" are by scheduled time.
 */
export type ScheduledCallOrder = "due" | "asc" | "desc";

/** An opaque keyset cursor: the (time, id) of the last row of the page in the list's order, and that order. */
const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().max(64), o: z.enum(["due", "asc", "desc"]) });
export type ScheduledCallCursor = z.infer<typeof cursorSchema>;

export function encodeScheduledCallCursor(cursor: ScheduledCallCursor): string {
  return encodeOpaqueCursor(cursor);
}

/** A cursor made for another order — another tab's, or the Pending tab's from before it read by due time — is a 400. */
export function decodeScheduledCallCursor(raw: string, order: ScheduledCallOrder): ScheduledCallCursor {
  const cursor = decodeOpaqueCursor(raw, cursorSchema);
  if (cursor.o !== order) throw new AppError("bad_request", INVALID_CURSOR_MESSAGE);
  return cursor;
}
