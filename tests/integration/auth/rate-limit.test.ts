import { describe, expect, it } from "vitest";
import { POST as signUpRoute } from "@/app/api/signup/route";
import { authOptions, authorizeCredentials } from "@/lib/auth/auth-options";
import { PEER_ADDRESS_HEADER, PEER_STAMP_INSTALLED } from "@/lib/auth/client-address";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import {
  admitSignIn,
  SIGN_IN_PER_ACCOUNT,
  SIGN_IN_PER_ACCOUNT_AND_ADDRESS,
  SIGN_IN_PER_IP,
  SIGN_IN_RATE_LIMITED,
  SIGN_UP_PER_EMAIL,
} from "@/lib/auth/sign-in-throttle";
import { getDb } from "@/lib/db";
import { createUser } from "../../factories";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 9, 0) + minutes * 60_000);

describe("sign-in rate limit (in the database)", () => {
  it("locks an account from one address after too many failures, the same way for an unknown account, and recovers after the window", async () => {
    const user = await createUser();
    const unknown = "nobody@example.com";
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT_AND_ADDRESS.limit; i++) {
      expect(await authorizeCredentials({ email: user.email, password: "wrong" }, "198.51.100.1", at(0))).toBeNull();
      expect(await authorizeCredentials({ email: unknown, password: "wrong" }, "198.51.100.1", at(0))).toBeNull();
    }
    // Locked from that address: even the right password is not checked, and both accounts answer identically.
    await expect(authorizeCredentials({ email: user.email, password: user.password }, "198.51.100.1", at(1))).rejects.toThrow(SIGN_IN_RATE_LIMITED);
    await expect(authorizeCredentials({ email: unknown, password: "wrong" }, "198.51.100.1", at(1))).rejects.toThrow(SIGN_IN_RATE_LIMITED);
    // After the window the right password works again from there.
    const later = at(SIGN_IN_PER_ACCOUNT_AND_ADDRESS.windowSeconds / 60 + 1);
    expect(await authorizeCredentials({ email: user.email, password: user.password }, "198.51.100.1", later)).toMatchObject({ id: user.id });
  });

  it("a stranger's failures from one address do not lock the real person out from theirs", async () => {
    const user = await createUser();
    for (let i = 0; i < 15; i++) {
      const guess = authorizeCredentials({ email: user.email, password: `guess-${i}` }, "203.0.113.66", at(0));
      if (i < SIGN_IN_PER_ACCOUNT_AND_ADDRESS.limit) expect(await guess).toBeNull();
      else await expect(guess).rejects.toThrow(SIGN_IN_RATE_LIMITED);
    }
    expect(await authorizeCredentials({ email: user.email, password: user.password }, "198.51.100.20", at(1))).toMatchObject({ id: user.id });
    // One wrong try of the person's own does not inherit the stranger's count either.
    expect(await authorizeCredentials({ email: user.email, password: "typo" }, "198.51.100.20", at(2))).toBeNull();
  });

  it("still stops guessing spread over many addresses at the per-account ceiling, known and unknown accounts alike", async () => {
    const user = await createUser();
    const unknown = "nobody-spread@example.com";
    const perAddress = SIGN_IN_PER_ACCOUNT_AND_ADDRESS.limit;
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT.limit; i++) {
      // Each address stays under its own limits (per pair and per address).
      const address = `198.18.${Math.floor(i / perAddress)}.1`;
      expect(await authorizeCredentials({ email: user.email, password: "wrong" }, address, at(0))).toBeNull();
      // The unknown account through the throttle alone: each of its checks costs a full bcrypt (cost 12).
      expect(await admitSignIn(`198.19.${Math.floor(i / perAddress)}.1`, unknown, at(0))).toBe(true);
    }
    await expect(authorizeCredentials({ email: user.email, password: user.password }, "192.0.2.200", at(1))).rejects.toThrow(SIGN_IN_RATE_LIMITED);
    await expect(authorizeCredentials({ email: unknown, password: "wrong" }, "192.0.2.200", at(1))).rejects.toThrow(SIGN_IN_RATE_LIMITED);
    const later = at(SIGN_IN_PER_ACCOUNT.windowSeconds / 60 + 1);
    expect(await authorizeCredentials({ email: user.email, password: user.password }, "192.0.2.200", later)).toMatchObject({ id: user.id });
  });

  it("locks an address that tries many accounts", async () => {
    // Factory accounts (a cheap bcrypt cost): an unknown email costs a full cost-12 check each.
    const users = await Promise.all(Array.from({ length: SIGN_IN_PER_IP.limit }, () => createUser()));
    for (const user of users) {
      expect(await authorizeCredentials({ email: user.email, password: "wrong" }, "192.0.2.50", at(0))).toBeNull();
    }
    await expect(authorizeCredentials({ email: "one-more@example.com", password: "x" }, "192.0.2.50", at(0))).rejects.toThrow(SIGN_IN_RATE_LIMITED);
    // Another address is not affected.
    expect(await authorizeCredentials({ email: "one-more@example.com", password: "x" }, "192.0.2.51", at(0))).toBeNull();
  });

  it("rotating X-Forwarded-For does not reset the per-address limit (next-auth's authorize, socket address stamped)", async () => {
    const globals = globalThis as Record<symbol, unknown>;
    globals[PEER_STAMP_INSTALLED] = true;
    try {
      const authorize = (authOptions.providers[0] as unknown as { options: { authorize: (credentials: unknown, req: unknown) => Promise<unknown> } }).options
        .authorize;
      const users = await Promise.all(Array.from({ length: 40 }, () => createUser()));
      const outcomes: string[] = [];
      for (const [i, user] of users.entries()) {
        const req = { headers: { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `198.51.100.${i}`, [PEER_ADDRESS_HEADER]: "192.0.2.99" } };
        outcomes.push(
          await authorize({ email: user.email, password: "wrong" }, req).then(
            () => "refused",
            (error: Error) => error.message,
          ),
        );
      }
      expect(outcomes.filter((o) => o === "refused")).toHaveLength(SIGN_IN_PER_IP.limit);
      expect(outcomes.slice(SIGN_IN_PER_IP.limit)).toEqual(Array(40 - SIGN_IN_PER_IP.limit).fill(SIGN_IN_RATE_LIMITED));
    } finally {
      delete globals[PEER_STAMP_INSTALLED];
    }
  });

  it("does not count correct sign-ins: staff signing in all day never trip it", async () => {
    const user = await createUser();
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT.limit + 5; i++) {
      expect(await authorizeCredentials({ email: user.email, password: user.password }, "192.0.2.77", at(0))).toMatchObject({ id: user.id });
    }
  });

  it("counts every concurrent attempt: 40 at once admit exactly the limit", async () => {
    const rule = { limit: 10, windowSeconds: 60 };
    const hits = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit("test:concurrent", rule, at(0))));
    expect(hits.filter((h) => h.allowed)).toHaveLength(10);
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await hitRateLimit("test:concurrent", rule, at(2))).count).toBe(1);
  });
});

describe("sign-up rate limit", () => {
  it("answers 429 with the lockout message per email, creating nothing", async () => {
    const body = (i: number) => ({
      name: "Dana",
      email: "Repeat@Example.com",
      password: "correct horse",
      organizationName: `Clinic ${i}`,
      timezone: "Australia/Sydney",
      defaultCountry: "AU",
    });
    const post = (i: number) =>
      signUpRoute(
        new Request("http://localhost/api/signup", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i}, 10.0.0.1` },
          body: JSON.stringify(body(i)),
        }),
        { params: Promise.resolve({}) },
      );
    expect((await post(0)).status).toBe(201);
    for (let i = 1; i < SIGN_UP_PER_EMAIL.limit; i++) expect((await post(i)).status).toBe(409);
    const limited = await post(99);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: "rate_limited", detail: expect.stringMatching(/Too many attempts/) });
    expect(await getDb().organization.count({ where: { name: { startsWith: "Clinic " } } })).toBe(1);
  });
});
