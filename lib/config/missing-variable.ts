import { AppError } from "@/lib/errors";

/**
 * A 503 naming the server variables that are missing or invalid: the caller (an operator's cron
 * dashboard, a client) learns what to fix, and `missingVariables` lets tools read it.
 */
export function serverNotConfigured(variables: string[], message: string): AppError {
  return new AppError("service_unavailable", message, { extra: { missingVariables: variables } });
}
