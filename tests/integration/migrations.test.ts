// The migration tooling (scripts/db) against the suite's database server: PGlite by default, the local
// PostgreSQL with TEST_DATABASE_URL. Deploy must behave like `prisma migrate deploy`, and the
// migrations must produce exactly the database schema.prisma describes.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMigration, deployMigrations, diffDatabaseToSchema } from "@/scripts/db/migrate";
import { MIGRATIONS_DIR, readMigrationsFolder } from "@/scripts/db/migrations-folder";
import { createFreshDatabase, type FreshDatabase } from "./helpers/fresh-database";

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

async function migrationRows(url: string): Promise<MigrationRow[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
         FROM _prisma_migrations ORDER BY migration_name`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("migrations", () => {
  let fresh: FreshDatabase;
  let migrationNames: string[];

  beforeAll(async () => {
    fresh = await createFreshDatabase();
    migrationNames = (await readMigrationsFolder()).migrationDirectories.map((dir) => dir.path);
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  it("deploys every migration to an empty database, and nothing the second time", async () => {
    expect(migrationNames.length).toBeGreaterThan(0);
    expect(await deployMigrations(fresh.url)).toEqual(migrationNames);
    expect(await deployMigrations(fresh.url)).toEqual([]);
  });

  it("records each migration in _prisma_migrations as finished, with the file's checksum", async () => {
    const expected = await Promise.all(
      migrationNames.map(async (name) => ({
        migration_name: name,
        checksum: sha256(await readFile(join(MIGRATIONS_DIR, name, "migration.sql"), "utf8")),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        applied_steps_count: 1,
      })),
    );
    expect(await migrationRows(fresh.url)).toEqual(expected);
  });

  it("produces exactly the schema in schema.prisma (no drift)", async () => {
    const diff = await diffDatabaseToSchema(fresh.url);
    expect(diff.empty, `schema.prisma differs from the migrated database:\n${diff.sql}`).toBe(true);
  });

  it("leaves the suite's shared database migrated without drift too", async () => {
    const diff = await diffDatabaseToSchema(inject("databaseUrl"));
    expect(diff.empty, diff.sql).toBe(true);
  });

  // Last: it uses the fresh database as the shadow database, which the engine wipes. A schema of its
  // own keeps it about the tooling, not about this project's hand-written SQL (extensions and such).
  it("creates a migration for what schema.prisma adds, and none when nothing changed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "callboard-migrations-"));
    const schemaPath = join(dir, "schema.prisma");
    const migrationsDir = join(dir, "migrations");
    const model = (fields: string) => `datasource db {\n  provider = "postgresql"\n}\n\nmodel Widget {\n  id String @id\n${fields}}\n`;
    const create = (name: string, second: number) =>
      createMigration(name, {
        migrationsDir,
        schemaPath,
        shadowDatabaseUrl: fresh.url,
        now: new Date(Date.UTC(2026, 0, 2, 3, 4, second)),
      });
    try {
      await writeFile(schemaPath, model(""));
      expect(await create("Initial schema", 0)).toBe("20260102030400_initial_schema");
      expect(await readFile(join(migrationsDir, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
      expect(await readFile(join(migrationsDir, "20260102030400_initial_schema", "migration.sql"), "utf8")).toContain('CREATE TABLE "Widget"');

      expect(await create("nothing", 1)).toBeNull();

      await writeFile(schemaPath, model("  colour String?\n"));
      expect(await create("add colour", 2)).toBe("20260102030402_add_colour");
      expect(await readFile(join(migrationsDir, "20260102030402_add_colour", "migration.sql"), "utf8")).toMatch(
        /ALTER TABLE "Widget" ADD COLUMN\s+"colour" TEXT/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
