import { headerRulesFromEnv } from "./lib/http/security-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages that must not be bundled (native/wasm or large Node-only code).
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
  poweredByHeader: false,
  // Every page and route handler, including API errors and 404s (see lib/http/security-headers.mjs);
  // pages get their nonce policy per request from proxy.ts.
  async headers() {
    return headerRulesFromEnv();
  },
};

export default nextConfig;
