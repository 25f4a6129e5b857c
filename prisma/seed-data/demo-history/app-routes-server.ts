// The app's own route handlers, served over HTTP inside the seed process, so the simulator reaches them
// exactly as ElevenLabs reaches a deployed Callboard: the signed post-call webhook (POST /api/calls), the
// conversation-initiation webhook and the agent's server tools. `next dev` is not up yet when the seed runs.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as postCallWebhook } from "@/app/api/calls/route";
import { POST as conversationInit } from "@/app/api/agent-actions/conversation-init/route";
import { POST as checkAvailability } from "@/app/api/agent-actions/check-availability/[agent_id]/route";
import { POST as bookAppointment } from "@/app/api/agent-actions/book-appointment/[agent_id]/route";
import { POST as scheduleCallback } from "@/app/api/agent-actions/schedule-callback/[agent_id]/route";

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The agent's tools the simulator calls, by the path segment of their URL (…/agent-actions/<tool>/<agent_id>). */
const AGENT_TOOLS: Record<string, Handler> = {
  "check-availability": checkAvailability as Handler,
  "book-appointment": bookAppointment as Handler,
  "schedule-callback": scheduleCallback as Handler,
};

function route(path: string): { handler: Handler; params: Record<string, string> } | null {
  if (path === "/api/calls") return { handler: postCallWebhook as Handler, params: {} };
  if (path === "/api/agent-actions/conversation-init") return { handler: conversationInit as Handler, params: {} };
  const tool = /^\/api\/agent-actions\/([a-z-]+)\/([^/]+)$/.exec(path);
  const handler = tool ? AGENT_TOOLS[tool[1]!] : undefined;
  return handler ? { handler, params: { agent_id: decodeURIComponent(tool![2]!) } } : null;
}

export interface AppRoutesServer {
  url: string;
  close(): Promise<void>;
}

export async function serveAppRoutes(): Promise<AppRoutesServer> {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const found = req.method === "POST" ? route(url.pathname) : null;
      if (!found) return void res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ detail: "Not served by the demo seed" }));
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = new Request(`http://localhost${req.url}`, {
        method: "POST",
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      const response = await found.handler(request, { params: Promise.resolve(found.params) });
      res
        .writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" })
        .end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      console.error("[demo history] route failed:", error);
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
