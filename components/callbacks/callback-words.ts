import type { ScheduledCallKind } from "@/lib/generated/prisma/enums";

export { callbackOriginWords } from "@/lib/callbacks/origin-words";

export const KIND_WORDS: Record<ScheduledCallKind, string> = { CALL: "Calls", CALLBACK: "Call backs", CHECK_IN: "Check-ins" };
