// Processes that run beside `next` for local development.
import { randomBytes } from "node:crypto";
import { createSimulator } from "@/lib/elevenlabs/simulator/create-simulator";
import { simulatorOptionsFromEnv } from "@/lib/elevenlabs/simulator/options";

export interface Sidecar {
  name: string;
  stop(): Promise<void>;
}

const log = (line: string) => console.log(`[simulator] ${line}`);

/**
 * Starts the sidecars this environment needs and adds their variables to `env` (the environment
 * next is spawned with). Without an ElevenLabs API key, the built-in ElevenLabs simulator stands in:
 * the app dials it, and it posts signed post-call webhooks back to the app.
 */
export async function startSidecars(env: NodeJS.ProcessEnv): Promise<Sidecar[]> {
  if (env.ELEVENLABS_API_KEY) return [];
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
  return [{ name: "ElevenLabs simulator", stop: () => simulator.close() }];
}

export async function stopSidecars(sidecars: Sidecar[]): Promise<void> {
  await Promise.allSettled(sidecars.map((sidecar) => sidecar.stop()));
}
