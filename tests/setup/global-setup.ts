// Vitest globalSetup for the integration suite: one migrated database for the whole run.
//
//  - TEST_DATABASE_URL set   → that PostgreSQL, which must be on this machine (the suite empties
//                              every table, so it must never reach a shared or remote database).
//                              Its schema is dropped and rebuilt from prisma/migrations, so the
//                              tests always run against the migrations as they are now, even after
//                              a migration was edited or renamed.
//  - TEST_DATABASE_URL unset → an in-memory PGlite on a free port, gone when the run ends.
//
// Each test file then gets a clean database from tests/setup/integration-env.ts.
import type { TestProject } from "vitest/node";
import { describeDatabaseUrl, isLocalDatabaseUrl } from "@/scripts/db/connection";
import { IN_MEMORY, startEmbeddedPostgres } from "@/scripts/db/embedded-postgres";
import { deployMigrations, resetDatabase } from "@/scripts/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated database the tests use; integration-env.ts copies it into DATABASE_URL. */
    databaseUrl: string;
    /** Which server is behind it: some behaviour (row locks, a second database) differs. */
    databaseKind: "postgres" | "pglite";
  }
}

function checkedTestDatabaseUrl(url: string): string {
  let local: boolean;
  try {
    local = isLocalDatabaseUrl(url);
  } catch {
    throw new Error("TEST_DATABASE_URL is not a valid postgresql:// URL.");
  }
  if (!local) {
    throw new Error(
      `TEST_DATABASE_URL points at ${describeDatabaseUrl(url)}. The integration tests delete all data, ` +
        "so they only run against localhost, 127.0.0.1 or ::1.",
    );
  }
  if (process.env.DATABASE_URL && sameDatabase(process.env.DATABASE_URL, url)) {
    throw new Error("TEST_DATABASE_URL is the same database as DATABASE_URL; use a separate database for tests.");
  }
  return url;
}

function sameDatabase(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  return x.hostname === y.hostname && (x.port || "5432") === (y.port || "5432") && x.pathname === y.pathname;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const external = process.env.TEST_DATABASE_URL;
  let url: string;
  let stop = async () => {};
  if (external) {
    url = checkedTestDatabaseUrl(external);
    await resetDatabase(url);
  } else {
    const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY, port: 0 });
    url = embedded.url;
    stop = embedded.stop;
  }
  try {
    await deployMigrations(url);
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(
    `Integration database: ${external ? `PostgreSQL at ${describeDatabaseUrl(url)}` : "in-memory PGlite"}, ` +
      `migrated in ${Math.round(performance.now() - started)} ms.`,
  );
  project.provide("databaseUrl", url);
  project.provide("databaseKind", external ? "postgres" : "pglite");
  return stop;
}
