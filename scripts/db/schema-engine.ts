// Prisma's schema engine (migrate/diff) as WebAssembly, driven through a driver adapter.
//
// Why not the Prisma CLI: `prisma migrate …` needs the native schema-engine binary, which the CLI
// downloads at install time and which cannot be fetched on machines without the internet (see
// ../shared/PRISMA-OFFLINE.md). The wasm build of the same engine (@prisma/schema-engine-wasm,
// pinned) does the same work; it is built for bundlers, so in Node we instantiate it ourselves.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { splitSqlScript } from "./split-sql-script";
import pg from "pg";
import {
  ColumnTypeEnum,
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { DiffTarget, MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";

type WasmBindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

/** The schema filter we always pass: this project has no externally managed tables or enums. */
export const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

let bindings: Promise<WasmBindings> | undefined;

/**
 * When the engine panics, its glue code hands the message to `global.PRISMA_WASM_PANIC_REGISTRY`
 * (which the Prisma CLI provides) before the wasm traps with an opaque "RuntimeError: unreachable",
 * often outside any promise we could catch. Without the registry the glue itself crashes with a
 * TypeError and the message is lost; so print it at once, and keep it for the error we report.
 */
let lastPanicMessage: string | undefined;
function installPanicRegistry(): void {
  const scope = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  scope.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      lastPanicMessage = message;
      console.error(`[schema-engine] panic: ${message}`);
    },
  };
}

/** The panic message the engine left for the failure being reported, if any (read once). */
export function takeEnginePanicMessage(): string | undefined {
  const message = lastPanicMessage;
  lastPanicMessage = undefined;
  return message;
}

/**
 * The engine races some steps against a timer (10 s for the migration advisory lock) and never
 * clears it — the glue has no clearTimeout — so every deploy would keep a Node process alive for
 * 10 s after it is done. Engine timers are unref'd: while the raced step runs, its pending query
 * keeps the process alive anyway.
 */
function withUnrefTimers(glue: WasmBindings): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return imports;
}

/**
 * Instantiates the wasm module once per process. The package's own entry does
 * `import * as wasm from "./schema_engine_bg.wasm"`, which only a bundler understands; we read the
 * bytes, give the instance the JS glue module as its import namespace, and hand the exports back to it.
 */
export function loadSchemaEngineWasm(): Promise<WasmBindings> {
  bindings ??= (async () => {
    installPanicRegistry();
    const glue: WasmBindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    // The package's exports map does not list the .wasm file, so locate it beside the glue module.
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = join(dirname(gluePath), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": withUnrefTimers(glue),
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start?: () => void };
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
    return glue;
  })();
  return bindings;
}

export interface SchemaFile {
  /** Path as the engine reports it in errors; relative paths read best. */
  path: string;
  content: string;
}

export interface OpenSchemaEngineOptions {
  /** The database the engine migrates, resets or describes. It connects at once. */
  databaseUrl: string;
  /**
   * Where the engine replays migrations (diff from `{ tag: "migrations" }`); it must be empty. When
   * omitted, asking for a shadow database throws rather than falling back to adapter-pg's default
   * (CREATE DATABASE on the main server): PGlite has one database and ignores the database name in
   * a connection string, so that "shadow" would be the main database, which the engine would wipe.
   */
  shadowDatabaseUrl?: string;
  /** The datamodel(s) the engine starts with; only needed by commands that read "the" schema. */
  schema?: SchemaFile[];
  /** Receives the engine's log lines (JSON strings). Default: print errors and warnings only. */
  log?: (line: string) => void;
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its database connections. */
  close(): Promise<void>;
}

function defaultLog(line: string): void {
  // The engine logs tracing events as JSON; only problems are worth a line in a script's output.
  try {
    const event = JSON.parse(line) as { level?: string; fields?: { message?: string } };
    if (event.level === "ERROR" || event.level === "WARN") {
      console.warn(`[schema-engine] ${event.level}: ${event.fields?.message ?? line}`);
    }
  } catch {
    console.warn(`[schema-engine] ${line}`);
  }
}

/** Postgres type oids: the one-byte internal `"char"` and `text`. */
const CHAR_OID = 18;
const TEXT_OID = 25;
/** Appended to the name of a `"char"` column; NUL cannot occur in a Postgres identifier. */
const CHAR_COLUMN_MARK = '\u0000"char"';

/**
 * To describe a database, the engine reads pg_catalog columns of type `"char"` (relkind, contype, …)
 * and expects them typed as Character. adapter-pg 7.10 has no mapping for that type and fails every
 * such query ("Column type 'char' could not be deserialized from the database"), which makes drift
 * checks and diffs from migrations impossible. So, on the engine's connections only:
 *  - this pg client relabels a `"char"` column as text (pg gives the value as a one-letter string
 *    either way) and marks its name, before pg's result sees the row description;
 *  - `withCharColumns` turns marked columns back into Character columns in the adapter's result.
 * The application's Prisma client (lib/db.ts) does not go through any of this.
 */
class CatalogCharClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.connection.prependListener("rowDescription", (message: { fields: Array<{ name: string; dataTypeID: number }> }) => {
      for (const field of message.fields) {
        if (field.dataTypeID !== CHAR_OID) continue;
        field.dataTypeID = TEXT_OID;
        field.name += CHAR_COLUMN_MARK;
      }
    });
  }
}

function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  result.columnNames.forEach((name, index) => {
    if (!name.endsWith(CHAR_COLUMN_MARK)) return;
    result.columnNames[index] = name.slice(0, -CHAR_COLUMN_MARK.length);
    result.columnTypes[index] = ColumnTypeEnum.Character;
  });
  return result;
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => restoreCharColumns(await queryRaw(query));
  return queryable;
}

async function connectForEngine(connectionString: string): Promise<SqlDriverAdapter> {
  // One connection, like the native engine: it takes a session-level advisory lock around migrations,
  // and with a pool the unlock could run on another connection, leaving the lock held by an idle one
  // (the next deploy then waits 10 s for it).
  const adapter = withCharColumns(await new PrismaPg({ connectionString, max: 1, Client: CatalogCharClient }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
  // adapter-pg cuts a script at every `;`, inside function bodies too: cut it at statement ends instead.
  adapter.executeScript = async (script) => {
    for (const sql of splitSqlScript(script)) await adapter.executeRaw({ sql, args: [], argTypes: [] });
  };
  return adapter;
}

/**
 * Builds the adapter factory the engine expects, with an explicit (or forbidden) shadow database.
 * The engine does not dispose what it connects, so every adapter is remembered and closed with it.
 */
function adapterFactory(databaseUrl: string, shadowDatabaseUrl: string | undefined) {
  const opened: SqlDriverAdapter[] = [];
  const remember = (adapter: SqlDriverAdapter) => {
    opened.push(adapter);
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: async () => remember(await connectForEngine(databaseUrl)),
    connectToShadowDb: async () => {
      if (!shadowDatabaseUrl) {
        throw new Error("This schema-engine command needs a shadow database and none was configured.");
      }
      return remember(await connectForEngine(shadowDatabaseUrl));
    },
  };
  const disposeAll = async () => {
    await Promise.allSettled(opened.splice(0).map((adapter) => adapter.dispose()));
  };
  return { factory: bindMigrationAwareSqlAdapterFactory(factory), disposeAll };
}

/** Opens a schema engine connected to `databaseUrl` through @prisma/adapter-pg. Close it when done. */
export async function openSchemaEngine(options: OpenSchemaEngineOptions): Promise<OpenedSchemaEngine> {
  const wasm = await loadSchemaEngineWasm();
  const datamodels = options.schema?.map((file): [string, string] => [file.path, file.content]);
  const { factory, disposeAll } = adapterFactory(options.databaseUrl, options.shadowDatabaseUrl);
  let engine: SchemaEngine;
  try {
    engine = await wasm.SchemaEngine.new({ datamodels }, options.log ?? defaultLog, factory);
  } catch (error) {
    await disposeAll();
    throw new Error(describeEngineError(error), { cause: error });
  }
  return {
    engine,
    close: async () => {
      engine.free();
      await disposeAll();
    },
  };
}

/** A datamodel-only diff target: the engine reads models from text, no database involved. */
export function datamodelTarget(files: SchemaFile[]): DiffTarget {
  return { tag: "schemaDatamodel", files };
}

/**
 * The database the engine is connected to, as a diff target. (The `url` target is gone in Prisma 7:
 * `schemaDatasource` is what `migrate diff --from-config-datasource` uses, i.e. the adapter's database.)
 */
export function connectedDatabaseTarget(files: SchemaFile[], configDir: string): DiffTarget {
  return { tag: "schemaDatasource", files, configDir };
}

/** The state produced by replaying the migrations into the shadow database. */
export function migrationsTarget(list: MigrationList): DiffTarget {
  return { tag: "migrations", ...list };
}

/** The engine reports failures as thrown values that are sometimes plain objects; make them readable. */
export function describeEngineError(error: unknown): string {
  const panic = takeEnginePanicMessage();
  if (panic) return `The schema engine panicked: ${panic}`;
  if (error instanceof Error) return error.message;
  if (typeof error === "object" && error !== null) {
    const { message, meta } = error as { message?: unknown; meta?: unknown };
    if (typeof message === "string") return meta ? `${message} ${JSON.stringify(meta)}` : message;
    return JSON.stringify(error);
  }
  return String(error);
}
