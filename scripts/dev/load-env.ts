// The runner reads the same env files Next will, so what it decides (start the embedded database
// or not, generate a secret or not) matches what the app then sees. Next's order, highest priority
// first; process.loadEnvFile never overrides a variable that is already set, so loading them in this
// order gives the real environment priority over every file, and .env the lowest.
import { existsSync } from "node:fs";
import { join } from "node:path";

export type RunMode = "dev" | "start";

export function envFilesFor(mode: RunMode): string[] {
  const nodeEnv = mode === "dev" ? "development" : "production";
  return [`.env.${nodeEnv}.local`, ".env.local", `.env.${nodeEnv}`, ".env"];
}

/** Loads the env files that exist under `root`; returns their names. */
export function loadEnvFiles(root: string, mode: RunMode): string[] {
  const loaded: string[] = [];
  for (const name of envFilesFor(mode)) {
    const path = join(root, name);
    if (!existsSync(path)) continue;
    process.loadEnvFile(path);
    loaded.push(name);
  }
  return loaded;
}
