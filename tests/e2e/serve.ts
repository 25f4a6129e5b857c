// The server the end-to-end tests run against: the production build (`next build` has run already)
// on port 3100, over TEST_DATABASE_URL or, when that is unset, a throwaway in-memory embedded database,
// with the built-in ElevenLabs simulator standing in for ElevenLabs (never a real account).
// Migrates, seeds the demo clinics (idempotent), then runs `next start` until Playwright stops it.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import pg from "pg";
import { isLocalDatabaseUrl, describeDatabaseUrl } from "../../scripts/db/connection";
import { IN_MEMORY, startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { deployMigrations } from "../../scripts/db/migrate";
import { startSidecars, stopSidecars } from "../../scripts/dev/sidecars";
import { E2E_SIMULATOR_PORT } from "./helpers/simulator";

const PORT = 3100;
const HOST = "127.0.0.1";
// A fixed secret for test sessions only; long enough for the runtime check in instrumentation.ts.
const E2E_NEXTAUTH_SECRET = "e2e-only-nextauth-secret-never-use-in-production-000";

async function openDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return startEmbeddedPostgres({ dataDir: IN_MEMORY, port: 0 });
  // The tests sign up clinics and change the demo admin's active organization: never on a shared database.
  if (!isLocalDatabaseUrl(url) && process.env.E2E_ALLOW_REMOTE_DATABASE !== "1") {
    throw new Error(`Refusing to run end-to-end tests against ${describeDatabaseUrl(url)}: it is not local. Set E2E_ALLOW_REMOTE_DATABASE=1 if you mean it.`);
  }
  return { url, stop: async () => {} };
}

async function main(): Promise<void> {
  const database = await openDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
    NEXTAUTH_URL: `http://${HOST}:${PORT}`,
    // A production server needs its own transcript key: one derived for the tests, never a real one.
    TRANSCRIPT_ENCRYPTION_KEY: createHash("sha256").update("callboard e2e transcript key").digest("base64"),
    TRANSCRIPT_ENCRYPTION_KEY_PREVIOUS: undefined,
    // The simulator on a free port, never a real ElevenLabs workspace.
    ELEVENLABS_API_KEY: undefined,
    ELEVENLABS_WEBHOOK_SECRET: undefined,
    SIMULATOR_PORT: String(E2E_SIMULATOR_PORT),
    SIMULATOR_SEED: "20261122",
  };
  const sidecars = await startSidecars(env);

  const applied = await deployMigrations(database.url);
  console.log(`[e2e] ${describeDatabaseUrl(database.url)}: ${applied.length} migration(s) applied.`);
  // Every run signs up clinics and signs in from one address: start each run with fresh rate-limit
  // windows, so a second run within the hour is not locked out by the first.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`DELETE FROM "RateLimitBucket"`).finally(() => client.end());
  // Asynchronously, so a signal from Playwright is handled while the seed runs.
  const seeded = await new Promise<number | null>((resolve, reject) => {
    spawn(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { stdio: "inherit", env }).once("error", reject).once("exit", resolve);
  });
  if (seeded !== 0) throw new Error(`Seeding failed (exit ${seeded}).`);

  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", HOST], { stdio: "inherit", env });
  // Playwright stops us with SIGTERM: pass it on, and close the database once the server is gone.
  const forward = (signal: NodeJS.Signals) => server.kill(signal);
  process.once("SIGINT", forward);
  process.once("SIGTERM", forward);
  server.once("exit", (code, signal) => {
    void stopSidecars(sidecars)
      .then(() => database.stop())
      .finally(() => process.exit(signal ? 0 : (code ?? 1)));
  });
}

main().catch((error: unknown) => {
  console.error("[e2e] could not start the server:", error instanceof Error ? error.message : error);
  process.exit(1);
});
