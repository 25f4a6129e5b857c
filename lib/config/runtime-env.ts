import "server-only";
import { encryptionKeyProblems } from "@/lib/crypto/encryption-keys";

/**
 * Configuration the server cannot run safely without. Returns the problems in plain words, each
 * naming its variable, all at once (an operator fixes them in one go); an empty list means the
 * server may start.
 *
 * Required in production, and why:
 * - DATABASE_URL (every environment): nothing works without it.
 * - NEXTAUTH_SECRET (≥ 32 characters): signs the session cookies.
 * - NEXTAUTH_URL, unless on Vercel or AUTH_TRUST_HOST is set: next-auth 4 otherwise builds its
 *   redirects from http://localhost:3000.
 * - ELEVENLABS_API_KEY: no call can be placed without it (`npm start` and the e2e server set the
 *   simulator's).
 * - ELEVENLABS_WEBHOOK_SECRET: every post-call webhook is refused without it, so no call ever ends.
 * - CRON_SECRET: the dispatcher route refuses every request without it, so no scheduled call goes out
 *   (`npm start` generates one for its local cron unless LOCAL_CRON=off).
 * - TRANSCRIPT_ENCRYPTION_KEY (base64 of 32 bytes): seals call transcripts at rest. A malformed key (or
 *   TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS) is refused in every environment; outside production an unset one
 *   means the public development key (lib/crypto/encryption-keys.ts).
 */
export function runtimeEnvProblems(env: Record<string, string | undefined> = process.env): string[] {
  const problems: string[] = [];
  const production = env.NODE_ENV === "production";
  const set = (name: string) => Boolean(env[name]?.trim());
  if (!set("DATABASE_URL")) {
    problems.push("DATABASE_URL is not set. Point it at PostgreSQL, or use `npm run dev` / `npm start`, which start the embedded database.");
  }
  if (!production) return [...problems, ...encryptionKeyProblems(env)];

  if (!set("NEXTAUTH_SECRET")) {
    problems.push("NEXTAUTH_SECRET is not set. Sessions cannot be signed safely. Generate one with `openssl rand -base64 32` and set it in the environment.");
  } else if ((env.NEXTAUTH_SECRET?.length ?? 0) < 32) {
    problems.push("NEXTAUTH_SECRET is shorter than 32 characters. Use a long random value (`openssl rand -base64 32`).");
  }
  if (!set("NEXTAUTH_URL") && !set("VERCEL") && !set("AUTH_TRUST_HOST")) {
    problems.push("NEXTAUTH_URL is not set. Set it to the site's public URL (https://…); without it sign-in redirects to http://localhost:3000.");
  } else if (set("NEXTAUTH_URL") && !isHttpUrl(env.NEXTAUTH_URL!.trim())) {
    problems.push("NEXTAUTH_URL is not an http(s) URL. Set it to the site's public URL, e.g. https://callboard.example.com.");
  }
  if (!set("ELEVENLABS_API_KEY")) {
    problems.push("ELEVENLABS_API_KEY is not set. No call can be placed. Set your ElevenLabs workspace's API key.");
  }
  if (!set("ELEVENLABS_WEBHOOK_SECRET")) {
    problems.push(
      "ELEVENLABS_WEBHOOK_SECRET is not set. Every post-call webhook would be refused, so no call would ever end. Copy the secret of the webhook in ElevenLabs → Settings → Webhooks.",
    );
  }
  if (!set("CRON_SECRET")) {
    problems.push(
      "CRON_SECRET is not set. The dispatcher route would refuse every request, so no scheduled call would go out. Set a long random value here and in the cron's settings (`openssl rand -base64 32`).",
    );
  }
  problems.push(...encryptionKeyProblems(env));
  return problems;
}

function isHttpUrl(value: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
