// What scripts/db/embedded-postgres.ts (the parent) and scripts/db/pglite-server.ts (the child) share,
// kept apart so the parent never loads PGlite itself.

export const IN_MEMORY = "memory://";
export const HOST = "127.0.0.1";

/**
 * Connections the server accepts at once. A Prisma pool holds up to DATABASE_POOL_SIZE (10) of them;
 * on top come the migration script, the seed, a second module graph in `next dev`, psql and tests.
 * Extra connections cost nothing while idle — PGlite runs one query at a time whatever the number.
 */
export const DEFAULT_MAX_CONNECTIONS = 64;

export interface PGliteServerOptions {
  /** A folder for the data (created if missing), or `memory://` for a throwaway database. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Connections accepted at once. */
  maxConnections: number;
  /** Postgres extension names to make available to CREATE EXTENSION (`pg_trgm`, `uuid-ossp`, …). */
  extensions: string[];
}

/** Child → parent, over the IPC channel. */
export type ServerMessage = { type: "ready"; port: number } | { type: "error"; message: string; code?: string };
/** Parent → child. */
export type ParentMessage = { type: "stop" };

/** Thrown when the port is taken; checked before the (slow) database start. */
export class PortInUseError extends Error {
  readonly code = "PORT_IN_USE";
  constructor(readonly port: number) {
    super(
      `Port ${port} on ${HOST} is already in use, so the embedded database cannot listen there. ` +
        `Another \`npm run dev\` may still be running; otherwise set EMBEDDED_DATABASE_PORT to a free port, ` +
        `or DATABASE_URL to use an existing PostgreSQL.`,
    );
    this.name = "PortInUseError";
  }
}
