// Processes that run beside `next` for local development.
import { randomBytes } from "node:crypto";
import { createSimulator } from "@/simulator/create-simulator";
import { simulatorOptionsFromEnv } from "@/simulator/options";
import { startLocalCron } from "./local-cron";

export interface Sidecar {
  name: string;
  stop(): Promise<void>;
}

const log = (line: string) => console.log(`[simulator] ${line}`);

/**
 * Starts the sidecars this environment needs and adds their variables to `env` (the environment
 * next is spawned with): the local cron that runs the dispatcher every minute, and — without an
 * ElevenLabs API key — the built-in ElevenLabs simulator: the app dials it, and it posts signed
 * post-call webhooks back to the app.
 */
export async function startSidecars(env: NodeJS.ProcessEnv): Promise<Sidecar[]> {
  const cron = startLocalCron(env);
  const simulator = env.ELEVENLABS_API_KEY ? null : await startSimulator(env);
  return [cron, simulator].filter((sidecar): sidecar is Sidecar => sidecar !== null);
}

async function startSimulator(env: NodeJS.ProcessEnv): Promise<Sidecar> {
  env.ELEVENLABS_WEBHOOK_SECRET ??= `whsec_local_${randomBytes(24).toString("hex")}`;
  const simulator = await createSimulator({
    ...simulatorOptionsFromEnv(env),
    webhookUrl: env.SIMULATOR_WEBHOOK_URL ?? `${env.NEXTAUTH_URL}/api/calls`,
    webhookSecret: env.ELEVENLABS_WEBHOOK_SECRET,
    log,
  });
  env.ELEVENLABS_API_KEY = "simulator";
  env.ELEVENLABS_API_BASE_URL = simulator.url;
  log(`No ELEVENLABS_API_KEY: calls go to the built-in ElevenLabs simulator at ${simulator.url} (seed ${simulator.seed}).`);
  return { name: "ElevenLabs simulator", stop: () => simulator.close() };
}

export async function stopSidecars(sidecars: Sidecar[]): Promise<void> {
  await Promise.allSettled(sidecars.map((sidecar) => sidecar.stop()));
}
