import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { apiContentSecurityPolicy, createNonce, headerRulesFromEnv, pageContentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers.mjs";
import { config, proxy } from "@/proxy";

const byKey = (headers: { key: string; value: string }[]) => Object.fromEntries(headers.map((h) => [h.key, h.value]));
const NONCE = "AAECAwQFBgcICQoLDA0ODw==";
const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("page Content-Security-Policy", () => {
  it("runs scripts only with this request's nonce: no 'unsafe-inline' for scripts", () => {
    const policy = pageContentSecurityPolicy({ production: true, https: true, nonce: NONCE });
    expect(directive(policy, "script-src")).toBe(`script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`);
    expect(directive(policy, "script-src")).not.toContain("unsafe-inline");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
  });

  it("keeps 'unsafe-inline' for styles only, with no nonce there (a nonce would switch it off for style attributes)", () => {
    const policy = pageContentSecurityPolicy({ production: true, https: false, nonce: NONCE });
    expect(directive(policy, "style-src")).toBe("style-src 'self' 'unsafe-inline'");
  });

  it("allows eval and the hot-reload socket in development only; upgrade-insecure-requests only over https", () => {
    expect(pageContentSecurityPolicy({ production: false, https: false, nonce: NONCE })).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy({ production: true, https: false, nonce: NONCE })).not.toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy({ production: true, https: false, nonce: NONCE })).toMatch(/connect-src 'self';/);
    expect(pageContentSecurityPolicy({ production: true, https: false, nonce: NONCE })).not.toContain("upgrade-insecure-requests");
    expect(pageContentSecurityPolicy({ production: true, https: true, nonce: NONCE })).toContain("upgrade-insecure-requests");
  });

  it.each(["", "short", "abc'; script-src *", "a b c d e f g h i j k"])("refuses a nonce that could break out of the header: %j", (nonce) => {
    expect(() => pageContentSecurityPolicy({ production: true, https: true, nonce })).toThrow(/nonce/);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("proxy.ts", () => {
  const page = (headers: Record<string, string> = {}) => proxy(new NextRequest("http://localhost/login", { headers }));

  it("sets a fresh nonce per request, the same on the request (x-nonce, policy) and in the response policy", () => {
    const [first, second] = [page(), page()];
    const policy = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    // NextResponse.next passes request overrides to Next as x-middleware-request-* headers.
    expect(first.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("replaces a nonce or policy the client sent", () => {
    const response = page({ "x-nonce": "attacker-chosen-nonce-0000", "content-security-policy": "script-src *" });
    expect(response.headers.get("x-middleware-request-x-nonce")).not.toBe("attacker-chosen-nonce-0000");
    expect(response.headers.get("x-middleware-request-content-security-policy")).not.toBe("script-src *");
  });

  it("covers pages and leaves route handlers and built assets out", () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ["/", "/login", "/contacts/abc", "/api"]) expect(matcher.test(path), path).toBe(true);
    for (const path of ["/api/calls", "/_next/static/chunks/a.js", "/_next/image/x", "/favicon.ico"]) expect(matcher.test(path), path).toBe(false);
  });
});

describe("the other security headers", () => {
  it("forbids framing, sniffing and leaking referrers everywhere; HSTS in production only", () => {
    const headers = byKey(securityHeaders({ production: true }));
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(byKey(securityHeaders({ production: false }))["Strict-Transport-Security"]).toBeUndefined();
  });

  it("gives route handlers a policy that runs no script at all, and never a second policy to pages", () => {
    expect(apiContentSecurityPolicy()).toMatch(/^default-src 'none'/);
    expect(apiContentSecurityPolicy()).not.toContain("script-src");
    const rules = headerRulesFromEnv({ NODE_ENV: "production" });
    const withPolicy = rules.filter((rule) => rule.headers.some((h) => h.key === "Content-Security-Policy"));
    expect(withPolicy.map((rule) => rule.source)).toEqual(["/api/:path*"]);
  });
});
