import { isIP } from "node:net";

// How the client's address reaches this code (checked against next 16.4's own server):
//
// - `next start` / `next dev`: base-server.js sets `req.headers['x-forwarded-for'] ??= socket.remoteAddress`,
//   i.e. only when the request has no such header. A client that sends its own X-Forwarded-For keeps it
//   unchanged, and the socket address is then lost: app-router handlers have no `request.ip` (gone since
//   Next 15) and next-auth's authorize() only sees the headers. So X-Forwarded-For alone, without a proxy
//   that rewrites it, is whatever the client typed — rotating it reset every per-address limit.
//   lib/auth/stamp-peer-address.ts (installed by instrumentation.ts) therefore writes the socket address
//   into PEER_ADDRESS_HEADER on every request, overwriting any value the client sent.
// - Vercel (vercel.com/docs, "Request headers") overwrites X-Forwarded-For with the public address that
//   connected to it ("to prevent IP spoofing") and sends the same value as x-vercel-forwarded-for; only
//   X-Forwarded-For "could be overwritten if you're using a proxy on top of Vercel", so Vercel's own header
//   comes first. A Vercel Function has no socket to ask; these headers are the platform's word.

/** Written by stampPeerAddress from the TCP socket; a client's own value is overwritten. */
export const PEER_ADDRESS_HEADER = "x-callboard-peer-address";
/** Set (in this process) once the stamp is installed, so a header from a client is never taken for it. */
export const PEER_STAMP_INSTALLED = Symbol.for("callboard.peer-address-stamp");

export const UNKNOWN_ADDRESS = "unknown";
const MAX_TRUSTED_PROXIES = 10;

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined;
type Env = Record<string, string | undefined>;

function reader(headers: HeaderSource): (name: string) => string | null {
  return (name) => {
    if (!headers) return null;
    if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(name: string): string | null }).get(name);
    const value = (headers as Record<string, unknown>)[name];
    return typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : null;
  };
}

/** An address as written in a header or by a socket, without port, brackets or IPv4-mapped prefix; null if it is none. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let value = raw?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  const family = isIP(value);
  if (family === 4) return value;
  if (family === 6) return value.toLowerCase();
  return null;
}

/** TRUSTED_PROXY_COUNT: proxies of ours between the internet and this server (0 when unset or not a small integer). */
export function trustedProxyCount(env: Env = process.env): number {
  const raw = env.TRUSTED_PROXY_COUNT?.trim();
  if (!raw || !/^\d+$/.test(raw)) return 0;
  return Math.min(Number(raw), MAX_TRUSTED_PROXIES);
}

/**
 * The client's address as the platform vouches for it — the one every per-address rate limit counts:
 * - on Vercel (VERCEL=1): x-vercel-forwarded-for, else the first X-Forwarded-For entry (both set by Vercel);
 * - elsewhere: the socket's address (PEER_ADDRESS_HEADER); with TRUSTED_PROXY_COUNT=N, the Nth entry of
 *   X-Forwarded-For from the right — the address our outermost proxy saw. Entries further left are the
 *   client's own words and never used. Fewer entries than N: the leftmost one there is.
 * Anything that is not an IP address gives "unknown".
 */
export function clientAddress(headers: HeaderSource, env: Env = process.env): string {
  const read = reader(headers);
  if (env.VERCEL === "1") {
    const vouched = read("x-vercel-forwarded-for") ?? read("x-forwarded-for") ?? read("x-real-ip");
    return normalizeAddress(vouched?.split(",")[0]) ?? UNKNOWN_ADDRESS;
  }
  const proxies = trustedProxyCount(env);
  if (proxies === 0) return normalizeAddress(peerAddress(read)) ?? UNKNOWN_ADDRESS;
  const hops = (read("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  if (hops.length === 0) return normalizeAddress(peerAddress(read)) ?? UNKNOWN_ADDRESS;
  return normalizeAddress(hops[Math.max(0, hops.length - proxies)]) ?? UNKNOWN_ADDRESS;
}

/**
 * The TCP peer. Without the stamp (a request handled before instrumentation.ts ran, or a test calling a
 * handler directly) the last X-Forwarded-For entry is the best left: Next set it from the socket when
 * the client sent none.
 */
function peerAddress(read: (name: string) => string | null): string | null {
  const stamped = (globalThis as Record<symbol, unknown>)[PEER_STAMP_INSTALLED] === true ? read(PEER_ADDRESS_HEADER) : null;
  if (stamped) return stamped;
  return read("x-forwarded-for")?.split(",").at(-1) ?? null;
}

/**
 * The key a per-address limit counts under: an IPv4 address, or an IPv6 address's /64 — one household
 * or server gets a whole /64, so counting single IPv6 addresses would let it rotate without end.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
