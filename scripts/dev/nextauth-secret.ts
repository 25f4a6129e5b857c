// next-auth signs session cookies with NEXTAUTH_SECRET. For a local run without one we generate a
// random secret once and keep it in .data (git-ignored), so sessions survive restarts of the runner.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** Reads the persisted secret, creating it (32 random bytes, base64url) on first use. */
export async function localNextAuthSecret(path: string): Promise<{ secret: string; created: boolean }> {
  if (existsSync(path)) {
    const secret = (await readFile(path, "utf8")).trim();
    if (secret.length >= 32) return { secret, created: false };
  }
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  return { secret, created: true };
}
