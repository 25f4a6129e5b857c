export const dynamic = "force-dynamic";

/**
 * Liveness: the server answers, nothing else is checked (no database, no session). Load balancers
 * and uptime checks use it; the webhook benchmark uses it as the same server's trivial route.
 */
export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
