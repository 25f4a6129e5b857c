import { z } from "zod";
import { AppError } from "@/lib/errors";
import { decodeOpaqueCursor, encodeOpaqueCursor, INVALID_CURSOR_MESSAGE } from "@/lib/http/opaque-cursor";

/** An opaque keyset cursor: the (scheduledTime, id) of the last row of the page, and the direction. */
const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().max(64), o: z.enum(["asc", "desc"]) });
export type ScheduledCallCursor = z.infer<typeof cursorSchema>;

export function encodeScheduledCallCursor(cursor: ScheduledCallCursor): string {
  return encodeOpaqueCursor(cursor);
}

export function decodeScheduledCallCursor(raw: string, order: "asc" | "desc"): ScheduledCallCursor {
  const cursor = decodeOpaqueCursor(raw, cursorSchema);
  if (cursor.o !== order) throw new AppError("bad_request", INVALID_CURSOR_MESSAGE);
  return cursor;
}
