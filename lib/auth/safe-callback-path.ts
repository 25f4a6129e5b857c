// Shared by the login page and next-auth's redirect callback: no server imports here.

/** Stands in for the site when no origin is known: a path resolved against it must stay on it. */
const PLACEHOLDER_ORIGIN = "http://callboard.invalid";
// Control characters (C0, DEL, C1) and backslashes: browsers drop tabs and newlines from URLs and read
// "\" as "/", so "/\t/evil.example" and "/\\evil.example" both lead to another site.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\]/;
const AUTH_PAGES = /^\/(?:login|signup)(?:[/?#]|$)/;

/**
 * Where to go after signing in: a path on this site ("/contacts?q=a#x"), else "/". The value is
 * parsed as a browser would and the result's origin compared with the site's, so no spelling of
 * another origin ("//evil", "/\t/evil", "https://evil", "javascript:…") gets through. Control
 * characters and backslashes are refused outright, also percent-encoded. An absolute URL counts only
 * when `origin` (the site's, e.g. NEXTAUTH_URL) is given and it is that origin.
 */
export function safeCallbackPath(value: string | string[] | null | undefined, origin?: string): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return "/";
  if (UNSAFE.test(raw) || UNSAFE.test(safeDecode(raw) ?? "\\")) return "/";
  const site = siteOrigin(origin);
  if (!raw.startsWith("/") && !(site && raw.startsWith(`${site}/`))) return "/";
  let url: URL;
  try {
    url = new URL(raw, site ?? PLACEHOLDER_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== (site ?? PLACEHOLDER_ORIGIN)) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" parses to the path "//evil", which a browser would read as another host once more.
  if (!path.startsWith("/") || path.startsWith("//") || (safeDecode(path) ?? "//").startsWith("//")) return "/";
  if (AUTH_PAGES.test(path)) return "/";
  return path;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

function siteOrigin(origin: string | undefined): string | null {
  if (!origin) return null;
  try {
    const url = new URL(origin);
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}
