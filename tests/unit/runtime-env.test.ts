import { afterEach, describe, expect, it, vi } from "vitest";
import { runtimeEnvProblems } from "@/lib/config/runtime-env";
import { refuseUnsafeStart } from "@/lib/config/refuse-unsafe-start";

const COMPLETE = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://x",
  NEXTAUTH_SECRET: "x".repeat(32),
  NEXTAUTH_URL: "https://callboard.example.com",
  ELEVENLABS_API_KEY: "key",
  ELEVENLABS_WEBHOOK_SECRET: "whsec",
  CRON_SECRET: "cron",
  TRANSCRIPT_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
} as const;

const without = (...names: (keyof typeof COMPLETE)[]) =>
  Object.fromEntries(Object.entries(COMPLETE).filter(([name]) => !names.includes(name as keyof typeof COMPLETE)));

describe("runtime configuration", () => {
  afterEach(() => vi.restoreAllMocks());

  it("lets a complete production configuration start", () => {
    expect(runtimeEnvProblems({ ...COMPLETE })).toEqual([]);
  });

  it.each([
    "DATABASE_URL",
    "NEXTAUTH_SECRET",
    "NEXTAUTH_URL",
    "ELEVENLABS_API_KEY",
    "ELEVENLABS_WEBHOOK_SECRET",
    "CRON_SECRET",
    "TRANSCRIPT_ENCRYPTION_KEY",
  ] as const)("refuses production without %s, naming it (blank counts as unset)", (name) => {
    expect(runtimeEnvProblems(without(name))).toEqual([expect.stringMatching(new RegExp(`^${name} is not set`))]);
    expect(runtimeEnvProblems({ ...COMPLETE, [name]: "  " })).toEqual([expect.stringMatching(new RegExp(`^${name} is not set`))]);
  });

  it("lists every missing variable in one go", () => {
    const problems = runtimeEnvProblems({ NODE_ENV: "production" });
    expect(problems.map((p) => p.split(" ")[0])).toEqual([
      "DATABASE_URL",
      "NEXTAUTH_SECRET",
      "NEXTAUTH_URL",
      "ELEVENLABS_API_KEY",
      "ELEVENLABS_WEBHOOK_SECRET",
      "CRON_SECRET",
      "TRANSCRIPT_ENCRYPTION_KEY",
    ]);
  });

  it("refuses a short NEXTAUTH_SECRET and a NEXTAUTH_URL that is not http(s)", () => {
    expect(runtimeEnvProblems({ ...COMPLETE, NEXTAUTH_SECRET: "short" })).toEqual([expect.stringMatching(/shorter than 32/)]);
    expect(runtimeEnvProblems({ ...COMPLETE, NEXTAUTH_URL: "callboard.example.com" })).toEqual([expect.stringMatching(/NEXTAUTH_URL is not an http\(s\) URL/)]);
  });

  it("refuses a transcript key that is not base64 of 32 bytes, in every environment, naming the variable", () => {
    const short = Buffer.alloc(16, 1).toString("base64");
    const malformed = /^TRANSCRIPT_ENCRYPTION_KEY is not a base64-encoded 32-byte key/;
    expect(runtimeEnvProblems({ ...COMPLETE, TRANSCRIPT_ENCRYPTION_KEY: short })).toEqual([expect.stringMatching(/decodes to 16 bytes/)]);
    expect(runtimeEnvProblems({ ...COMPLETE, TRANSCRIPT_ENCRYPTION_KEY: "not a key!" })).toEqual([expect.stringMatching(malformed)]);
    expect(runtimeEnvProblems({ ...COMPLETE, TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS: short })).toEqual([
      expect.stringMatching(/^TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS is not a base64/),
    ]);
    expect(runtimeEnvProblems({ NODE_ENV: "development", DATABASE_URL: "postgres://x", TRANSCRIPT_ENCRYPTION_KEY: short })).toEqual([
      expect.stringMatching(malformed),
    ]);
  });

  it("needs no NEXTAUTH_URL where next-auth takes the host from the platform (Vercel, AUTH_TRUST_HOST)", () => {
    expect(runtimeEnvProblems({ ...without("NEXTAUTH_URL"), VERCEL: "1" })).toEqual([]);
    expect(runtimeEnvProblems({ ...without("NEXTAUTH_URL"), AUTH_TRUST_HOST: "true" })).toEqual([]);
  });

  it("asks only for the database outside production (npm run dev fills in the rest)", () => {
    expect(runtimeEnvProblems({ NODE_ENV: "development", DATABASE_URL: "postgres://x" })).toEqual([]);
    expect(runtimeEnvProblems({ NODE_ENV: "test" })).toEqual([expect.stringMatching(/^DATABASE_URL is not set/)]);
  });

  it("stops the process with one message listing every problem", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DATABASE_URL", "postgres://x");
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(32));
    vi.stubEnv("NEXTAUTH_URL", "https://callboard.example.com");
    vi.stubEnv("ELEVENLABS_API_KEY", "");
    vi.stubEnv("ELEVENLABS_WEBHOOK_SECRET", "");
    vi.stubEnv("CRON_SECRET", "cron");
    try {
      refuseUnsafeStart();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatch(/ELEVENLABS_API_KEY is not set[\s\S]*ELEVENLABS_WEBHOOK_SECRET is not set/);
  });
});
