/** The parts of an RFC 9457 problem+json body the UI uses. */
export interface Problem {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  requestId?: string;
  issues?: { path: string; message: string }[];
  /** The whole body, for the fields one problem adds (a refused call's next allowed time). */
  body?: Record<string, unknown>;
}

/** Reads an error response as a problem; a body that is not one still yields the status and a plain message. */
export async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = { status: response.status, detail: `The server answered ${response.status}. Try again in a moment.` };
  try {
    const body: unknown = await response.json();
    if (!body || typeof body !== "object") return fallback;
    const b = body as Record<string, unknown>;
    return {
      status: response.status,
      code: typeof b.code === "string" ? b.code : undefined,
      title: typeof b.title === "string" ? b.title : undefined,
      detail: typeof b.detail === "string" ? b.detail : fallback.detail,
      requestId: typeof b.requestId === "string" ? b.requestId : undefined,
      issues: Array.isArray(b.issues)
        ? b.issues.filter((i): i is { path: string; message: string } => typeof i?.path === "string" && typeof i?.message === "string")
        : undefined,
      body: b,
    };
  } catch {
    return fallback;
  }
}

/** Field errors keyed by the first segment of each issue's path ("email", "timezone"). */
export function fieldErrorsOf(problem: Problem): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of problem.issues ?? []) {
    const field = issue.path.split(".")[0] ?? issue.path;
    errors[field] ??= issue.message;
  }
  return errors;
}
