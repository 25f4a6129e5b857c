import { AppError, fromZodError, problemResponse } from "@/lib/errors";
import { z, ZodError } from "zod";
import { assertStorable, readJson } from "@/lib/http/parse-request";
import { verifyAgentToken, type VerifiedAgent } from "@/lib/agents/verify-agent-token";

export const AGENT_TOKEN_HEADER = "x-agent-token";

// One answer for every authentication failure — no token, a wrong or replaced one, an unknown agent id,
// another clinic's agent id — so a caller learns nothing about which it was.
const UNAUTHORIZED_MESSAGE = "Sorry, I can't reach the clinic's booking system right now.";
const INTERNAL_MESSAGE = "Sorry, something went wrong on the clinic's side. Please try again in a moment.";

/**
 * The wrapper for /api/agent-actions/* (the ElevenLabs agent's server tools): checks the X-Agent-Token
 * against the agent id in the path, hands the handler the clinic that token belongs to (never one from
 * the body), and answers every failure as problem+json that also carries `success: false` and a
 * `message` the agent can read aloud — for a 400 the first field's own sentence.
 */
export function withAgentAction(
  handler: (args: { req: Request; agent: VerifiedAgent; params: Record<string, string>; body: unknown }) => Promise<Response>,
  options: { agentIdFrom?: "path" | "body" } = {},
) {
  return async (req: Request, context: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    const requestId = crypto.randomUUID();
    try {
      const params = (await context.params) ?? {};
      assertStorable(params, "The address contains invalid characters");
      // The conversation-initiation webhook names the agent in its body (its URL is one per workspace).
      const body = options.agentIdFrom === "body" ? await readJson(req, agentInBodySchema, 20_000) : undefined;
      const agent = await verifyAgentToken(body ? body.agent_id : params.agent_id, req.headers.get(AGENT_TOKEN_HEADER));
      if (!agent) throw new AppError("unauthenticated", UNAUTHORIZED_MESSAGE);
      return await handler({ req, agent, params, body });
    } catch (error) {
      return agentProblem(error, requestId);
    }
  };
}

const agentInBodySchema = z.looseObject({ agent_id: z.string().max(128) });

function agentProblem(error: unknown, requestId: string): Response {
  const appError = error instanceof AppError ? error : error instanceof ZodError ? fromZodError(error) : null;
  if (!appError || appError.code === "internal") {
    return problemResponse(new AppError("internal", INTERNAL_MESSAGE, { cause: error, extra: { success: false, message: INTERNAL_MESSAGE } }), requestId);
  }
  const message = appError.code === "invalid_input" && appError.issues?.[0] ? appError.issues[0].message : appError.message;
  return problemResponse(
    new AppError(appError.code, appError.message, { issues: appError.issues, extra: { ...appError.extra, success: false, message } }),
    requestId,
  );
}
