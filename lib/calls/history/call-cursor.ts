import { z } from "zod";
import { decodeOpaqueCursor, encodeOpaqueCursor } from "@/lib/http/opaque-cursor";

/** An opaque keyset cursor: the (createdAt, id) of the last call of the page (newest first). */
const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().max(64) });
export type CallCursor = z.infer<typeof cursorSchema>;

export function encodeCallCursor(cursor: CallCursor): string {
  return encodeOpaqueCursor(cursor);
}

export function decodeCallCursor(raw: string): CallCursor {
  return decodeOpaqueCursor(raw, cursorSchema);
}
