import type { ConsentBasis } from "@/lib/generated/prisma/enums";

/**
 * Why a contact may not be called for lack of consent, in plain words, or null when they may be. An AI voice
 * is an artificial voice (FCC 24-17): an outbound call needs the patient's prior consent, so consent recorded
 * as "none" (the patient agreed to no calls) refuses every outbound call, wherever the do-not-call list is
 * checked. Consent not recorded (null) stays callable: clinics often import patients before recording how
 * they agreed, and the clinic answers for having it. Care reminders and marketing are callable.
 */
export function consentRefusal(basis: ConsentBasis | null | undefined): string | null {
  return basis === "NONE" ? "No consent (agreed to no calls)" : null;
}

/** "has agreed to no calls": how every refusal names it, after the patient's name. */
export const NO_CONSENT_WORDS = "has agreed to no calls";
