// PostgreSQL without installing PostgreSQL: PGlite served over the Postgres wire protocol by a child
// process (scripts/db/pglite-server.ts), so the app, `pg`, Prisma's adapter-pg, psql and the
// migration script all connect to it exactly as they would to a real server.
//
// Why a child process of our own rather than PGlite in this process or the package's CLI server:
//  - PGlite runs queries (and its multi-second first start) synchronously on its thread. In this
//    process that would freeze the dev runner's event loop, and tsx — which relays Ctrl-C to the
//    script and SIGKILLs it unless the script acknowledges within 30 ms — would kill the runner
//    mid-start, leaving next orphaned on its port.
//  - The child is tied to us by its IPC channel: however this process ends, even by SIGKILL, the
//    channel closes and the child shuts the database down cleanly and frees the port. The package's
//    CLI server has no such link and outlives a killed parent, holding the port and the data folder.
//  - It reports the port it really got (port 0 = any free port), and start-up errors as errors.
//
// Start-up: a new cluster is loaded from a cached dump of an empty one (~1 s) once the first has been
// created (initdb, 4–6 s); an existing data folder starts in ~1–2 s. See pglite-server.ts.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DEFAULT_MAX_CONNECTIONS, HOST, PortInUseError, type ParentMessage, type PGliteServerOptions, type ServerMessage } from "./pglite-protocol";

import { extensionsCreatedBy } from "./migrations-folder";

export { DEFAULT_MAX_CONNECTIONS, IN_MEMORY, PortInUseError } from "./pglite-protocol";

export interface EmbeddedPostgresOptions {
  /** A folder for the data (created if missing), or `memory://` for a throwaway database. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one (read it back from `port`/`url`). */
  port: number;
  maxConnections?: number;
  /**
   * Extensions to offer to CREATE EXTENSION (PGlite only has those it starts with). Default: every
   * extension prisma/migrations creates.
   */
  extensions?: string[];
}

export interface EmbeddedPostgres {
  /** postgresql:// URL for `pg`, Prisma and psql. */
  url: string;
  port: number;
  /** Resolves when the server process ends — after stop(), or unexpectedly (then with its exit code). */
  exited: Promise<number | null>;
  /** Ends client connections, shuts PGlite down (flushing the data folder), frees the port. Idempotent. */
  stop(): Promise<void>;
}

export function embeddedDatabaseUrl(port: number): string {
  // PGlite accepts any user/password; sslmode=disable saves clients an SSL request it refuses anyway.
  return `postgresql://postgres:postgres@${HOST}:${port}/postgres?sslmode=disable`;
}

const SERVER_SCRIPT = fileURLToPath(new URL("./pglite-server.ts", import.meta.url));
/** The child is TypeScript whoever starts it (tsx, vitest, plain node): load it through tsx. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const STOP_GRACE_MS = 15_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const serverOptions: PGliteServerOptions = {
    dataDir: options.dataDir,
    port: options.port,
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    extensions: options.extensions ?? (await extensionsCreatedBy()),
  };
  const child = fork(SERVER_SCRIPT, [JSON.stringify(serverOptions)], {
    execArgv: ["--import", TSX_LOADER],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);

  const port = await new Promise<number>((resolvePort, reject) => {
    child.on("message", (message: ServerMessage) => {
      if (message.type === "ready") resolvePort(message.port);
      else if (message.code === "PORT_IN_USE") reject(new PortInUseError(options.port));
      else reject(new Error(message.message));
    });
    child.once("error", reject);
    exited.then((code) => reject(new Error(`The embedded database process exited during start-up (code ${code}).`)));
  });

  let stopping: Promise<void> | undefined;
  return {
    url: embeddedDatabaseUrl(port),
    port,
    exited,
    stop: () => (stopping ??= stopServer(child, exited)),
  };
}

async function stopServer(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const stop: ParentMessage = { type: "stop" };
  if (child.connected) child.send(stop);
  else child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}
