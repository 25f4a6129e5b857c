import "server-only";
import { createHash } from "node:crypto";

export const KEY_VARIABLE = "TRANSCRIPT_ENCRYPTION_KEY";
export const PREVIOUS_KEY_VARIABLE = "TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS";

export interface EncryptionKey {
  /** Stored beside every sealed value: which key opens it. */
  id: string;
  bytes: Buffer;
}

export interface Keyring {
  /** Seals every new value. */
  current: EncryptionKey;
  /** Opens values sealed before a rotation, until the re-encryption has run. */
  previous: EncryptionKey | null;
  /** True when no key was configured and the development key is in use. */
  development: boolean;
}

/**
 * DEVELOPMENT ONLY — a fixed, public key, so `npm run dev`, the seed, scripts and tests read each other's
 * transcripts with no setup. Used only when TRANSCRIPT_ENCRYPTION_KEY is unset outside production; the
 * server refuses to start in production without a key of its own (lib/config/runtime-env.ts).
 */
const DEVELOPMENT_KEY: EncryptionKey = {
  id: "dev-only",
  bytes: createHash("sha256").update("callboard development transcript key - public, never use in production").digest(),
};

/** The development key as a variable's value: for local runs in production mode (the embedded demo), never a real server. */
export function developmentKeyBase64(): string {
  return DEVELOPMENT_KEY.bytes.toString("base64");
}

type Env = Record<string, string | undefined>;

/** A key as configured: base64 (or base64url) of exactly 32 random bytes. */
function parseKey(name: string, raw: string): EncryptionKey | string {
  const text = raw.trim();
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) ? Buffer.from(text, "base64") : Buffer.alloc(0);
  if (bytes.length !== 32) {
    return `${name} is not a base64-encoded 32-byte key (it decodes to ${bytes.length} bytes). Generate one with \`openssl rand -base64 32\`.`;
  }
  // The development key keeps its name when set explicitly (the local demo start does), so what dev sealed opens.
  if (bytes.equals(DEVELOPMENT_KEY.bytes)) return DEVELOPMENT_KEY;
  // The id names the key without revealing it: the first 8 bytes of its SHA-256, in hex.
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 16), bytes };
}

/** What is wrong with the configured keys, each problem naming its variable; empty when they are usable. */
export function encryptionKeyProblems(env: Env = process.env): string[] {
  const problems: string[] = [];
  const current = env[KEY_VARIABLE]?.trim();
  const previous = env[PREVIOUS_KEY_VARIABLE]?.trim();
  if (!current) {
    if (env.NODE_ENV === "production") {
      problems.push(
        `${KEY_VARIABLE} is not set. Call transcripts are health information and are stored encrypted with it. Generate one with \`openssl rand -base64 32\` and keep it safe: without it no stored transcript can be read.`,
      );
    }
    if (previous)
      problems.push(
        `${PREVIOUS_KEY_VARIABLE} is set without ${KEY_VARIABLE}. During a rotation set the new key in ${KEY_VARIABLE} and the old one in ${PREVIOUS_KEY_VARIABLE}.`,
      );
  } else {
    const parsed = parseKey(KEY_VARIABLE, current);
    if (typeof parsed === "string") problems.push(parsed);
  }
  if (previous) {
    const parsed = parseKey(PREVIOUS_KEY_VARIABLE, previous);
    if (typeof parsed === "string") problems.push(parsed);
  }
  return problems;
}

let cached: { signature: string; keyring: Keyring } | null = null;

/**
 * The keys from the environment. Throws, naming the variable, when a key is malformed or missing in
 * production (the server refuses to start then anyway; this guards scripts and the cron alike).
 */
export function readKeyring(env: Env = process.env): Keyring {
  const signature = `${env.NODE_ENV}|${env[KEY_VARIABLE] ?? ""}|${env[PREVIOUS_KEY_VARIABLE] ?? ""}`;
  if (cached?.signature === signature) return cached.keyring;
  const problems = encryptionKeyProblems(env);
  if (problems.length) throw new EncryptionKeyError(problems.join(" "));
  const current = env[KEY_VARIABLE]?.trim();
  const previous = env[PREVIOUS_KEY_VARIABLE]?.trim();
  const keyring: Keyring = {
    current: current ? (parseKey(KEY_VARIABLE, current) as EncryptionKey) : DEVELOPMENT_KEY,
    previous: previous ? (parseKey(PREVIOUS_KEY_VARIABLE, previous) as EncryptionKey) : null,
    development: !current,
  };
  cached = { signature, keyring };
  return keyring;
}

/** A key is missing, malformed, or is not the one a stored value was sealed with. */
export class EncryptionKeyError extends Error {
  readonly variable = KEY_VARIABLE;
  constructor(message: string) {
    super(message);
    this.name = "EncryptionKeyError";
  }
}
