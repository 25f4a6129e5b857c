import { z } from "zod";
import { AppError } from "@/lib/errors";

/** An opaque keyset cursor: the (createdAt, id) of the last call of the page (newest first). */
const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().max(64) });
export type CallCursor = z.infer<typeof cursorSchema>;

export function encodeCallCursor(cursor: CallCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCallCursor(raw: string): CallCursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new AppError("bad_request", "The page cursor is invalid. Start again from the first page.");
  }
}
