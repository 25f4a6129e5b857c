import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { outboundCallRequestSchema, type OutboundCallRequest } from "@/lib/elevenlabs/outbound-call-schemas";
import { buildClinicScript } from "@/simulator/clinic-script";
import { runAgentTools } from "@/simulator/agent-tools";
import { deliverWebhook, type WebhookDelivery } from "@/simulator/deliver-webhook";
import { handleAdminRequest } from "@/simulator/admin-routes";
import { isHttpFault, type FaultMode } from "@/simulator/faults";
import { BodyTooLargeError, parseJson, readBody, sendJson } from "@/simulator/http-io";
import {
  CALL_OUTCOMES,
  FAILURE_REASONS,
  pickConfig,
  resolveSimulatorOptions,
  simulatorConfigSchema,
  type CallOutcome,
  type FailureReason,
  type SimulatorConfig,
  type SimulatorOptions,
} from "@/simulator/options";
import { mulberry32, pickWeighted } from "@/simulator/prng";
import {
  conversationResponse,
  conversationSummary,
  initiationFailureEvent,
  newIds,
  transcriptionEvent,
  type SimulatedCall,
} from "@/simulator/simulated-call";
import { toValidationDetail } from "@/simulator/validation-errors";

export type RecordedRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON, the raw text when it was not JSON, null without a body. */
  body: unknown;
  receivedAt: string;
  /** What the simulator answered; null while held or when the connection was cut. */
  status: number | null;
};

export type Simulator = {
  url: string;
  seed: number;
  /** Every API request in arrival order (the `/_simulator` admin endpoints are not recorded). */
  readonly requests: readonly RecordedRequest[];
  readonly deliveries: readonly WebhookDelivery[];
  readonly calls: readonly SimulatedCall[];
  /** How many dial requests named this number (including refused ones). */
  dialsTo(toNumber: string): number;
  /** Calls ringing or talking right now, and the most there have been at once since the last reset. */
  inFlight(): number;
  peakInFlight(): number;
  config(): SimulatorConfig;
  configure(patch: Partial<SimulatorConfig>): SimulatorConfig;
  injectFault(mode: FaultMode, count?: number): void;
  pendingFaults(): FaultMode[];
  clearFaults(): void;
  clearRequests(): void;
  /**
   * Runs the next lifecycle step of every call in flight now (ringing → connected or failed, then
   * connected → done), instead of waiting for the call duration. Returns how many steps ran; tests
   * and demos use it to drive calls without sleeping.
   */
  advance(): number;
  /** Forgets requests, calls, deliveries and pending faults; cancels calls in flight. */
  reset(): void;
  /** Resolves when no call is in flight and every webhook has been sent. */
  whenIdle(): Promise<void>;
  close(): Promise<void>;
};

const DIAL_PATH = "/v1/convai/twilio/outbound-call";
const CONVERSATIONS_PATH = "/v1/convai/conversations";
const AGENT_PATH = /^\/v1\/convai\/agents\/([^/]+)$/;
const PHONE_NUMBER_PATH = /^\/v1\/convai\/phone-numbers\/([^/]+)$/;

const listQuerySchema = z.object({
  agent_id: z.string().optional(),
  user_id: z.string().optional(),
  call_start_after_unix: z.coerce.number().int().optional(),
  call_start_before_unix: z.coerce.number().int().optional(),
  page_size: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().optional(),
});

/**
 * A stand-in for ElevenLabs' outbound-call and conversations API, speaking its wire format, with
 * calls that ring, talk and end, and signed post-call webhooks. For demos, local development,
 * end-to-end and load tests. Node's `http` only; listens on 127.0.0.1 and a free port by default.
 */
export async function createSimulator(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  const settings = resolveSimulatorOptions(options);
  let config: SimulatorConfig = simulatorConfigSchema.parse(pickConfig(settings));
  const random = mulberry32(settings.seed);

  const requests: RecordedRequest[] = [];
  const deliveries: WebhookDelivery[] = [];
  const calls: SimulatedCall[] = [];
  const callsById = new Map<string, SimulatedCall>();
  const faults: FaultMode[] = [];
  // Each call's remaining lifecycle steps, in order; a timer runs them, advance() can run them early.
  const pendingSteps = new Map<SimulatedCall, Array<{ timer: NodeJS.Timeout; run: () => void }>>();
  const heldResponses = new Set<ServerResponse>();
  // Ringing or talking: what the concurrency limit counts (kept as a set so load tests stay O(1) per dial).
  const activeCalls = new Set<SimulatedCall>();
  let callsInFlight = 0;
  let peakActiveCalls = 0;
  let idleWaiters: Array<() => void> = [];
  // Bumped by reset(): work started before a reset must not write into the fresh state.
  let generation = 0;
  // Aborted by reset(): webhooks of cancelled calls are not sent late into the next test or demo.
  let deliveriesInFlight = new AbortController();

  function scheduleStep(call: SimulatedCall, ms: number, run: () => void): void {
    const steps = pendingSteps.get(call) ?? [];
    const step = { run, timer: setTimeout(() => runStep(call, step), ms) };
    steps.push(step);
    pendingSteps.set(call, steps);
  }

  function runStep(call: SimulatedCall, step: { timer: NodeJS.Timeout; run: () => void }): void {
    clearTimeout(step.timer);
    const remaining = (pendingSteps.get(call) ?? []).filter((pending) => pending !== step);
    if (remaining.length > 0) pendingSteps.set(call, remaining);
    else pendingSteps.delete(call);
    step.run();
  }

  function cancelAllSteps(): void {
    for (const steps of pendingSteps.values()) for (const step of steps) clearTimeout(step.timer);
    pendingSteps.clear();
  }

  function settleOne(): void {
    callsInFlight = Math.max(0, callsInFlight - 1);
    if (callsInFlight === 0) releaseIdleWaiters();
  }

  function releaseIdleWaiters(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }


  function hold(res: ServerResponse): void {
    heldResponses.add(res);
    res.on("close", () => heldResponses.delete(res));
  }

  // ── Calls ────────────────────────────────────────────────────────────────────────────────────
  function planCall(fault: FaultMode | undefined, variables: Record<string, unknown>): SimulatedCall["plan"] {
    if ((FAILURE_REASONS as readonly string[]).includes(fault ?? "")) return { kind: "failed", reason: fault as FailureReason };
    let outcome = (CALL_OUTCOMES as readonly string[]).includes(fault ?? "") ? (fault as CallOutcome) : null;
    if (outcome === null) {
      if (random() < config.failureRate) return { kind: "failed", reason: pickWeighted(random, config.failureMix) };
      outcome = pickWeighted(random, config.outcomeMix);
    }
    return { kind: "answered", outcome, script: buildClinicScript(variables, outcome, random) };
  }

  function placeCall(body: OutboundCallRequest, fault: FaultMode | undefined): SimulatedCall {
    const clientData = body.conversation_initiation_client_data;
    const dynamicVariables = clientData?.dynamic_variables ?? {};
    const call: SimulatedCall = {
      ...newIds(),
      agentId: body.agent_id,
      phoneNumberId: body.agent_phone_number_id,
      toNumber: body.to_number,
      userId: clientData?.user_id ?? null,
      dynamicVariables,
      status: "initiated",
      startTimeUnixSecs: Math.floor(Date.now() / 1000),
      plan: planCall(fault, dynamicVariables),
    };
    calls.push(call);
    callsById.set(call.conversationId, call);
    activeCalls.add(call);
    peakActiveCalls = Math.max(peakActiveCalls, activeCalls.size);
    callsInFlight += 1;

    // The phone rings for the first quarter of the call, then connects or fails.
    scheduleStep(call, Math.round(config.callDurationMs / 4), () => {
      if (call.plan.kind === "failed") {
        call.status = "failed";
        activeCalls.delete(call);
        void finish(call, initiationFailureEvent(call, call.plan.reason, nowSecs()));
      } else {
        call.status = "in-progress";
        startAgentTools(call);
      }
    });
    if (call.plan.kind === "answered") {
      scheduleStep(call, config.callDurationMs, () => {
        const end = () => {
          call.status = "done";
          activeCalls.delete(call);
          void finish(call, transcriptionEvent(call, nowSecs()));
        };
        // The call ends once the agent has its tools' answers (it would not hang up mid-booking).
        if (call.toolRun) void call.toolRun.finally(end);
        else end();
      });
    }
    return call;
  }

  /** Connected: an agent with Callboard's server tools books (or schedules the call back) on the app now. */
  function startAgentTools(call: SimulatedCall): void {
    const plan = call.plan;
    const tools = config.agentTools[call.agentId];
    if (plan.kind !== "answered" || !tools) return;
    call.toolRun = runAgentTools(tools, plan.outcome, call, settings.log).then((result) => {
      if (result) plan.script = buildClinicScript(call.dynamicVariables, plan.outcome, random, result);
    });
  }

  async function finish(call: SimulatedCall, event: Parameters<typeof deliverWebhook>[0]["event"]): Promise<void> {
    const startedIn = generation;
    try {
      if (!config.webhookUrl) return;
      const delivery = await deliverWebhook({ url: config.webhookUrl, secret: config.webhookSecret, event, signal: deliveriesInFlight.signal });
      if (startedIn !== generation) return;
      deliveries.push(delivery);
      if (delivery.error) settings.log(`webhook ${event.type} for ${call.conversationId} not delivered: ${delivery.error}`);
    } finally {
      if (startedIn === generation) settleOne();
    }
  }

  // ── API ──────────────────────────────────────────────────────────────────────────────────────
  async function handleDial(req: IncomingMessage, res: ServerResponse, respond: Responder, record: RecordedRequest): Promise<void> {
    const text = await readBody(req);
    const json = parseJson(text);
    record.body = json.ok ? json.value : text;
    if (!json.ok) return respond(422, { detail: [{ type: "json_invalid", loc: ["body", 0], msg: "JSON decode error" }] });

    const parsed = outboundCallRequestSchema.safeParse(json.value);
    if (!parsed.success) return respond(422, { detail: toValidationDetail(parsed.error, "body", json.value) });

    // Faults that answer instead of ElevenLabs apply first; the rest shape a call that is placed
    // (and so wait until the concurrency limit lets it be placed).
    const head = faults[0];
    if (head && isHttpFault(head) && head !== "hang_after_dial") {
      faults.shift();
      settings.log(`fault "${head}" answered a dial to ${parsed.data.to_number}`);
      if (head === "500") return respond(500, { detail: { status: "internal_error", message: "Simulated internal server error" } });
      if (head === "429") return respond(429, concurrencyLimitBody(config.concurrencyLimit));
      if (head === "422") {
        return respond(422, { detail: [{ type: "value_error", loc: ["body", "to_number"], msg: "Value error, the number cannot be called (simulated)" }] });
      }
      if (head === "hang") return hold(res);
      req.socket.destroy(); // "reset"
      return;
    }

    if (activeCalls.size >= config.concurrencyLimit) return respond(429, concurrencyLimitBody(config.concurrencyLimit));

    const fault = faults.shift();
    if (fault) settings.log(`fault "${fault}" shapes the call to ${parsed.data.to_number}`);
    const call = placeCall(parsed.data, fault);
    // A plain timer: reset() must not strand this answer, and close() cuts the socket anyway.
    await new Promise<void>((resolve) => setTimeout(resolve, config.latencyMs));
    if (fault === "hang_after_dial") return hold(res);
    respond(200, { success: true, message: "Success", conversation_id: call.conversationId, callSid: call.callSid });
  }

  function handleList(url: URL, respond: Responder): void {
    const query = Object.fromEntries(url.searchParams);
    const parsed = listQuerySchema.safeParse(query);
    if (!parsed.success) return respond(422, { detail: toValidationDetail(parsed.error, "query", query) });
    const filter = parsed.data;

    const matching = [...calls].reverse().filter(
      (call) =>
        (filter.agent_id === undefined || call.agentId === filter.agent_id) &&
        (filter.user_id === undefined || call.userId === filter.user_id) &&
        (filter.call_start_after_unix === undefined || call.startTimeUnixSecs >= filter.call_start_after_unix) &&
        (filter.call_start_before_unix === undefined || call.startTimeUnixSecs <= filter.call_start_before_unix),
    );
    // The cursor is the id of the last conversation of the previous page.
    let start = 0;
    if (filter.cursor !== undefined) {
      const index = matching.findIndex((call) => call.conversationId === filter.cursor);
      if (index === -1) return respond(422, { detail: [{ type: "value_error", loc: ["query", "cursor"], msg: "Invalid cursor" }] });
      start = index + 1;
    }
    const page = matching.slice(start, start + filter.page_size);
    const hasMore = start + page.length < matching.length;
    respond(200, {
      conversations: page.map(conversationSummary),
      has_more: hasMore,
      next_cursor: hasMore ? (page[page.length - 1]?.conversationId ?? null) : null,
    });
  }

  function handleGet(conversationId: string, respond: Responder): void {
    const call = callsById.get(conversationId);
    if (!call) return respond(404, { detail: { status: "conversation_not_found", message: `Conversation ${conversationId} not found` } });
    respond(200, conversationResponse(call));
  }

  // GET agent / phone number: every id exists unless listed in `unknownIds`, shaped like ElevenLabs' answers.
  function handleResource(kind: "agent" | "phone", id: string, respond: Responder): void {
    if (config.unknownIds.includes(id)) {
      const status = kind === "agent" ? "agent_not_found" : "phone_number_not_found";
      return respond(404, { detail: { status, message: `${kind === "agent" ? "Agent" : "Phone number"} ${id} not found` } });
    }
    if (kind === "agent") {
      const allowed = config.overridesEnabled;
      return respond(200, {
        agent_id: id,
        name: "Simulated clinic agent",
        conversation_config: { agent: { first_message: "Hi {{contact_name}}, this is the clinic calling.", language: "en", prompt: { prompt: "You are a friendly clinic receptionist." } } },
        platform_settings: { overrides: { conversation_config_override: { agent: { first_message: allowed, language: false, prompt: { prompt: allowed } } } } },
        metadata: { created_at_unix_secs: 1_760_000_000 },
        tags: [],
      });
    }
    respond(200, { phone_number: "+61255500000", label: "Simulated clinic line", phone_number_id: id, provider: "twilio", supports_outbound: true, supports_inbound: true, assigned_agent: null });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const record: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: null,
      receivedAt: new Date().toISOString(),
      status: null,
    };
    requests.push(record);
    const respond: Responder = (status, body) => {
      record.status = status;
      sendJson(res, status, body);
    };

    const conversationMatch = /^\/v1\/convai\/conversations\/([^/]+)$/.exec(url.pathname);
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

    if (route === "dial") return handleDial(req, res, respond, record);
    if (route === "list") return handleList(url, respond);
    if (route === "agent") return handleResource("agent", decodeURIComponent(agentMatch?.[1] ?? ""), respond);
    if (route === "phone") return handleResource("phone", decodeURIComponent(phoneMatch?.[1] ?? ""), respond);
    return handleGet(decodeURIComponent(conversationMatch?.[1] ?? ""), respond);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const handled = url.pathname.startsWith("/_simulator/") ? handleAdminRequest(simulator, req, res, url) : handleApi(req, res, url);
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
    requests,
    deliveries,
    calls,
    dialsTo: (toNumber) =>
      requests.filter(
        (request) => request.path === DIAL_PATH && (request.body as { to_number?: unknown } | null)?.to_number === toNumber,
      ).length,
    inFlight: () => activeCalls.size,
    peakInFlight: () => peakActiveCalls,
    config: () => ({ ...config }),
    configure(patch) {
      config = simulatorConfigSchema.parse({ ...config, ...pickConfig(patch) });
      return { ...config };
    },
    advance() {
      const next = [...pendingSteps].flatMap(([call, steps]) => (steps[0] ? [[call, steps[0]] as const] : []));
      for (const [call, step] of next) runStep(call, step);
      return next.length;
    },
    injectFault(mode, count = 1) {
      for (let i = 0; i < count; i++) faults.push(mode);
    },
    pendingFaults: () => [...faults],
    clearFaults: () => void (faults.length = 0),
    clearRequests: () => void (requests.length = 0),
    reset() {
      generation += 1;
      deliveriesInFlight.abort();
      deliveriesInFlight = new AbortController();
      cancelAllSteps();
      for (const res of heldResponses) res.destroy();
      requests.length = 0;
      deliveries.length = 0;
      calls.length = 0;
      callsById.clear();
      activeCalls.clear();
      peakActiveCalls = 0;
      faults.length = 0;
      callsInFlight = 0;
      releaseIdleWaiters();
    },
    whenIdle: () => (callsInFlight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    async close() {
      simulator.reset();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return simulator;
}

type Responder = (status: number, body: unknown) => void;

function nowSecs(): number {
  return Math.floor(Date.now() / 1000);
}

function concurrencyLimitBody(limit: number) {
  return {
    detail: {
      status: "concurrent_limit_exceeded",
      message: `Too many concurrent calls: this workspace allows ${limit} at once. Try again when a call has ended.`,
    },
  };
}
