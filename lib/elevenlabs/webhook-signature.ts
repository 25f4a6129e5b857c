import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/** The official SDKs refuse signatures older than this; so do we. */
export const SIGNATURE_MAX_AGE_SECONDS = 30 * 60;
/** Allows for clock skew between ElevenLabs and us, without accepting signatures minted for later. */
export const SIGNATURE_MAX_FUTURE_SECONDS = 5 * 60;

export type SignatureRejection = "secret_not_configured" | "missing_header" | "malformed_header" | "stale_timestamp" | "future_timestamp" | "mismatch";

export type SignatureVerification = { ok: true; timestamp: number } | { ok: false; reason: SignatureRejection };

type ParsedSignature = { timestamp: string; signatures: string[] };

/** What can be refused from the header alone: no secret, no header, a malformed one, a stale or future timestamp. */
export type SignatureHeaderCheck = { ok: true; parsed: ParsedSignature } | { ok: false; reason: Exclude<SignatureRejection, "mismatch"> };

/**
 * Everything about a webhook that can be checked without its body. Run it before reading the body,
 * so a request without a plausible, fresh signature costs no upload (the body may be megabytes).
 * Fails closed like verifyElevenLabsSignature.
 */
export function checkSignatureHeader(header: string | null, secret: string | undefined, now: Date = new Date()): SignatureHeaderCheck {
  if (!secret) return { ok: false, reason: "secret_not_configured" };
  if (!header) return { ok: false, reason: "missing_header" };

  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: "malformed_header" };

  const age = Math.floor(now.getTime() / 1000) - Number(parsed.timestamp);
  if (age > SIGNATURE_MAX_AGE_SECONDS) return { ok: false, reason: "stale_timestamp" };
  if (age < -SIGNATURE_MAX_FUTURE_SECONDS) return { ok: false, reason: "future_timestamp" };
  return { ok: true, parsed };
}

/**
 * Checks an `ElevenLabs-Signature: t=<unix seconds>,v0=<hex>` header, where hex is
 * HMAC-SHA256(secret, `${t}.${rawBody}`). Pass the raw request body (`await req.text()`): any
 * re-serialized JSON would differ byte for byte.
 *
 * Fails closed: with no secret configured nothing verifies, so a deployment that forgot the secret
 * rejects every webhook instead of trusting all of them.
 */
export function verifyElevenLabsSignature(rawBody: string, header: string | null, secret: string | undefined, now: Date = new Date()): SignatureVerification {
  if (!secret) return { ok: false, reason: "secret_not_configured" };
  const checked = checkSignatureHeader(header, secret, now);
  if (!checked.ok) return checked;
  const { parsed } = checked;

  // Sign the timestamp exactly as received: the sender signed its own digits, not our number.
  const expected = hmac(secret, `${parsed.timestamp}.${rawBody}`);
  const matches = parsed.signatures.some((hex) => {
    const given = Buffer.from(hex, "hex");
    // timingSafeEqual throws on different lengths; the length of a digest is no secret.
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, timestamp: Number(parsed.timestamp) } : { ok: false, reason: "mismatch" };
}

/** The header value ElevenLabs would send for this body; used by the simulator and tests. */
export function signElevenLabsPayload(rawBody: string, secret: string, timestamp: number): string {
  if (!secret) throw new Error("A webhook secret is required to sign a payload.");
  if (!Number.isInteger(timestamp) || timestamp < 0) throw new Error("timestamp must be whole unix seconds.");
  return `t=${timestamp},v0=${hmac(secret, `${timestamp}.${rawBody}`).toString("hex")}`;
}

function hmac(secret: string, message: string): Buffer {
  return createHmac("sha256", secret).update(message, "utf8").digest();
}

/** `t=…,v0=…` in any order; several `v0` entries are allowed (as during a secret rotation). */
function parseSignatureHeader(header: string): ParsedSignature | null {
  let timestamp: string | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value, ...rest] = part.trim().split("=");
    if (value === undefined || rest.length > 0) return null;
    if (key === "t") {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = value;
    } else if (key === "v0") {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) return null;
      signatures.push(value);
    }
  }
  return timestamp !== null && signatures.length > 0 ? { timestamp, signatures } : null;
}
