/**
 * Where to go after signing in: only a path on this site, never another origin ("//evil.example",
 * "https://…"), so the sign-in link cannot bounce people elsewhere. Anything else goes home.
 */
export function safeCallbackPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  if (path.startsWith("/login") || path.startsWith("/signup")) return "/";
  return path;
}
