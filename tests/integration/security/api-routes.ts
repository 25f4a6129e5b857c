import { readdirSync } from "node:fs";
import path from "node:path";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

export interface ApiRoute {
  /** "GET /api/contacts/[id]": the method and the folder path as Next names it. */
  key: string;
  method: HttpMethod;
  path: string;
  /** The route.ts it comes from. */
  file: string;
  handler: RouteHandler;
}

const API_ROOT = path.resolve("app/api");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/**
 * Every handler under app/api, found on disk (not from a list someone must remember to update) and
 * imported, one entry per exported HTTP method.
 */
export async function listApiRoutes(): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  for (const file of routeFiles(API_ROOT).sort()) {
    const routePath = `/api/${path.relative(API_ROOT, path.dirname(file)).split(path.sep).join("/")}`;
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = mod[method];
      if (typeof handler === "function") routes.push({ key: `${method} ${routePath}`, method, path: routePath, file, handler: handler as RouteHandler });
    }
  }
  return routes;
}

export interface RouteRequest {
  method: HttpMethod;
  path: string;
  params?: Record<string, string>;
  query?: Record<string, string | undefined>;
  /** JSON, sent as application/json; a string is sent as it is. */
  body?: unknown;
  /** Sent as it is, with the content type the headers give. */
  rawBody?: string;
  headers?: Record<string, string | undefined>;
}

/** Calls a handler the way Next does: a Request on the route's path plus a Promise of the params. */
export async function invokeRoute(handler: RouteHandler, request: RouteRequest): Promise<Response> {
  const url = new URL(`http://localhost${request.path}`);
  for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(name, value);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) if (value !== undefined) headers[name] = value;
  let body: string | undefined = request.rawBody;
  if (body === undefined && request.body !== undefined) {
    headers["content-type"] ??= "application/json";
    body = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
  }
  const req = new Request(url, { method: request.method, headers, body: request.method === "GET" ? undefined : body });
  return handler(req, { params: Promise.resolve(request.params ?? {}) });
}
