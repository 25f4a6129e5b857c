import { ZodError } from "zod";

/** Every failure the app reports on purpose has one of these codes; the map decides its HTTP status. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** The request names (x-callboard-organization) a clinic the user does not belong to: the page is out of date. */
  stale_organization: 409,
  /** A settings save names the version of the section it loaded, and someone saved that section since. */
  stale_settings: 409,
  unprocessable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  provider_error: 502,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  invalid_input: "Invalid input",
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  stale_organization: "Page out of date",
  stale_settings: "Settings changed since you opened them",
  unprocessable: "Cannot be done as asked",
  payload_too_large: "Request too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  internal: "Something went wrong",
  provider_error: "Calling provider error",
  service_unavailable: "Service not configured",
};

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  readonly extra?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: { issues?: FieldIssue[]; extra?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.issues = options.issues;
    this.extra = options.extra;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what: string): AppError {
  return new AppError("not_found", `${what} not found`);
}

export function fromZodError(error: ZodError, message = "Some fields are invalid"): AppError {
  const issues = error.issues.map((issue) => ({ path: issue.path.join(".") || "(root)", message: issue.message }));
  return new AppError("invalid_input", message, { issues });
}

/** RFC 9457 problem details. Unknown errors become a generic 500 that leaks nothing but a request id. */
export function problemResponse(error: unknown, requestId: string = crypto.randomUUID()): Response {
  const appError =
    error instanceof AppError
      ? error
      : error instanceof ZodError
        ? fromZodError(error)
        : new AppError("internal", "An unexpected error occurred. Try again; if it keeps happening, contact support with the request id.");
  if (appError.code === "internal") console.error(`[${requestId}]`, error);
  // The operator must see a configuration gap in the log too, not only the caller.
  if (appError.code === "service_unavailable") console.error(`[${requestId}] ${appError.message}`);
  // Extra fields first: they may add to the problem, never replace its standard members.
  const body = {
    ...appError.extra,
    type: `https://callboard.app/problems/${appError.code.replaceAll("_", "-")}`,
    title: TITLES[appError.code],
    status: appError.status,
    code: appError.code,
    detail: appError.message,
    requestId,
    ...(appError.issues ? { issues: appError.issues } : {}),
  };
  return Response.json(body, { status: appError.status, headers: { "content-type": "application/problem+json", "x-request-id": requestId } });
}
