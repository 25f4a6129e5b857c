// The runner behind `npm run dev` (`tsx scripts/dev.ts dev`) and `npm start` (`tsx scripts/dev.ts start`).
//
//  1. Loads the env files Next would (.env.local, .env, …; the real environment wins). `start` without
//     DATABASE_URL refuses unless CALLBOARD_DEMO=1 (scripts/dev/demo-guard.ts).
//  2. Without DATABASE_URL, starts the embedded PostgreSQL (PGlite in a child process, data in
//     .data/pglite) on 127.0.0.1:EMBEDDED_DATABASE_PORT (54329), and sets DATABASE_URL to it.
//  3. Applies pending migrations, then seeds the demo data if the database has no organization yet
//     (always in dev; with `start` only on the embedded database — never a production database).
//  4. Without NEXTAUTH_SECRET on a local run (dev, or start on the embedded database), uses a secret
//     generated once and kept in .data/nextauth-secret. NEXTAUTH_URL defaults to http://localhost:$PORT.
//  5. Starts the sidecars (scripts/dev/sidecars.ts — the hook for the ElevenLabs simulator), then
//     `next dev|start` with any extra arguments (`npm run dev -- -p 4000`); a local run listens on
//     127.0.0.1 unless HOSTNAME or `-H` says otherwise. With the simulator, right after the demo seed,
//     patients call the demo clinic once the app is up (scripts/dev/demo-inbound-calls.ts).
//  6. Ctrl-C / SIGTERM: stops next (and its workers), the sidecars, then the database. When next
//     exits by itself the runner cleans up the same way and exits with next's code.
import { join, relative } from "node:path";
import { describeDatabaseUrl } from "./db/connection";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./db/embedded-postgres";
import { deployMigrations } from "./db/migrate";
import { PROJECT_ROOT } from "./db/migrations-folder";
import { loadEnvFiles, type RunMode } from "./dev/load-env";
import { spawnNext, type NextProcess } from "./dev/next-process";
import { localNextAuthSecret } from "./dev/nextauth-secret";
import { databaseIsEmpty, runSeed, type SeedRun } from "./dev/seed";
import { startSidecars, stopSidecars, type Sidecar } from "./dev/sidecars";
import { configureDemoAgentTools, DEMO_AGENT_TOKEN_FILE } from "./dev/demo-agent-tools";
import { DEMO_SWITCH, demoStartRefusal, hostnameArgs } from "./dev/demo-guard";
import { playDemoInboundCalls } from "./dev/demo-inbound-calls";
import { developmentKeyBase64 } from "@/lib/crypto/encryption-keys";

const DATA_DIR = join(PROJECT_ROOT, ".data");
const EMBEDDED_DATA_DIR = join(DATA_DIR, "pglite");
const SECRET_FILE = join(DATA_DIR, "nextauth-secret");
const DEFAULT_EMBEDDED_PORT = 54329;

const log = (line: string) => console.log(`[callboard] ${line}`);
const since = (started: number) => `${Math.round(performance.now() - started)} ms`;

/** Everything the runner may have to stop, whatever step it is at. */
const running: {
  database?: EmbeddedPostgres;
  sidecars: Sidecar[];
  child?: NextProcess | SeedRun;
  /** The step under way (starting the database, migrating, seeding…): a shutdown waits for it. */
  step?: Promise<unknown>;
  stopping: boolean;
} = { sidecars: [], stopping: false };

/** Runs a start-up step; once a shutdown has begun, never returns (the shutdown exits). */
async function step<T>(work: Promise<T>): Promise<T> {
  running.step = work;
  try {
    return await work;
  } finally {
    running.step = undefined;
    if (running.stopping) await new Promise<never>(() => {});
  }
}

async function cleanUp(): Promise<void> {
  running.stopping = true;
  await stopSidecars(running.sidecars.splice(0));
  if (running.database) {
    await running.database.stop();
    log("Embedded database stopped.");
  }
}

/** Stops everything in order — next first, as its requests use the database — then exits. */
function shutDown(reason: string, signal: NodeJS.Signals, exitCode: number): void {
  if (running.stopping) return;
  running.stopping = true;
  log(`${reason}: shutting down…`);
  void (async () => {
    const child = running.child;
    if (child && "stop" in child) await child.stop(signal);
    else child?.kill(signal);
    // A migration is left to finish rather than cut off half-recorded in _prisma_migrations.
    await running.step?.catch(() => {});
    await cleanUp();
  })().then(
    () => process.exit(exitCode),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/**
 * One Ctrl-C reaches this process several times: from the terminal (the whole process group gets it)
 * and relayed by npm and tsx. Repeats within a second are that echo; a later one means "now".
 */
const SIGNAL_ECHO_MS = 1_000;
let firstSignalAt = 0;

function onSignal(signal: NodeJS.Signals): void {
  if (running.stopping) {
    if (Date.now() - firstSignalAt < SIGNAL_ECHO_MS) return;
    log(`${signal} again: exiting without waiting.`);
    process.exit(1);
  }
  firstSignalAt = Date.now();
  shutDown(signal, signal, 0);
}

function embeddedPort(): number {
  const raw = process.env.EMBEDDED_DATABASE_PORT;
  if (!raw) return DEFAULT_EMBEDDED_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_DATABASE_PORT must be a port number, not "${raw}".`);
  }
  return port;
}

/** The port next will listen on: `-p`/`--port` among the extra arguments, else PORT, else 3000. */
function appPort(args: string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if ((arg === "-p" || arg === "--port") && args[i + 1]) return args[i + 1]!;
    const inline = /^(?:-p|--port)=(\d+)$/.exec(arg);
    if (inline?.[1]) return inline[1];
  }
  return process.env.PORT ?? "3000";
}

async function provideDatabase(): Promise<{ url: string; embedded: boolean }> {
  const external = process.env.DATABASE_URL;
  if (external) {
    log(`Database: PostgreSQL at ${describeDatabaseUrl(external)} (DATABASE_URL).`);
    return { url: external, embedded: false };
  }
  const started = performance.now();
  const port = embeddedPort();
  // Recorded inside the step, so a shutdown that waited for the start stops this database too.
  const database = await step(startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port }).then((started) => (running.database = started)));
  void database.exited.then((code) => {
    if (!running.stopping) shutDown(`The embedded database stopped unexpectedly (exit code ${code})`, "SIGTERM", 1);
  });
  log(
    `Database: embedded PostgreSQL (PGlite), data in ${relative(PROJECT_ROOT, EMBEDDED_DATA_DIR)}/, on 127.0.0.1:${port} ` +
      `— ready in ${since(started)}. Set DATABASE_URL to use another PostgreSQL.`,
  );
  return { url: database.url, embedded: true };
}

async function migrate(url: string): Promise<void> {
  const started = performance.now();
  const applied = await step(deployMigrations(url));
  log(
    applied.length
      ? `Applied ${applied.length} migration(s) in ${since(started)}: ${applied.join(", ")}.`
      : `Migrations: up to date (checked in ${since(started)}).`,
  );
}

/** True when this start added the demo data (the database had no organization). */
async function seedIfEmpty(url: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!(await step(databaseIsEmpty(url)))) return false;
  log("First start on this database: adding the demo data (prisma/seed.ts).");
  const seed = runSeed(PROJECT_ROOT, env);
  running.child = seed;
  const code = await step(seed.exited);
  running.child = undefined;
  if (code) log(`The seed failed (exit code ${code}); starting without demo data. Retry with \`npm run db:seed\`.`);
  return code === 0;
}

async function main(mode: RunMode, nextArgs: string[]): Promise<number> {
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const envFiles = loadEnvFiles(PROJECT_ROOT, mode);
  if (envFiles.length) log(`Environment from ${envFiles.join(", ")}.`);
  const refusal = demoStartRefusal(mode, process.env);
  if (refusal) throw new Error(refusal);

  const database = await provideDatabase();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url };
  await migrate(database.url);

  // A local run: dev, or `start` on the embedded database (which only listens on 127.0.0.1).
  const local = mode === "dev" || database.embedded;
  if (local && !env.TRANSCRIPT_ENCRYPTION_KEY) {
    // The public development key (lib/crypto/encryption-keys.ts): what the seed (its demo history) and `npm run dev` sealed
    // opens in the local demo too. A server on a real database gets no default and refuses to start.
    env.TRANSCRIPT_ENCRYPTION_KEY = developmentKeyBase64();
    log("TRANSCRIPT_ENCRYPTION_KEY is not set: transcripts are sealed with the public development key (local runs only).");
  }
  const seeded = local && (await seedIfEmpty(database.url, env));
  if (local && !env.NEXTAUTH_SECRET) {
    const { secret, created } = await step(localNextAuthSecret(SECRET_FILE));
    env.NEXTAUTH_SECRET = secret;
    log(
      `NEXTAUTH_SECRET is not set: ${created ? "generated one and saved it" : "using the one saved"} in ` +
        `${relative(PROJECT_ROOT, SECRET_FILE)}, so sessions survive restarts.`,
    );
  }
  const appUrl = (env.NEXTAUTH_URL ??= `http://localhost:${appPort(nextArgs)}`);

  await step(startSidecars(env).then((sidecars) => (running.sidecars = sidecars)));
  // With the built-in simulator on a local database, its agents get Callboard's server tools (and tokens).
  const simulatorUrl = local && env.ELEVENLABS_API_KEY === "simulator" ? env.ELEVENLABS_API_BASE_URL : undefined;
  if (simulatorUrl) {
    await step(
      configureDemoAgentTools({ databaseUrl: database.url, appUrl, simulatorUrl, tokenFile: DEMO_AGENT_TOKEN_FILE, log }).catch((error: unknown) =>
        log(`Simulated calls will not book appointments: ${String(error)}`),
      ),
    );
  }

  const listen = hostnameArgs(nextArgs, env, local);
  if (mode === "start" && database.embedded) log(`Demo (${DEMO_SWITCH}=1): the embedded database with the demo accounts (password in the README).`);
  if (listen.length) log(`Listening on ${listen[1]} (HOSTNAME or \`-H\` choose another interface).`);
  const next = spawnNext(PROJECT_ROOT, mode, [...nextArgs, ...listen], env);
  running.child = next;
  // Only right after the demo seed: a restart does not add three more inbound calls.
  if (seeded && simulatorUrl) {
    void playDemoInboundCalls({ databaseUrl: database.url, appUrl, simulatorUrl, log }).catch((error: unknown) =>
      log(`No demo inbound calls: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
  const code = await next.exited;
  running.child = undefined;
  if (running.stopping) await new Promise<never>(() => {}); // onSignal finishes the shutdown
  log(`next ${mode} exited with code ${code}.`);
  await cleanUp();
  return code;
}

const [mode, ...nextArgs] = process.argv.slice(2);
if (mode !== "dev" && mode !== "start") {
  console.error("Usage: tsx scripts/dev.ts dev|start [next arguments…]");
  process.exit(1);
}
main(mode, nextArgs).then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(`[callboard] ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp().catch(() => {});
    process.exit(1);
  },
);
