// What `npm start` may serve without a database of its own, and where a local run listens.
import type { RunMode } from "./load-env";

/** Set to 1 to let `npm start` serve the embedded demo database (demo accounts, simulator). */
export const DEMO_SWITCH = "CALLBOARD_DEMO";

/**
 * Why `start` must not run here, or null. Without DATABASE_URL it would serve the embedded database
 * with the demo accounts (whose password is in the README) and the simulator: a production start that
 * lost its DATABASE_URL must stop, not quietly become that demo.
 */
export function demoStartRefusal(mode: RunMode, env: Record<string, string | undefined>): string | null {
  if (mode !== "start" || env.DATABASE_URL || env[DEMO_SWITCH] === "1") return null;
  return [
    "npm start needs DATABASE_URL (the PostgreSQL to serve).",
    "Without it, it would serve the embedded demo database, whose demo accounts have a published password, and the simulated ElevenLabs.",
    `To run that demo on purpose: ${DEMO_SWITCH}=1 npm start (it listens on 127.0.0.1 unless HOSTNAME is set). To develop: npm run dev.`,
  ].join("\n");
}

/**
 * The interface a local run (demo data, generated secrets) listens on: HOSTNAME when set, else
 * 127.0.0.1 — `next dev` and `next start` default to every interface, which would put the demo
 * accounts on the network. A `-H`/`--hostname` among the arguments wins; a non-local run keeps
 * Next's default.
 */
export function hostnameArgs(args: string[], env: Record<string, string | undefined>, local: boolean): string[] {
  if (!local || args.some((arg) => arg === "-H" || arg.startsWith("-H") || arg === "--hostname" || arg.startsWith("--hostname="))) return [];
  return ["-H", env.HOSTNAME?.trim() || "127.0.0.1"];
}
