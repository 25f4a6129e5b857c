// PGlite (PostgreSQL compiled to wasm) served over the Postgres wire protocol. This file runs as the
// child process that scripts/db/embedded-postgres.ts starts; see there for why a child. Run directly,
// it serves a database until Ctrl-C — handy for psql, or to keep one instance up between test runs:
//
//   tsx scripts/db/pglite-server.ts [dataDir=.data/pglite] [port=$EMBEDDED_DATABASE_PORT or 54329]
//
// PGlite is one Postgres session. The socket server multiplexes connections onto it and, while one
// connection is inside a transaction, holds everyone else's queries until it ends — so code that,
// inside a transaction, awaits a query on another connection waits forever (a bug on real Postgres
// too). Row locks, SKIP LOCKED and advisory-lock concurrency can only be tested on real PostgreSQL.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite, type Extension, type Extensions } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { DEFAULT_MAX_CONNECTIONS, HOST, IN_MEMORY, PortInUseError, type ParentMessage, type PGliteServerOptions, type ServerMessage } from "./pglite-protocol";
import { extensionsCreatedBy } from "./migrations-folder";
import { installBatchAwareQueue } from "./pglite-protocol-queue";

/** Part of PostgreSQL itself: nothing to load. */
const BUILT_IN_EXTENSIONS = new Set(["plpgsql"]);

/**
 * PGlite only offers the extensions it is given at start-up (real PostgreSQL has all of contrib), as
 * modules of the PGlite package: `@electric-sql/pglite/contrib/<name>` (pg_trgm, btree_gist,
 * uuid_ossp, …) or `@electric-sql/pglite/<name>` (vector). Each costs next to nothing at start.
 * One PGlite has no module for is reported and skipped: the migration that needs it then fails with
 * PostgreSQL's own "extension is not available".
 */
async function loadExtensions(names: string[]): Promise<Extensions> {
  const extensions: Extensions = {};
  for (const name of names) {
    if (BUILT_IN_EXTENSIONS.has(name)) continue;
    const exportName = name.replace(/-/g, "_");
    const extension =
      (await importExtension(`@electric-sql/pglite/contrib/${exportName}`, exportName)) ??
      (await importExtension(`@electric-sql/pglite/${exportName}`, exportName));
    if (extension) extensions[exportName] = extension;
    else console.warn(`[pglite] No PGlite module provides the "${name}" extension; CREATE EXTENSION ${name} will fail.`);
  }
  return extensions;
}

async function importExtension(specifier: string, exportName: string): Promise<Extension | undefined> {
  try {
    const exports = (await import(specifier)) as Record<string, Extension | undefined>;
    return exports[exportName];
  } catch {
    return undefined;
  }
}

export interface RunningPGliteServer {
  port: number;
  /** Closes client connections, stops listening, shuts PGlite down (flushing the folder). Idempotent. */
  stop(): Promise<void>;
}

async function assertPortFree(port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolvePromise, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new PortInUseError(port) : error));
    probe.listen(port, HOST, () => probe.close(() => resolvePromise()));
  });
}

/**
 * Two PGlite processes writing one data folder would corrupt it, and PGlite (a single-user Postgres)
 * does not lock it. A lock file beside the folder holds the owner's pid; a stale one (its process is
 * gone, e.g. after a crash) is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${dataDir}.lock`;
  await mkdir(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number((await readFile(lockPath, "utf8").catch(() => "")).trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The embedded database folder ${dataDir} is in use by process ${owner}. Stop that process first ` + `(two servers on one folder would corrupt it).`,
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockPath}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Opens the database in `dataDir`. A new folder is initialised under a temporary name and renamed
 * into place once complete (PGlite mounts the folder, so the path is not recorded inside): a folder
 * left half-initialised by a crash or kill would not start again.
 */
async function openDatabase(dataDir: string, extensions: Extensions): Promise<PGlite> {
  if (dataDir === IN_MEMORY) return createCluster(IN_MEMORY, extensions);
  if (!existsSync(dataDir)) {
    const staging = `${dataDir}.initialising`;
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    await (await createCluster(staging, extensions)).close();
    await rename(staging, dataDir);
  }
  return PGlite.create(dataDir, { extensions });
}

/**
 * A new, empty cluster. initdb takes seconds (4–6 s, more on a busy machine); loading a dump of a
 * fresh cluster takes about one. So the first cluster created on a machine is saved, and later ones
 * (tests, the migration shadow database, a new data folder) load that. The file sits in
 * node_modules/.cache, named after the PGlite version, as a dump only loads into the version that
 * wrote it.
 */
async function createCluster(dataDir: string, extensions: Extensions): Promise<PGlite> {
  const template = emptyClusterTemplatePath();
  if (existsSync(template)) {
    try {
      return await PGlite.create(dataDir, { extensions, loadDataDir: new Blob([await readFile(template)]) });
    } catch {
      // Unreadable: make a new one below, from an empty folder again.
      await rm(template, { force: true });
      if (dataDir !== IN_MEMORY) {
        await rm(dataDir, { recursive: true, force: true });
        await mkdir(dataDir, { recursive: true });
      }
    }
  }
  const db = await PGlite.create(dataDir, { extensions });
  await saveTemplate(db, template).catch(() => {}); // only an optimisation
  return db;
}

function emptyClusterTemplatePath(): string {
  // .../node_modules/@electric-sql/pglite/dist/index.cjs → the package folder and its package.json.
  const packageDir = resolve(dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite")), "..");
  const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  return join(packageDir, "../../.cache/callboard-pglite", `empty-cluster-${version}.tar`);
}

async function saveTemplate(db: PGlite, path: string): Promise<void> {
  const dump = await db.dumpDataDir("none");
  await mkdir(dirname(path), { recursive: true });
  // Written aside and renamed, so a concurrent start never loads half a file.
  const partial = `${path}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, path);
}

/** Resolves with `fallback` if `promise` has not settled within `ms` (shutdown must not hang). */
function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => resolvePromise(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolvePromise(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Starts PGlite and its socket server in this process. */
export async function servePGlite(options: PGliteServerOptions): Promise<RunningPGliteServer> {
  const inMemory = options.dataDir === IN_MEMORY;
  const dataDir = inMemory ? IN_MEMORY : resolve(options.dataDir);
  await assertPortFree(options.port);

  const unlock = inMemory ? async () => {} : await lockDataDir(dataDir);
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  try {
    db = await openDatabase(dataDir, await loadExtensions(options.extensions));
    server = new PGLiteSocketServer({ db, host: HOST, port: options.port, maxConnections: options.maxConnections });
    installBatchAwareQueue(server, db);
    // Something may have taken the port while PGlite was starting.
    await server.start().catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EADDRINUSE" ? new PortInUseError(options.port) : error;
    });
  } catch (error) {
    await db?.close().catch(() => {});
    await unlock();
    throw error;
  }

  const openServer = server;
  const openDb = db;
  let stopping: Promise<void> | undefined;
  return {
    port: Number(openServer.getServerConn().split(":").pop()),
    stop: () =>
      (stopping ??= (async () => {
        // stop() ends every client connection (rolling back an open transaction) and then closes the
        // listener; a client that never answers must not keep the data folder from being flushed.
        await within(openServer.stop(), 5_000, undefined);
        await openDb.close();
        await unlock();
      })()),
  };
}

// ---------------------------------------------------------------------------------------------------
// As the child of embedded-postgres.ts (messages over the IPC channel), or stand-alone.

async function runAsChild(options: PGliteServerOptions): Promise<void> {
  const send = (message: ServerMessage) => {
    if (process.connected) process.send?.(message);
  };
  let server: RunningPGliteServer | undefined;
  let exiting = false;
  const stopAndExit = (running: RunningPGliteServer) => void running.stop().finally(() => process.exit(0));
  const shutdown = () => {
    if (exiting) return;
    exiting = true;
    // While PGlite is still starting there is nothing to stop yet: that happens once it is up, so a
    // first start is never cut off half-way.
    if (server) stopAndExit(server);
  };
  // The parent decides when to stop: Ctrl-C reaches the whole process group, and the parent still
  // has to stop next (whose requests use this database) first. If the parent dies without a word,
  // however it died, the IPC channel closes and the database is shut down cleanly.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", shutdown);
  process.on("disconnect", shutdown);
  process.on("message", (message: ParentMessage) => {
    if (message.type === "stop") shutdown();
  });
  try {
    server = await servePGlite(options);
  } catch (error) {
    const code = error instanceof PortInUseError ? error.code : undefined;
    send({ type: "error", message: error instanceof Error ? error.message : String(error), code });
    process.exit(1);
  }
  if (exiting) return stopAndExit(server);
  send({ type: "ready", port: server.port });
}

async function runStandalone(dataDir: string, port: number): Promise<void> {
  const started = performance.now();
  const extensions = await extensionsCreatedBy();
  const server = await servePGlite({ dataDir, port, maxConnections: DEFAULT_MAX_CONNECTIONS, extensions });
  console.log(
    `Embedded PostgreSQL (PGlite, data in ${dataDir}) ready in ${Math.round(performance.now() - started)} ms: ` +
      `postgresql://postgres:postgres@${HOST}:${server.port}/postgres?sslmode=disable`,
  );
  const shutdown = (signal: NodeJS.Signals) => {
    console.log(`\n${signal}: stopping the embedded database…`);
    server.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const fail = (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  };
  if (process.send) {
    runAsChild(JSON.parse(process.argv[2] ?? "{}") as PGliteServerOptions).catch(fail);
  } else {
    const port = Number(process.argv[3] ?? process.env.EMBEDDED_DATABASE_PORT ?? 54329);
    runStandalone(process.argv[2] ?? ".data/pglite", port).catch(fail);
  }
}
