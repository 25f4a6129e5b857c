import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { EncryptionKeyError, KEY_VARIABLE, PREVIOUS_KEY_VARIABLE, readKeyring, type EncryptionKey, type Keyring } from "@/lib/crypto/encryption-keys";

/** A JSON value encrypted with AES-256-GCM, as stored in a Json column. */
export type SealedEnvelope = {
  v: 1;
  /** The id of the key that sealed it (lib/crypto/encryption-keys.ts). */
  kid: string;
  /** 12-byte nonce, base64; new for every value. */
  iv: string;
  /** 16-byte authentication tag, base64. */
  tag: string;
  /** The JSON text, encrypted, base64. */
  ct: string;
};

const ALGORITHM = "aes-256-gcm";

export function isSealed(value: unknown): value is SealedEnvelope {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return v.v === 1 && typeof v.kid === "string" && typeof v.iv === "string" && typeof v.tag === "string" && typeof v.ct === "string";
}

/**
 * Encrypts a JSON value with the current key. `context` (e.g. "call.transcript") is authenticated with
 * it, so a value copied into another column does not open there.
 */
export function sealValue(value: unknown, context: string, keyring: Keyring = readKeyring()): SealedEnvelope {
  const key = keyring.current;
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key.bytes, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return { v: 1, kid: key.id, iv: iv.toString("base64"), tag: cipher.getAuthTag().toString("base64"), ct: ct.toString("base64") };
}

function keyFor(envelope: SealedEnvelope, keyring: Keyring): EncryptionKey {
  if (envelope.kid === keyring.current.id) return keyring.current;
  if (keyring.previous && envelope.kid === keyring.previous.id) return keyring.previous;
  throw new EncryptionKeyError(
    `A stored value was sealed with key ${envelope.kid}, which is neither ${KEY_VARIABLE} (${keyring.current.id})` +
      `${keyring.previous ? ` nor ${PREVIOUS_KEY_VARIABLE} (${keyring.previous.id})` : ""}. Set the key it was sealed with` +
      ` (during a rotation: the old one in ${PREVIOUS_KEY_VARIABLE}).`,
  );
}

/** Decrypts a sealed value; throws EncryptionKeyError when no configured key opens it. */
export function openValue(envelope: SealedEnvelope, context: string, keyring: Keyring = readKeyring()): unknown {
  const key = keyFor(envelope, keyring);
  try {
    const decipher = createDecipheriv(ALGORITHM, key.bytes, Buffer.from(envelope.iv, "base64"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(envelope.tag, "base64"));
    const text = Buffer.concat([decipher.update(Buffer.from(envelope.ct, "base64")), decipher.final()]).toString("utf8");
    return JSON.parse(text) as unknown;
  } catch {
    throw new EncryptionKeyError(
      `A stored value sealed with key ${envelope.kid} did not authenticate: the key configured under that id is not the one that sealed it, or the value was altered.`,
    );
  }
}

/** True when the value is sealed with the current key (nothing for a re-encryption to do). */
export function isSealedWithCurrentKey(value: unknown, keyring: Keyring = readKeyring()): boolean {
  return isSealed(value) && value.kid === keyring.current.id;
}
