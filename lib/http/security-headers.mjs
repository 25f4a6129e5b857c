// The security headers of every page and route, applied by next.config.mjs `headers()` (plain
// JavaScript so the config can import it; tests/unit/security-headers.test.ts pins it).
//
// The CSP is the "without nonces" policy of Next's CSP guide: a nonce needs every page rendered per
// request (no static pages) and a proxy on every request, while React already escapes everything
// rendered. Scripts and styles come from this origin only; inline ones are allowed because Next's
// bootstrap scripts and sonner's / Tailwind's injected styles are inline. Development adds
// 'unsafe-eval' (React's dev stack traces use eval) and the websocket of hot reload.

/**
 * @param {{ production: boolean, https: boolean }} env
 * @returns {string}
 */
export function contentSecurityPolicy({ production, https }) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${production ? "" : " ws: wss:"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Only where the site is served over https: on http://localhost it would break every asset.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/**
 * @param {{ production: boolean, https: boolean }} env
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders(env) {
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(env) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
  // Browsers ignore HSTS over plain http, so it is harmless in `next start` on localhost too.
  if (env.production) headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  return headers;
}

/** @param {NodeJS.ProcessEnv} processEnv */
export function securityHeadersFromEnv(processEnv = process.env) {
  return securityHeaders({ production: processEnv.NODE_ENV === "production", https: (processEnv.NEXTAUTH_URL ?? "").startsWith("https://") });
}
