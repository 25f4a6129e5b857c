// Small helpers about a PostgreSQL connection string, shared by the migration script, the dev runner
// and the test setup.
import pg from "pg";

/** `postgres@db.example.com:5432/callboard` — the URL as it is safe to print (no password). */
export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : "";
  const port = parsed.port ? `:${parsed.port}` : "";
  return `${user}${parsed.hostname}${port}${parsed.pathname}`;
}

/** True for 127.0.0.1, ::1 and localhost — hosts on which a destructive test may run. */
export function isLocalDatabaseUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  // libpq-style `?host=/var/run/postgresql` means a Unix socket, which is local as well.
  const socketHost = new URL(url).searchParams.get("host");
  if (!host && socketHost?.startsWith("/")) return true;
  return ["localhost", "127.0.0.1", "::1"].includes(host);
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/**
 * Connects once to fail with a readable message before the schema engine does, and — like
 * `prisma migrate deploy` — creates the database when the server is there but the database is not.
 * Returns true when it created it.
 */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return false;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "3D000") {
      throw new Error(`Cannot connect to the database at ${describeDatabaseUrl(url)}: ${(error as Error).message}`);
    }
  } finally {
    await client.end().catch(() => {});
  }

  const maintenanceUrl = new URL(url);
  maintenanceUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenanceUrl.toString() });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(databaseName(url))}`);
    return true;
  } catch (error) {
    // Someone else created it in between (two runners starting at once): fine.
    if ((error as { code?: string }).code === "42P04") return false;
    throw error;
  } finally {
    await admin.end().catch(() => {});
  }
}
