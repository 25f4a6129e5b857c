import { AppError, problemResponse } from "@/lib/errors";
import { verifyCronSecret } from "@/lib/auth/cron-secret";

/** Wraps a cron route: 401 with nothing done unless the caller has the cron secret. */
export function withCron(handler: (req: Request) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      if (!verifyCronSecret(req.headers.get("authorization"), process.env.CRON_SECRET)) {
        if (!process.env.CRON_SECRET?.trim()) console.error("CRON_SECRET is not set: refusing every cron request.");
        throw new AppError("unauthenticated", "Missing or wrong cron secret.");
      }
      return await handler(req);
    } catch (error) {
      return problemResponse(error);
    }
  };
}
