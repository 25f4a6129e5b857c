/**
 * What a failed ElevenLabs request means for the caller.
 *
 * - `retryable`: nothing happened on the provider's side (or it told us to come back later);
 *   sending the same request again is safe.
 * - `permanent`: the provider refused the request as it stands (bad number, bad key, unknown id);
 *   sending it again will fail the same way.
 * - `unknown_outcome`: the request left this process but no answer came back. For a dial the
 *   patient's phone may be ringing, and the endpoint has no idempotency key, so the attempt must be
 *   reconciled by its `user_id` (listConversations) — never redialed blindly.
 */
export type ElevenLabsErrorKind = "retryable" | "permanent" | "unknown_outcome";

export type ElevenLabsFailure = {
  kind: ElevenLabsErrorKind;
  /** HTTP status of the provider's answer; null when there was no answer. */
  status: number | null;
  /** The provider's reason in plain words, or what went wrong on the way. */
  message: string;
  /** Machine-readable detail when there is one: the provider's `detail.status`, or a socket error code. */
  code: string | null;
  /** How long the provider asked us to wait (its Retry-After header), when it said. */
  retryAfterMs?: number | null;
};

export type ElevenLabsResult<T> = { ok: true; value: T } | { ok: false; error: ElevenLabsFailure };

/** Classifies a non-2xx answer. The status decides the kind; the body only supplies words. */
export function classifyHttpError(status: number, body: unknown, retryAfter: string | null = null, now = Date.now()): ElevenLabsFailure {
  const kind: ElevenLabsErrorKind = status === 429 || status >= 500 ? "retryable" : "permanent";
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  return {
    kind,
    status,
    message: providerMessage(body) ?? `ElevenLabs answered HTTP ${status}`,
    code: providerCode(body),
    ...(retryAfterMs !== null ? { retryAfterMs } : {}),
  };
}

/** `Retry-After: 120` or an HTTP date → milliseconds from now (null when absent or unreadable). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * Socket errors raised before any byte of the request could have reached the provider: the
 * connection was never established, so a retry cannot ring anyone twice.
 */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  // TLS handshake failures also happen before the request is written.
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/**
 * Classifies an error thrown by `fetch` (no HTTP answer at all).
 *
 * Anything we cannot prove happened before sending — our own timeout, a reset or closed socket,
 * an unrecognised error — is `unknown_outcome` for a request with side effects. Reads
 * (`idempotent: true`) have nothing to reconcile, so those become `retryable`.
 */
export function classifyNetworkError(error: unknown, options: { idempotent: boolean }): ElevenLabsFailure {
  const code = errorCode(error);
  if (code !== null && NOT_SENT_CODES.has(code)) {
    return { kind: "retryable", status: null, code, message: `Could not connect to ElevenLabs (${code})` };
  }
  const timedOut = isTimeout(error);
  const message = timedOut
    ? "ElevenLabs did not answer before the timeout"
    : `The connection to ElevenLabs failed after the request was sent${code ? ` (${code})` : ""}`;
  return {
    kind: options.idempotent ? "retryable" : "unknown_outcome",
    status: null,
    code: timedOut ? "TIMEOUT" : code,
    message,
  };
}

/**
 * The provider's own explanation: FastAPI validation errors (`detail: [{ loc, msg }]`),
 * ElevenLabs errors (`detail: { status, message }`) or a plain `detail` string.
 */
export function providerMessage(body: unknown): string | null {
  const detail = isRecord(body) ? body.detail : undefined;
  if (typeof detail === "string" && detail.trim()) return detail.trim();
  if (Array.isArray(detail)) {
    const parts = detail.filter(isRecord).flatMap((item) => {
      if (typeof item.msg !== "string") return [];
      const field = Array.isArray(item.loc) ? item.loc.filter((part) => part !== "body").join(".") : "";
      return [field ? `${field}: ${item.msg}` : item.msg];
    });
    return parts.length > 0 ? parts.join("; ") : null;
  }
  if (isRecord(detail)) {
    if (typeof detail.message === "string" && detail.message.trim()) return detail.message.trim();
    if (typeof detail.status === "string" && detail.status.trim()) return detail.status.trim();
  }
  return null;
}

function providerCode(body: unknown): string | null {
  const detail = isRecord(body) ? body.detail : undefined;
  return isRecord(detail) && typeof detail.status === "string" ? detail.status : null;
}

/** undici wraps socket errors: `TypeError: fetch failed` with the real error (and its code) in `cause`. */
function errorCode(error: unknown): string | null {
  for (let current: unknown = error, depth = 0; isRecord(current) && depth < 4; depth++) {
    if (typeof current.code === "string") return current.code;
    current = current.cause;
  }
  return null;
}

function isTimeout(error: unknown): boolean {
  return isRecord(error) && (error.name === "TimeoutError" || error.name === "AbortError");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
