import { randomInt } from "node:crypto";
import { z } from "zod";

export const CALL_OUTCOMES = ["appointment_booked", "callback_scheduled", "not_interested", "voicemail", "escalated"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const FAILURE_REASONS = ["busy", "no-answer"] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

const weight = z.number().min(0);

/**
 * The server tools of one agent, as Callboard's settings page generates them (the JSON pasted into an
 * ElevenLabs agent): the simulator calls their URLs with their headers mid-call, as ElevenLabs would.
 */
export const agentToolsSchema = z.object({
  tools: z.array(
    z.looseObject({
      name: z.string(),
      api_schema: z.looseObject({ url: z.url(), method: z.enum(["GET", "POST"]), request_headers: z.record(z.string(), z.string()).default({}) }),
    }),
  ),
});
export type AgentTools = z.infer<typeof agentToolsSchema>;

/** A clinic line in the workspace: its number, and the agent that answers it (ElevenLabs' assigned agent). */
export const phoneLineSchema = z.object({
  number: z.string().regex(/^\+[1-9]\d{6,14}$/, "an E.164 number"),
  agentId: z.string().min(1).nullable().default(null),
});
export type PhoneLine = z.infer<typeof phoneLineSchema>;
const someWeight = (mix: Record<string, number>) => Object.values(mix).some((value) => value > 0);

/** What can be changed at runtime (`POST /_simulator/config` or `simulator.configure()`). */
export const simulatorConfigSchema = z.object({
  /** Delay before the dial request is answered. */
  latencyMs: z.number().int().min(0),
  /** From dial to hang-up; the phone "rings" for the first quarter of it. */
  callDurationMs: z.number().int().min(0),
  /** Share of dials (0–1) that never connect and end in a `call_initiation_failure`. */
  failureRate: z.number().min(0).max(1),
  failureMix: z.object({ busy: weight, "no-answer": weight }).refine(someWeight, "needs at least one weight above 0"),
  outcomeMix: z
    .object({ appointment_booked: weight, callback_scheduled: weight, not_interested: weight, voicemail: weight, escalated: weight.optional() })
    .refine(someWeight, "needs at least one weight above 0"),
  /** Calls in flight at once before dials answer 429, like a workspace's plan limit. */
  concurrencyLimit: z.number().int().min(1),
  /** Where post-call webhooks go; null sends none. */
  webhookUrl: z.url().nullable(),
  /** Signs webhooks like ElevenLabs; null sends them unsigned (a verifying receiver must reject them). */
  webhookSecret: z.string().min(1).nullable(),
  /** Agent and phone-number ids that answer 404 (every other id exists), for the configuration check. */
  unknownIds: z.array(z.string()),
  /** Whether agents allow first-message and prompt overrides (ElevenLabs: the agent's security tab). */
  overridesEnabled: z.boolean(),
  /** Each agent's first message as `GET /v1/convai/agents/{id}` serves it; an agent not listed greets with DEFAULT_FIRST_MESSAGE. */
  agentFirstMessages: z.record(z.string(), z.string()),
  /** Server tools per agent id: a call that books (or asks for a call back) calls them on the app. */
  agentTools: z.record(z.string(), agentToolsSchema),
  /**
   * The workspace's phone numbers by phone-number id: the number calls come from (`agent_number`) and
   * the agent that answers it, so an inbound call rings the clinic's own number. An id not listed
   * exists too, with a placeholder number.
   */
  phoneNumbers: z.record(z.string(), phoneLineSchema),
});
export type SimulatorConfig = z.infer<typeof simulatorConfigSchema>;

export type SimulatorOptions = SimulatorConfig & {
  host: string;
  /** 0 picks a free port. */
  port: number;
  seed: number;
  /** Where the simulator reports what it does (webhook failures, faults). */
  log: (line: string) => void;
};

/** What a simulated agent says first unless `agentFirstMessages` says otherwise: it names the clinic (47 CFR 64.1200(b)). */
export const DEFAULT_FIRST_MESSAGE = "Hi {{contact_name}}, this is {{clinic_name}} calling.";

export const DEFAULT_SIMULATOR_CONFIG: SimulatorConfig = {
  latencyMs: 150,
  callDurationMs: 4_000,
  failureRate: 0.15,
  failureMix: { busy: 1, "no-answer": 1 },
  outcomeMix: { appointment_booked: 4, callback_scheduled: 2, not_interested: 2, voicemail: 2, escalated: 0 },
  concurrencyLimit: 10,
  webhookUrl: null,
  webhookSecret: null,
  unknownIds: [],
  overridesEnabled: true,
  agentFirstMessages: {},
  agentTools: {},
  phoneNumbers: {},
};

export function resolveSimulatorOptions(options: Partial<SimulatorOptions> = {}): SimulatorOptions {
  const config = simulatorConfigSchema.parse({ ...DEFAULT_SIMULATOR_CONFIG, ...pickConfig(options) });
  return {
    ...config,
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    seed: options.seed ?? randomInt(2 ** 31),
    log: options.log ?? (() => {}),
  };
}

export function pickConfig(options: Partial<SimulatorConfig>): Partial<SimulatorConfig> {
  const keys = Object.keys(simulatorConfigSchema.shape) as Array<keyof SimulatorConfig>;
  return Object.fromEntries(keys.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]));
}

/**
 * Reads the CLI's environment. Unset variables keep the defaults; a malformed one is an error,
 * not a silent default.
 */
export function simulatorOptionsFromEnv(env: Record<string, string | undefined>): Partial<SimulatorOptions> {
  const options: Partial<SimulatorOptions> = {
    host: env.SIMULATOR_HOST || "127.0.0.1",
    port: integer(env, "SIMULATOR_PORT") ?? 4010,
    webhookUrl: env.SIMULATOR_WEBHOOK_URL?.trim() || "http://localhost:3000/api/calls",
    webhookSecret: env.SIMULATOR_WEBHOOK_SECRET?.trim() || env.ELEVENLABS_WEBHOOK_SECRET?.trim() || null,
  };
  const latencyMs = integer(env, "SIMULATOR_LATENCY_MS");
  const callDurationMs = integer(env, "SIMULATOR_CALL_DURATION_MS");
  const concurrencyLimit = integer(env, "SIMULATOR_CONCURRENCY_LIMIT");
  const seed = integer(env, "SIMULATOR_SEED");
  const failureRate = env.SIMULATOR_FAILURE_RATE?.trim() ? Number(env.SIMULATOR_FAILURE_RATE) : undefined;
  if (latencyMs !== undefined) options.latencyMs = latencyMs;
  if (callDurationMs !== undefined) options.callDurationMs = callDurationMs;
  if (concurrencyLimit !== undefined) options.concurrencyLimit = concurrencyLimit;
  if (seed !== undefined) options.seed = seed;
  if (failureRate !== undefined) options.failureRate = failureRate;
  if (env.SIMULATOR_FAILURE_MIX?.trim()) {
    options.failureMix = parseMix(env.SIMULATOR_FAILURE_MIX, FAILURE_REASONS, "SIMULATOR_FAILURE_MIX");
  }
  if (env.SIMULATOR_OUTCOME_MIX?.trim()) {
    options.outcomeMix = parseMix(env.SIMULATOR_OUTCOME_MIX, CALL_OUTCOMES, "SIMULATOR_OUTCOME_MIX");
  }
  return options;
}

function integer(env: Record<string, string | undefined>, name: string): number | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${value}".`);
  return parsed;
}

/** "busy:2,no-answer:1" → { busy: 2, "no-answer": 1 }; names not given weigh 0. */
function parseMix<K extends string>(text: string, names: readonly K[], variable: string): Record<K, number> {
  const mix = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
  for (const part of text.split(",")) {
    const [name, value] = part.split(":").map((piece) => piece.trim());
    const parsed = Number(value);
    if (!names.includes(name as K) || !Number.isFinite(parsed) || parsed < 0) {
      throw new Error(`${variable}: expected "name:weight" pairs with names from ${names.join(", ")}, got "${part}".`);
    }
    mix[name as K] = parsed;
  }
  return mix;
}
