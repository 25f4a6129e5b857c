/** Runs once when a server starts: refuse to serve with an unsafe or incomplete configuration. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { refuseUnsafeStart } = await import("@/lib/config/refuse-unsafe-start");
  refuseUnsafeStart();
  // Off Vercel, the rate limits count the socket's address (lib/auth/client-address.ts).
  if (process.env.VERCEL !== "1") (await import("@/lib/auth/stamp-peer-address")).stampPeerAddress();
}
