import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAdminRequest } from "@/simulator/admin-routes";
import { handleApiRequest } from "@/simulator/api-routes";
import { BodyTooLargeError, sendJson } from "@/simulator/http-io";
import { playInboundCall } from "@/simulator/inbound-call";
import { pickConfig, resolveSimulatorOptions, simulatorConfigSchema, type SimulatorOptions } from "@/simulator/options";
import { DIAL_PATH } from "@/simulator/outbound-call-route";
import { createSimulatorState, resetState } from "@/simulator/simulator-state";
import type { Simulator } from "@/simulator/simulator-types";

export type { RecordedRequest, Simulator } from "@/simulator/simulator-types";

/**
 * A stand-in for ElevenLabs' outbound-call and conversations API, speaking its wire format, with
 * calls that ring, talk and end, and signed post-call webhooks; inbound calls on request. For demos,
 * local development, end-to-end and load tests. Node's `http` only; listens on 127.0.0.1 and a free
 * port by default.
 */
export async function createSimulator(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  const settings = resolveSimulatorOptions(options);
  const state = createSimulatorState(settings);

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const handled = url.pathname.startsWith("/_simulator/") ? handleAdminRequest(simulator, req, res, url) : handleApiRequest(state, req, res, url);
    handled.catch((error: unknown) => {
      const tooLarge = error instanceof BodyTooLargeError;
      if (!tooLarge) settings.log(`simulator error on ${req.method} ${url.pathname}: ${String(error)}`);
      if (res.headersSent) return res.destroy();
      sendJson(res, tooLarge ? 413 : 500, { detail: tooLarge ? "Request body too large" : "Internal Server Error" }, { connection: "close" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host === "0.0.0.0" || settings.host === "::" ? "127.0.0.1" : settings.host;

  const simulator: Simulator = {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    seed: settings.seed,
    requests: state.requests,
    deliveries: state.deliveries,
    calls: state.calls,
    dialsTo: (toNumber) =>
      state.requests.filter((request) => request.path === DIAL_PATH && (request.body as { to_number?: unknown } | null)?.to_number === toNumber).length,
    inFlight: () => state.activeCalls.size,
    peakInFlight: () => state.peakActiveCalls,
    config: () => ({ ...state.config }),
    configure(patch) {
      state.config = simulatorConfigSchema.parse({ ...state.config, ...pickConfig(patch) });
      return { ...state.config };
    },
    playInbound: (request) => playInboundCall(state, request),
    advance: (conversationId?: string) => {
      if (conversationId === undefined) return state.timeline.advance();
      const call = state.callsById.get(conversationId);
      return call ? state.timeline.advance(call) : 0;
    },
    injectFault(mode, count = 1) {
      for (let i = 0; i < count; i++) state.faults.push(mode);
    },
    scriptNumber(toNumber, modes) {
      const queue = state.numberFaults.get(toNumber) ?? [];
      queue.push(...modes);
      state.numberFaults.set(toNumber, queue);
    },
    pendingFaults: () => [...state.faults],
    clearFaults() {
      state.faults.length = 0;
      state.numberFaults.clear();
    },
    clearRequests: () => void (state.requests.length = 0),
    reset: () => resetState(state),
    whenIdle: () => (state.callsInFlight === 0 ? Promise.resolve() : new Promise((resolve) => state.idleWaiters.push(resolve))),
    async close() {
      simulator.reset();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return simulator;
}
