import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface SecretFinding {
  name: string;
  /** How it appeared: as written, base64, or URL-encoded. */
  form: string;
  file: string;
}

/** What a browser can receive from a Next build: all of .next/static, and the prerendered pages and RSC payloads. */
export function clientFiles(buildDir: string): string[] {
  const staticDir = path.join(buildDir, "static");
  if (!existsDir(staticDir)) throw new Error(`${staticDir} does not exist: run \`next build\` first.`);
  const prerendered = ["app", "pages"].map((dir) => path.join(buildDir, "server", dir)).filter(existsDir);
  // Server code (.js) and its traces stay on the server; the rest under server/app is sent as it is.
  const sentAsIs = (file: string) => !/\.(js|js\.map|nft\.json|json)$/.test(file);
  return [...walk(staticDir), ...prerendered.flatMap((dir) => walk(dir).filter(sentAsIs))];
}

/**
 * Every place one of `secrets` (name → value) appears in the client files, as written, base64 or
 * URL-encoded. Values shorter than 8 characters are refused: they would match by chance.
 */
export function findSecrets(files: readonly string[], secrets: Record<string, string>): SecretFinding[] {
  const needles = Object.entries(secrets).flatMap(([name, value]) => {
    if (value.length < 8) throw new Error(`${name} is too short to search for reliably (${value.length} characters).`);
    return [
      { name, form: "as written", text: value },
      { name, form: "base64", text: Buffer.from(value).toString("base64").replace(/=+$/, "") },
      { name, form: "URL-encoded", text: encodeURIComponent(value) },
    ].filter((needle, index, all) => all.findIndex((other) => other.text === needle.text) === index);
  });
  const findings: SecretFinding[] = [];
  for (const file of files) {
    const text = readFileSync(file).toString("latin1");
    for (const needle of needles) if (text.includes(needle.text)) findings.push({ name: needle.name, form: needle.form, file });
  }
  return findings;
}

function existsDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}
