/**
 * The site's public origin for links Callboard hands out (invitations, tool URLs): NEXTAUTH_URL when
 * set — the address people really use behind proxies — else the request's own origin.
 */
export function appOrigin(req: Request, env: Record<string, string | undefined> = process.env): string {
  const configured = env.NEXTAUTH_URL?.trim().replace(/\/+$/, "");
  if (configured && /^https?:\/\//.test(configured)) return configured;
  return new URL(req.url).origin;
}
