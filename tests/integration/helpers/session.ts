/**
 * Route handlers resolve the user with next-auth's getServerSession, which needs a live Next request.
 * tests/setup/mock-session.ts replaces only that lookup with this state; the tenant wrapper,
 * permissions and queries run for real.
 */
type TestSession = { user: { id: string; email: string; name: string; sessionVersion?: number } } | null;

export const testSession: { current: TestSession } = { current: null };

/** `sessionVersion`: the version the session's token carries (unset: 0, like a token from before versions). */
export function signInAs(user: { id: string; email: string; name: string } | null, sessionVersion?: number) {
  testSession.current = user ? { user: { id: user.id, email: user.email, name: user.name, sessionVersion } } : null;
}

/** Calls a route handler the way Next does: a Request plus a Promise of the route params. */
export function callRoute<P extends Record<string, string>>(
  handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>,
  init: { method?: string; url?: string; body?: unknown; params?: P; headers?: Record<string, string> } = {},
) {
  const req = new Request(init.url ?? "http://localhost/api/test", {
    method: init.method ?? "GET",
    headers: { ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
  return handler(req, { params: Promise.resolve((init.params ?? {}) as P) });
}
