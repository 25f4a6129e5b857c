import pg from "pg";

/**
 * Empties every application table in one statement, keeping `_prisma_migrations` (the schema stays
 * migrated). The table list comes from the catalog, so new models need no change here; CASCADE
 * covers foreign keys and RESTART IDENTITY resets any sequence.
 */
export async function truncateAllTables(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name
         FROM pg_tables
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
          AND schemaname NOT LIKE 'pg\\_%'
          AND tablename <> '_prisma_migrations'
        ORDER BY 1`,
    );
    if (rows.length === 0) return;
    await client.query(`TRUNCATE TABLE ${rows.map((row) => row.name).join(", ")} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
