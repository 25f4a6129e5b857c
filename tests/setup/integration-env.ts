// Vitest setupFile for the integration suite. It runs in each test file's module graph before the
// file itself is imported, so the database URL is in place before anything reads lib/db.ts.
import { beforeAll, inject } from "vitest";
import { truncateAllTables } from "./truncate-tables";

process.env.DATABASE_URL = inject("databaseUrl");

// Registered before the file's own hooks, so every file starts from empty tables, whatever the
// files before it left behind.
beforeAll(async () => {
  await truncateAllTables(inject("databaseUrl"));
});
