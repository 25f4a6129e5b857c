import { NextResponse, type NextRequest } from "next/server";
import { createNonce, pageContentSecurityPolicy, securityEnv } from "@/lib/http/security-headers.mjs";

/**
 * Every page request gets a fresh nonce: on the request (`x-nonce`, and the policy Next reads to put
 * the nonce on its own scripts) and in the response's Content-Security-Policy. Whatever a client
 * sent in those request headers is replaced.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy({ ...securityEnv(), nonce });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Not route handlers (their policy is static, next.config.mjs) nor built assets. Prefetches are
// included, so no HTML answer goes out without the policy.
export const config = {
  matcher: ["/((?!api/|_next/static/|_next/image/|favicon.ico).*)"],
};
