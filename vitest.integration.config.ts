// Integration tests on a real database: TEST_DATABASE_URL (a local PostgreSQL; its schema is
// dropped and re-migrated per run) or, without it, an in-memory embedded PGlite.
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/setup/global-setup.ts"],
    // integration-env first: it sets DATABASE_URL before anything imports lib/db.
    setupFiles: ["tests/setup/integration-env.ts", "tests/setup/mock-session.ts"],
    // One database for the whole run: files take turns so one file's truncation cannot hit another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
