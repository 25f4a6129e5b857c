// Demo data on the first start: prisma/seed.ts (idempotent, prints what it did) runs as its own
// process when the database has no organization yet.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import pg from "pg";

/** True when no organization exists yet (or the table cannot be read, which the seed will report). */
export async function databaseIsEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ present: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Organization") AS present`);
    return !rows[0]?.present;
  } catch {
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface SeedRun {
  /** Resolves with the exit code; null when the seed script does not exist. */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

/** Runs `tsx prisma/seed.ts` with `env`, output inherited. */
export function runSeed(root: string, env: NodeJS.ProcessEnv): SeedRun {
  const script = join(root, "prisma/seed.ts");
  if (!existsSync(script)) {
    console.warn("prisma/seed.ts does not exist yet: skipping the demo data.");
    return { exited: Promise.resolve(null), kill: () => {} };
  }
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const child = spawn(process.execPath, [tsx, script], { cwd: root, env, stdio: "inherit" });
  return {
    exited: once(child, "exit").then(([code, signal]) => (code ?? (signal ? 1 : 0)) as number),
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
