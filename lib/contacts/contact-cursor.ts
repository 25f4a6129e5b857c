import { z } from "zod";
import { AppError } from "@/lib/errors";

/** A keyset cursor: the sort value and id of the last row of a page, opaque to clients. */
const cursorSchema = z.object({ v: z.string(), id: z.string() });
export type ContactCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: ContactCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(raw: string): ContactCursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new AppError("bad_request", "The page cursor is invalid. Start again from the first page.");
  }
}
