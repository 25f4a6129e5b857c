// TEMPORARY (written by the database-tooling helper so the integration suite can run; the lead owns
// and reconciles this file). TEST_DATABASE_URL=postgresql://…@127.0.0.1/… runs it on PostgreSQL;
// without it, on an in-memory PGlite.
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/integration-env.ts", "tests/setup/mock-session.ts"],
    // One database for the whole run: files take turns so one file's truncation cannot hit another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
