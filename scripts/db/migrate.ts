// `prisma migrate deploy` and the "create" half of `prisma migrate dev`, on the wasm schema engine.
//
//   tsx scripts/db/migrate.ts deploy              apply pending migrations to DATABASE_URL
//   tsx scripts/db/migrate.ts create <name>       write a migration for the changes in schema.prisma
//   tsx scripts/db/migrate.ts create <name> --empty   an empty one, for hand-written SQL
//   tsx scripts/db/migrate.ts resolve --rolled-back|--applied <migration>   after a failed deploy
//
// Deploy records each migration in `_prisma_migrations` exactly as the CLI does (the engine's own
// code does it), so the real CLI can take over wherever its native engine is available.
//
// How "create" knows the schema as of the last migration: it replays prisma/migrations into a
// throwaway in-memory PGlite (the shadow database) and diffs that against schema.prisma — what
// `prisma migrate dev` does with its shadow database. The SQL files are the source of truth, so
// migrations written by hand, edited, or created by the real CLI elsewhere are all accounted for;
// a snapshot of schema.prisma kept beside the migrations would be faster but goes stale silently
// the first time someone changes the folder another way. The price is the shadow's start-up, ~2 s
// (~6 s the very first time on a machine, see pglite-server.ts).
// Hand-written objects the schema cannot express (a partial unique index, a check or an exclusion
// constraint) were checked to be left alone by the diff, not dropped; still read a generated file
// before deploying it.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { DiffTarget, MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { describeDatabaseUrl, ensureDatabaseExists } from "./connection";
import { IN_MEMORY, startEmbeddedPostgres } from "./embedded-postgres";
import { MIGRATIONS_DIR, PROJECT_ROOT, SCHEMA_PATH, extensionsCreatedBy, readMigrationsFolder, writeMigration } from "./migrations-folder";
import {
  NO_FILTER,
  connectedDatabaseTarget,
  datamodelTarget,
  describeEngineError,
  migrationsTarget,
  openSchemaEngine,
  type OpenSchemaEngineOptions,
  type OpenedSchemaEngine,
  type SchemaFile,
} from "./schema-engine";

export interface MigrationPaths {
  migrationsDir?: string;
  schemaPath?: string;
}

async function readSchema(schemaPath = SCHEMA_PATH): Promise<SchemaFile[]> {
  return [{ path: relative(PROJECT_ROOT, schemaPath) || schemaPath, content: await readFile(schemaPath, "utf8") }];
}

/** Runs `work` with an engine and always frees it; engine errors become plain Errors with their text. */
async function withEngine<T>(options: OpenSchemaEngineOptions, work: (opened: OpenedSchemaEngine) => Promise<T>) {
  const opened = await openSchemaEngine(options);
  try {
    return await work(opened);
  } catch (error) {
    throw new Error(describeEngineError(error), { cause: error });
  } finally {
    await opened.close();
  }
}

/**
 * Applies the migrations the database has not seen, in folder order, each in the engine's usual
 * way (recorded in `_prisma_migrations` with its checksum). Returns the names applied; [] when the
 * database is up to date. Creates the database if the server lacks it, as the CLI does.
 */
export async function deployMigrations(databaseUrl: string, paths: MigrationPaths = {}): Promise<string[]> {
  const migrationsList = await readMigrationsFolder(paths.migrationsDir);
  if (await ensureDatabaseExists(databaseUrl)) {
    console.log(`Created database ${describeDatabaseUrl(databaseUrl)}.`);
  }
  return withEngine({ databaseUrl }, async ({ engine }) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  });
}

/**
 * `prisma migrate resolve`: after a migration failed (deploy then refuses to continue), record it as
 * rolled back (you undid its partial effects; deploy will run it again) or as applied (you finished
 * it by hand).
 */
export async function resolveMigration(databaseUrl: string, migrationName: string, as: "rolled-back" | "applied", paths: MigrationPaths = {}): Promise<void> {
  const migrationsList = await readMigrationsFolder(paths.migrationsDir);
  await withEngine({ databaseUrl }, ({ engine }) =>
    as === "applied" ? engine.markMigrationApplied({ migrationName, migrationsList }) : engine.markMigrationRolledBack({ migrationName }),
  );
}

/**
 * Drops everything in the database's schema (what `prisma migrate reset` does before re-applying).
 * For test databases only: the caller is responsible for knowing the database is disposable.
 */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  await ensureDatabaseExists(databaseUrl);
  await withEngine({ databaseUrl }, ({ engine }) => engine.reset({ filter: NO_FILTER }));
}

export interface SchemaDiff {
  /** True when the two sides describe the same database. */
  empty: boolean;
  /** The SQL that would take the "from" side to schema.prisma. */
  sql: string;
}

async function diffToSchema(
  engineOptions: OpenSchemaEngineOptions,
  from: (list: MigrationList, schema: SchemaFile[]) => DiffTarget,
  paths: MigrationPaths & { resetFirst?: boolean },
): Promise<SchemaDiff> {
  const schema = await readSchema(paths.schemaPath);
  const list = await readMigrationsFolder(paths.migrationsDir);
  return withEngine({ ...engineOptions, schema }, async ({ engine }) => {
    if (paths.resetFirst) await engine.reset({ filter: NO_FILTER });
    const result = await engine.diff({
      from: from(list, schema),
      to: datamodelTarget(schema),
      script: true,
      exitCode: true, // 0: nothing to do, 2: there is a difference
      filters: NO_FILTER,
    });
    return { empty: result.exitCode === 0, sql: result.stdout ?? "" };
  });
}

/** Drift check: what it would take to turn the live database into schema.prisma. */
export function diffDatabaseToSchema(databaseUrl: string, paths: MigrationPaths = {}): Promise<SchemaDiff> {
  return diffToSchema({ databaseUrl }, (_list, schema) => connectedDatabaseTarget(schema, PROJECT_ROOT), paths);
}

/**
 * What schema.prisma adds to the migrations folder. Replays the migrations into a throwaway in-memory
 * PGlite or, when given, into `shadowDatabaseUrl`, which is wiped first (the engine replays into the
 * shadow as it finds it). The wasm engine connects as soon as it is created, so even a diff from an
 * empty folder needs a database.
 */
export async function diffMigrationsToSchema(options: MigrationPaths & { shadowDatabaseUrl?: string } = {}): Promise<SchemaDiff> {
  const shadow = options.shadowDatabaseUrl
    ? { url: options.shadowDatabaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres({
        dataDir: IN_MEMORY,
        port: 0,
        extensions: await extensionsCreatedBy(options.migrationsDir),
      });
  try {
    return await diffToSchema(
      { databaseUrl: shadow.url, shadowDatabaseUrl: shadow.url },
      // With no migrations yet the starting point is simply an empty database.
      (list) => (list.migrationDirectories.length ? migrationsTarget(list) : { tag: "empty" }),
      { ...options, resetFirst: Boolean(options.shadowDatabaseUrl) },
    );
  } finally {
    await shadow.stop();
  }
}

export interface CreateMigrationOptions extends MigrationPaths {
  /** Write an empty migration (for hand-written SQL) instead of diffing. */
  empty?: boolean;
  shadowDatabaseUrl?: string;
  now?: Date;
}

/**
 * Writes prisma/migrations/<yyyyMMddHHmmss>_<name>/migration.sql with the SQL that takes the
 * migrations' schema to schema.prisma. Returns the folder name, or null (with a message) when
 * schema.prisma has no changes. Does not touch any application database.
 */
export async function createMigration(name: string, options: CreateMigrationOptions = {}): Promise<string | null> {
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIR;
  let sql: string;
  if (options.empty) {
    sql = "-- This migration was created empty, for SQL written by hand.\n";
  } else {
    const diff = await diffMigrationsToSchema(options);
    if (diff.empty) {
      console.log("schema.prisma matches the migrations: no migration created.");
      return null;
    }
    sql = diff.sql;
  }
  const list = await readMigrationsFolder(migrationsDir);
  const folder = await writeMigration(migrationsDir, list, name, sql, options.now ?? new Date());
  console.log(`Created ${relative(PROJECT_ROOT, resolve(migrationsDir, folder))}/migration.sql`);
  return folder;
}

// ---------------------------------------------------------------------------------------------------
const USAGE = `Usage:
  tsx scripts/db/migrate.ts deploy                  apply pending migrations to DATABASE_URL
  tsx scripts/db/migrate.ts create <name> [--empty] write a migration for schema.prisma's changes
  tsx scripts/db/migrate.ts resolve --rolled-back <migration> | --applied <migration>
                                                    after a failed deploy (as \`prisma migrate resolve\`)`;

function requireDatabaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. Set it (or put it in .env) to the database to migrate; " + "`npm run dev` migrates its embedded database by itself.",
    );
  }
  return url;
}

async function main(argv: string[]): Promise<number> {
  // Like the app, take DATABASE_URL from .env when the environment does not set it.
  if (existsSync(join(PROJECT_ROOT, ".env"))) process.loadEnvFile(join(PROJECT_ROOT, ".env"));
  const [command, ...rest] = argv;
  if (command === "deploy") {
    const url = requireDatabaseUrl();
    if (!url) return 1;
    const started = performance.now();
    const applied = await deployMigrations(url);
    const ms = Math.round(performance.now() - started);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s) to ${describeDatabaseUrl(url)} in ${ms} ms:\n  ${applied.join("\n  ")}`
        : `${describeDatabaseUrl(url)} is up to date (${ms} ms).`,
    );
    return 0;
  }
  if (command === "create") {
    const name = rest.find((arg) => !arg.startsWith("--"));
    if (!name) {
      console.error(USAGE);
      return 1;
    }
    await createMigration(name, { empty: rest.includes("--empty") });
    return 0;
  }
  if (command === "resolve") {
    const [flag, migrationName] = rest;
    if ((flag !== "--rolled-back" && flag !== "--applied") || !migrationName) {
      console.error(USAGE);
      return 1;
    }
    const url = requireDatabaseUrl();
    if (!url) return 1;
    const as = flag === "--applied" ? "applied" : "rolled-back";
    await resolveMigration(url, migrationName, as);
    console.log(`Recorded ${migrationName} as ${as} in ${describeDatabaseUrl(url)}.`);
    return 0;
  }
  console.error(USAGE);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
