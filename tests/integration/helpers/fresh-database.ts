import pg from "pg";
import { inject } from "vitest";
import { IN_MEMORY, startEmbeddedPostgres } from "@/scripts/db/embedded-postgres";

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database beside the suite's shared one, for tests that must start from nothing.
 * On PostgreSQL: a throwaway database on the same (local) server. On PGlite, which has one database
 * per instance and ignores the database name in a connection string, another in-memory instance —
 * which takes a few seconds to start, so use this sparingly.
 */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  if (inject("databaseKind") === "pglite") {
    const embedded = await startEmbeddedPostgres({ dataDir: IN_MEMORY, port: 0 });
    return { url: embedded.url, drop: embedded.stop };
  }

  const serverUrl = inject("databaseUrl");
  const name = `callboard_scratch_${process.pid}_${Date.now().toString(36)}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // FORCE ends connections a test may have left open (PostgreSQL 13+).
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`)).then(() => {}),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
