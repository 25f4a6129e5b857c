import "server-only";
import type { z } from "zod";
import { classifyHttpError, classifyNetworkError, type ElevenLabsResult } from "@/lib/elevenlabs/classify-error";
import type { ElevenLabsConfig } from "@/lib/elevenlabs/config";

type Request<T> = {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** The response schema; a 2xx body that does not match it is reported, never trusted. */
  schema: z.ZodType<T>;
};

/**
 * One HTTP request to ElevenLabs, never retried here: the outbound-call endpoint has no
 * idempotency key, so whether to try again is the dispatcher's decision, made from the
 * classified failure.
 */
export async function sendRequest<T>(config: ElevenLabsConfig, request: Request<T>): Promise<ElevenLabsResult<T>> {
  const idempotent = request.method === "GET";
  const url = new URL(config.baseUrl + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }

  let response: Response;
  let text: string;
  try {
    response = await config.fetch(url, {
      method: request.method,
      headers: {
        "xi-api-key": config.apiKey,
        accept: "application/json",
        ...(request.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      // The timeout covers reading the body too: a provider that sends headers and then stalls
      // is as unanswered as one that never replies.
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    return { ok: false, error: classifyNetworkError(error, { idempotent }) };
  }

  const body = parseJson(text);
  if (!response.ok) return { ok: false, error: classifyHttpError(response.status, body, response.headers.get("retry-after")) };

  const parsed = request.schema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        // A 2xx means the provider acted; if we cannot read what it did, a dial must be reconciled.
        kind: idempotent ? "retryable" : "unknown_outcome",
        status: response.status,
        code: "INVALID_RESPONSE",
        message: `ElevenLabs answered HTTP ${response.status} with an unexpected body: ${summarizeIssues(parsed.error)}`,
      },
    };
  }
  return { ok: true, value: parsed.data };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(body)"} ${issue.message}`)
    .join("; ");
}
