import { z } from "zod";
import { AppError } from "@/lib/errors";

/** An opaque keyset cursor: the (scheduledTime, id) of the last row of the page, and the direction. */
const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().max(64), o: z.enum(["asc", "desc"]) });
export type ScheduledCallCursor = z.infer<typeof cursorSchema>;

export function encodeScheduledCallCursor(cursor: ScheduledCallCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeScheduledCallCursor(raw: string, order: "asc" | "desc"): ScheduledCallCursor {
  try {
    const cursor = cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    if (cursor.o === order) return cursor;
  } catch {
    // fall through
  }
  throw new AppError("bad_request", "The page cursor is invalid. Start again from the first page.");
}
