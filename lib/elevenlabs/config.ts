import "server-only";
import { serverNotConfigured } from "@/lib/config/missing-variable";

export const DEFAULT_ELEVENLABS_BASE_URL = "https://api.elevenlabs.io";
export const DEFAULT_ELEVENLABS_TIMEOUT_MS = 15_000;

export type ElevenLabsConfig = {
  /** Without a trailing slash, e.g. `https://api.elevenlabs.io` or the simulator's URL. */
  baseUrl: string;
  apiKey: string;
  /** Whole-request budget: connect, send and read the answer. */
  timeoutMs: number;
  fetch: typeof fetch;
};

/**
 * Fills what the caller did not pass from the environment:
 * `ELEVENLABS_API_BASE_URL`, `ELEVENLABS_API_KEY`, `ELEVENLABS_TIMEOUT_MS`.
 * Throws a 503 naming the variable when no API key can be found (or a value is invalid), so a
 * misconfigured deployment fails at the first dial with a clear message instead of a 401 per patient.
 */
export function resolveElevenLabsConfig(options: Partial<ElevenLabsConfig> = {}, env: Record<string, string | undefined> = process.env): ElevenLabsConfig {
  const apiKey = options.apiKey ?? env.ELEVENLABS_API_KEY?.trim();
  if (!apiKey) throw serverNotConfigured(["ELEVENLABS_API_KEY"], "ELEVENLABS_API_KEY is not set; the ElevenLabs client cannot authenticate.");

  const baseUrl = (options.baseUrl ?? env.ELEVENLABS_API_BASE_URL?.trim() ?? DEFAULT_ELEVENLABS_BASE_URL).replace(/\/+$/, "");
  if (!/^https?:\/\//.test(baseUrl))
    throw serverNotConfigured(["ELEVENLABS_API_BASE_URL"], `ElevenLabs base URL (ELEVENLABS_API_BASE_URL) must start with http(s)://, got "${baseUrl}".`);

  const timeoutMs = options.timeoutMs ?? parsePositiveInt(env.ELEVENLABS_TIMEOUT_MS) ?? DEFAULT_ELEVENLABS_TIMEOUT_MS;
  return { baseUrl, apiKey, timeoutMs, fetch: options.fetch ?? globalThis.fetch };
}

function parsePositiveInt(value: string | undefined): number | undefined {
  if (!value?.trim()) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0)
    throw serverNotConfigured(["ELEVENLABS_TIMEOUT_MS"], `ELEVENLABS_TIMEOUT_MS must be a positive integer, got "${value}".`);
  return parsed;
}
