import type { CallbackOrigin, ScheduledCallKind } from "@/lib/generated/prisma/enums";

/** Who asked for a callback, in staff's words. */
export function callbackOriginWords(origin: CallbackOrigin | null): string {
  if (origin === "AGENT") return "scheduled by the agent during the call";
  if (origin === "AFTER_CALL") return "made from the call's outcome";
  if (origin === "STAFF") return "scheduled by staff";
  return "";
}

export const KIND_WORDS: Record<ScheduledCallKind, string> = { CALL: "Calls", CALLBACK: "Call backs", CHECK_IN: "Check-ins" };
