import type { z } from "zod";

export type ValidationDetail = { type: string; loc: Array<string | number>; msg: string };

/**
 * zod issues in the shape FastAPI/pydantic gives ElevenLabs' 422 answers:
 * `{ detail: [{ type, loc: ["body", "to_number"], msg }] }`.
 */
export function toValidationDetail(error: z.ZodError, root: "body" | "query", input: unknown): ValidationDetail[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    const missing = issue.code === "invalid_type" && valueAt(input, path) === undefined;
    return {
      type: missing ? "missing" : issue.code === "invalid_type" ? `${issue.expected}_type` : "value_error",
      loc: [root, ...path],
      msg: missing ? "Field required" : issue.message,
    };
  });
}

function valueAt(input: unknown, path: Array<string | number>): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
