import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers.mjs";

const byKey = (headers: { key: string; value: string }[]) => Object.fromEntries(headers.map((h) => [h.key, h.value]));

describe("security headers", () => {
  it("forbids framing, sniffing and leaking referrers everywhere", () => {
    const headers = byKey(securityHeaders({ production: true, https: true }));
    expect(headers["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
  });

  it("sends HSTS only in production, and upgrade-insecure-requests only over https", () => {
    expect(byKey(securityHeaders({ production: false, https: false }))["Strict-Transport-Security"]).toBeUndefined();
    expect(contentSecurityPolicy({ production: true, https: false })).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ production: true, https: true })).toContain("upgrade-insecure-requests");
  });

  it("allows eval and the hot-reload socket in development only", () => {
    expect(contentSecurityPolicy({ production: false, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ production: true, https: false })).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ production: true, https: false })).toMatch(/connect-src 'self';/);
    expect(contentSecurityPolicy({ production: true, https: false })).toContain("object-src 'none'");
  });
});
