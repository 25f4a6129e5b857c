import { isSealed, openValue, sealValue } from "@/lib/crypto/sealed-json";
import { EncryptionKeyError, KEY_VARIABLE, PREVIOUS_KEY_VARIABLE } from "@/lib/crypto/encryption-keys";
import { serverNotConfigured } from "@/lib/config/missing-variable";
import type { SealedEnvelope } from "@/lib/crypto/sealed-json";

/**
 * The columns of a call that hold health information and are stored sealed (AES-256-GCM,
 * docs/transcript-protection.md): the spoken turns, ElevenLabs' analysis (data-collection results
 * included) and the dynamic variables the agent was given. Summary, title, caller name and outcome stay
 * readable: the history lists and searches them.
 */
export const SEALED_CALL_COLUMNS = ["transcript", "analysis", "dynamicVariables"] as const;
export type SealedCallColumn = (typeof SEALED_CALL_COLUMNS)[number];

/** Authenticated with each value, so a value moved to another column does not open there. */
const context = (column: SealedCallColumn) => `call.${column}`;

/** Seals one column's value for storage; null stays null. */
export function sealCallColumn(column: SealedCallColumn, value: unknown): SealedEnvelope | null {
  return value === null || value === undefined ? null : sealValue(value, context(column));
}

/**
 * The stored value in the clear. Only for code that serves a person allowed to read it (the call page,
 * GET /api/calls/{id}, each of which writes an audit entry) or that re-encrypts. A value stored before
 * encryption (no envelope) reads as it is until the re-encryption command seals it. A key that does
 * not open the value answers 503 naming the variable.
 */
export function openCallColumn(column: SealedCallColumn, stored: unknown): unknown {
  if (!isSealed(stored)) return stored ?? null;
  try {
    return openValue(stored, context(column));
  } catch (error) {
    if (error instanceof EncryptionKeyError)
      throw serverNotConfigured([KEY_VARIABLE, PREVIOUS_KEY_VARIABLE], `This call's ${column} cannot be decrypted. ${error.message}`);
    throw error;
  }
}
