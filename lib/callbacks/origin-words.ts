import type { CallbackOrigin } from "@/lib/generated/prisma/enums";

/** Who asked for a callback, in staff's words (the screens and the answers say it alike). */
export function callbackOriginWords(origin: CallbackOrigin | null): string {
  if (origin === "AGENT") return "scheduled by the agent during the call";
  if (origin === "AFTER_CALL") return "made from the call's outcome";
  if (origin === "STAFF") return "scheduled by staff";
  return "";
}
