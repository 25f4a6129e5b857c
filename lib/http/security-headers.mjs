// The security headers of every page and route (plain JavaScript so next.config.mjs can import it;
// tests/unit/http/security-headers.test.ts pins it).
//
// Content-Security-Policy comes in two kinds:
// - pages: a fresh nonce per request, set by proxy.ts on the request (Next reads it there and puts it
//   on its own bootstrap and chunk scripts) and on the response. Scripts run only with the nonce
//   ('strict-dynamic' lets them load the chunks they need); no 'unsafe-inline' for scripts. Every page
//   is rendered per request for this (app/layout.tsx awaits connection()).
//   Styles keep 'unsafe-inline': React renders `style={…}` as style attributes, which a nonce cannot
//   cover (and a nonce in style-src would switch 'unsafe-inline' off), and sonner injects its <style>.
//   Development adds 'unsafe-eval' (React's dev stack traces use eval) and hot reload's websocket.
// - API responses (next.config.mjs): JSON and next-auth's plain pages, which run no script at all.

/** 128 random bits, base64: unguessable, and a valid CSP nonce-source. */
export function createNonce() {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * @param {{ production: boolean, https: boolean, nonce: string }} env
 * @returns {string}
 */
export function pageContentSecurityPolicy({ production, https, nonce }) {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters.");
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
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

/** For route handlers: nothing may run; next-auth's own pages (sign-out, error) need their inline CSS and form. */
export function apiContentSecurityPolicy() {
  return ["default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"].join(
    "; ",
  );
}

/**
 * The headers every response gets (the CSP is added per kind, see above).
 * @param {{ production: boolean }} env
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders(env) {
  const headers = [
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

/** @param {Record<string, string | undefined>} processEnv */
export function securityEnv(processEnv = process.env) {
  return { production: processEnv.NODE_ENV === "production", https: (processEnv.NEXTAUTH_URL ?? "").startsWith("https://") };
}

/**
 * next.config.mjs `headers()`: the common headers everywhere, the no-script policy on /api.
 * @param {Record<string, string | undefined>} processEnv
 */
export function headerRulesFromEnv(processEnv = process.env) {
  return [
    { source: "/:path*", headers: securityHeaders(securityEnv(processEnv)) },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy() }] },
  ];
}
