import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as webhookRoute } from "@/app/api/calls/route";
import { GET as cronRoute } from "@/app/api/cron/process-scheduled-calls/route";
import { settledAfterResponse } from "@/lib/runtime/after-response";
import { createSimulator, type Simulator } from "@/simulator/create-simulator";
import type { SimulatorOptions } from "@/simulator/options";

export const WEBHOOK_SECRET = "whsec_dispatch_test";
export const CRON_SECRET = "cron_dispatch_test_secret";

/** Serves the real webhook route over HTTP, so the simulator's signed webhooks reach it as ElevenLabs' would. */
function serveWebhookRoute(): Promise<Server> {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://localhost${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await webhookRoute(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface DispatchHarness {
  simulator: Simulator;
  /** One invocation of the cron route, as Vercel sends it. */
  runCron(init?: { authorization?: string | null; method?: "GET" | "POST" }): Promise<Response>;
  /** Waits for the simulator's calls to end, their webhooks to land, and the refills they start. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** The simulator, the webhook route and the environment the cron route reads. */
export async function startDispatchHarness(options: Partial<SimulatorOptions> = {}): Promise<DispatchHarness> {
  const saved = { ...process.env };
  const server = await serveWebhookRoute();
  const { port } = server.address() as AddressInfo;
  const simulator = await createSimulator({
    latencyMs: 0,
    callDurationMs: 0,
    failureRate: 0,
    concurrencyLimit: 1_000,
    seed: 11,
    ...options,
    webhookUrl: `http://127.0.0.1:${port}/api/calls`,
    webhookSecret: WEBHOOK_SECRET,
  });
  Object.assign(process.env, { ELEVENLABS_API_KEY: "test", ELEVENLABS_API_BASE_URL: simulator.url, ELEVENLABS_WEBHOOK_SECRET: WEBHOOK_SECRET, CRON_SECRET });
  return {
    simulator,
    runCron: (init = {}) => {
      const authorization = init.authorization === undefined ? `Bearer ${CRON_SECRET}` : init.authorization;
      const request = new Request("http://localhost/api/cron/process-scheduled-calls", {
        method: init.method ?? "GET",
        headers: authorization === null ? {} : { authorization },
      });
      return cronRoute(request);
    },
    async settle() {
      for (let round = 0; round < 50; round++) {
        await simulator.whenIdle();
        await settledAfterResponse();
        if (simulator.inFlight() === 0) {
          await simulator.whenIdle();
          return;
        }
      }
    },
    async close() {
      await settledAfterResponse();
      await simulator.close();
      await new Promise((resolve) => server.close(resolve));
      process.env = saved;
    },
  };
}
