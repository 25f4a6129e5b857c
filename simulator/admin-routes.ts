import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { faultRequestSchema } from "@/simulator/faults";
import { parseJson, readBody, sendJson } from "@/simulator/http-io";
import { inboundCallRequestSchema } from "@/simulator/inbound-call-request";
import { simulatorConfigSchema, type SimulatorConfig } from "@/simulator/options";
import type { Simulator } from "@/simulator/simulator-types";

/**
 * `/_simulator/*`: what e2e and load tests (or a person running a demo) use to inspect and steer
 * the simulator over HTTP. Not part of ElevenLabs' API, not recorded as requests, and only as
 * exposed as the simulator's listening address (127.0.0.1 unless SIMULATOR_HOST says otherwise).
 *
 *   GET    /_simulator/health                      { ok, seed }
 *   GET    /_simulator/requests[?path=/v1/…]       { requests }
 *   DELETE /_simulator/requests                    forget recorded requests
 *   GET    /_simulator/deliveries                  { deliveries } — webhook attempts and their results
 *   GET    /_simulator/config                      current options (secret redacted)
 *   POST   /_simulator/config    { …options }      change options at runtime
 *   POST   /_simulator/faults    { mode, count, toNumber? }   force the next dials (to one number; see faults.ts)
 *   DELETE /_simulator/faults                      drop pending faults
 *   POST   /_simulator/inbound   { from, agentId, phoneNumberId?, outcome?, name? }
 *                                                 a patient calls the clinic (see inbound-call.ts);
 *                                                 answers once picked up: { conversation_id, … }
 *   POST   /_simulator/advance   { all?: true }    run the next lifecycle step of every call now
 *   POST   /_simulator/reset                       forget everything, cancel calls in flight
 */
export async function handleAdminRequest(simulator: Simulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method} ${url.pathname}`;
  const body = async () => {
    const json = parseJson(await readBody(req));
    return json.ok ? json.value : undefined;
  };

  switch (route) {
    case "GET /_simulator/health":
      return sendJson(res, 200, { ok: true, seed: simulator.seed });
    case "GET /_simulator/requests": {
      const path = url.searchParams.get("path");
      return sendJson(res, 200, { requests: path ? simulator.requests.filter((request) => request.path === path) : simulator.requests });
    }
    case "DELETE /_simulator/requests":
      simulator.clearRequests();
      return sendJson(res, 200, { requests: [] });
    case "GET /_simulator/deliveries":
      return sendJson(res, 200, { deliveries: simulator.deliveries });
    case "GET /_simulator/config":
      return sendJson(res, 200, publicConfig(simulator.config()));
    case "POST /_simulator/config": {
      const parsed = simulatorConfigSchema
        .partial()
        .strict()
        .safeParse(await body());
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      return sendJson(res, 200, publicConfig(simulator.configure(parsed.data)));
    }
    case "POST /_simulator/faults": {
      const parsed = faultRequestSchema.safeParse(await body());
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      if (parsed.data.toNumber)
        simulator.scriptNumber(
          parsed.data.toNumber,
          Array.from({ length: parsed.data.count }, () => parsed.data.mode),
        );
      else simulator.injectFault(parsed.data.mode, parsed.data.count);
      return sendJson(res, 200, { pending: simulator.pendingFaults() });
    }
    case "DELETE /_simulator/faults":
      simulator.clearFaults();
      return sendJson(res, 200, { pending: [] });
    case "POST /_simulator/inbound": {
      const parsed = inboundCallRequestSchema.safeParse(await body());
      if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
      const call = await simulator.playInbound(parsed.data);
      return sendJson(res, 200, {
        conversation_id: call.conversationId,
        call_sid: call.callSid,
        phone_number_id: call.phoneNumberId,
        agent_number: call.agentNumber,
        initiation: call.initiation ?? null,
      });
    }
    case "POST /_simulator/advance": {
      // { "all": true } finishes every call in flight; otherwise one step each.
      const all = ((await body()) as { all?: unknown } | undefined)?.all === true;
      let total = 0;
      for (let steps = simulator.advance(); steps > 0; steps = all ? simulator.advance() : 0) total += steps;
      return sendJson(res, 200, { steps: total });
    }
    case "POST /_simulator/reset":
      simulator.reset();
      return sendJson(res, 200, { ok: true });
    default:
      return sendJson(res, 404, { error: `No admin route ${route}` });
  }
}

/** The webhook secret and the agents' tool tokens are never echoed. */
function publicConfig(config: SimulatorConfig) {
  const agentTools = Object.fromEntries(
    Object.entries(config.agentTools).map(([agentId, { tools }]) => [
      agentId,
      { tools: tools.map((tool) => ({ name: tool.name, url: tool.api_schema.url, headers: Object.keys(tool.api_schema.request_headers) })) },
    ]),
  );
  return { ...config, webhookSecret: config.webhookSecret ? "(set)" : null, agentTools };
}
