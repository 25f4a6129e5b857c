import type { IncomingMessage, ServerResponse } from "node:http";
import { CONVERSATION_PATH, CONVERSATIONS_PATH, handleGetConversation, handleListConversations } from "@/simulator/conversation-routes";
import { sendJson, type Responder } from "@/simulator/http-io";
import { DIAL_PATH, handleDial } from "@/simulator/outbound-call-route";
import { AGENT_PATH, PHONE_NUMBER_PATH, handleResource } from "@/simulator/resource-routes";
import type { SimulatorState } from "@/simulator/simulator-state";
import type { RecordedRequest } from "@/simulator/simulator-types";

/** ElevenLabs' API as the app uses it: every request is recorded, then routed; each needs an API key. */
export async function handleApiRequest(state: SimulatorState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const record: RecordedRequest = {
    method: req.method ?? "GET",
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: null,
    receivedAt: new Date().toISOString(),
    status: null,
  };
  state.requests.push(record);
  const respond: Responder = (status, body) => {
    record.status = status;
    sendJson(res, status, body);
  };

  const conversationMatch = CONVERSATION_PATH.exec(url.pathname);
  const agentMatch = AGENT_PATH.exec(url.pathname);
  const phoneMatch = PHONE_NUMBER_PATH.exec(url.pathname);
  const route =
    url.pathname === DIAL_PATH
      ? "dial"
      : url.pathname === CONVERSATIONS_PATH
        ? "list"
        : conversationMatch
          ? "get"
          : agentMatch
            ? "agent"
            : phoneMatch
              ? "phone"
              : null;
  if (route === null) return respond(404, { detail: "Not Found" });
  const expectedMethod = route === "dial" ? "POST" : "GET";
  if (req.method !== expectedMethod) return respond(405, { detail: "Method Not Allowed" });

  // Any non-empty key is accepted: the simulator checks that a key is sent, not which.
  if (!req.headers["xi-api-key"]?.toString().trim()) {
    return respond(401, { detail: { status: "invalid_api_key", message: "Invalid API key: send it in the xi-api-key header" } });
  }

  if (route === "dial") return handleDial(state, req, res, respond, record);
  if (route === "list") return handleListConversations(state, url, respond);
  if (route === "agent") return handleResource(state, "agent", decodeURIComponent(agentMatch?.[1] ?? ""), respond);
  if (route === "phone") return handleResource(state, "phone", decodeURIComponent(phoneMatch?.[1] ?? ""), respond);
  return handleGetConversation(state, decodeURIComponent(conversationMatch?.[1] ?? ""), respond);
}
