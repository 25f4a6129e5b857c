import { headerRulesFromEnv } from "./lib/http/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages that must not be bundled (native/wasm or large Node-only code).
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
  poweredByHeader: false,
  // `next dev` serves its live reload and chunks only to the host it started on ("localhost"); a clinic that
  // opens the printed 127.0.0.1 address, or a LAN address set in ALLOWED_DEV_ORIGINS, would get no reload.
  allowedDevOrigins: [
    "localhost",
    "127.0.0.1",
    ...(process.env.ALLOWED_DEV_ORIGINS ?? "")
      .split(",")
      .map((host) => host.trim())
      .filter(Boolean),
  ],
  // Every page and route handler, including API errors and 404s (see lib/http/security-headers.mjs);
  // pages get their nonce policy per request from proxy.ts.
  async headers() {
    return headerRulesFromEnv();
  },
};

export default nextConfig;
