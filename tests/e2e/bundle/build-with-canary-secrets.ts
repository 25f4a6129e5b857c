// `npm run test:e2e`, first step: builds the app with a random canary value in every server secret,
// then searches what browsers can download (.next/static, prerendered pages, RSC payloads) for them.
// Any hit fails before Playwright starts. The e2e server then runs this build with its own secrets
// (tests/e2e/serve.ts): nothing server-side is baked in at build time, which this scan also proves.
//
//   npx tsx tests/e2e/bundle/build-with-canary-secrets.ts            build, then scan
//   npx tsx tests/e2e/bundle/build-with-canary-secrets.ts --no-build  scan an existing build (values from .next/canary-secrets.json)
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { clientFiles, findSecrets } from "./scan-client-bundle";

const BUILD_DIR = path.resolve(".next");
const RECORD = path.join(BUILD_DIR, "canary-secrets.json");

function canarySecrets(): Record<string, string> {
  const canary = (name: string) => `canary-${name.toLowerCase().replaceAll("_", "-")}-${randomBytes(16).toString("hex")}`;
  const databasePassword = canary("db-password");
  return {
    NEXTAUTH_SECRET: canary("NEXTAUTH_SECRET"),
    CRON_SECRET: canary("CRON_SECRET"),
    ELEVENLABS_API_KEY: canary("ELEVENLABS_API_KEY"),
    ELEVENLABS_WEBHOOK_SECRET: canary("ELEVENLABS_WEBHOOK_SECRET"),
    SIMULATOR_WEBHOOK_SECRET: canary("SIMULATOR_WEBHOOK_SECRET"),
    // Unreachable on purpose (port 9): the build must not need the database.
    DATABASE_URL: `postgresql://canary_user:${databasePassword}@127.0.0.1:9/canary_db`,
    DATABASE_PASSWORD: databasePassword,
  };
}

function build(secrets: Record<string, string>): void {
  // DATABASE_PASSWORD is only searched for (it is inside DATABASE_URL), not an app variable.
  const env = Object.fromEntries(Object.entries(secrets).filter(([name]) => name !== "DATABASE_PASSWORD"));
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status}).`);
  writeFileSync(RECORD, JSON.stringify(secrets, null, 2));
}

function main(): void {
  const scanOnly = process.argv.includes("--no-build");
  let secrets: Record<string, string>;
  if (scanOnly) {
    if (!existsSync(RECORD)) throw new Error(`${RECORD} is missing: build with this script first.`);
    secrets = JSON.parse(readFileSync(RECORD, "utf8")) as Record<string, string>;
  } else {
    secrets = canarySecrets();
    build(secrets);
  }
  const files = clientFiles(BUILD_DIR);
  const findings = findSecrets(files, secrets);
  if (findings.length > 0) {
    for (const finding of findings) console.error(`[bundle] ${finding.name} (${finding.form}) in ${path.relative(process.cwd(), finding.file)}`);
    throw new Error(`${findings.length} server secret(s) found in what browsers download.`);
  }
  console.log(`[bundle] ${Object.keys(secrets).length} server secrets, ${files.length} client files: none found.`);
}

try {
  main();
} catch (error) {
  console.error("[bundle]", error instanceof Error ? error.message : error);
  process.exit(1);
}
