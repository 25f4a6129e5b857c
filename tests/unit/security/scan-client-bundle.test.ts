import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientFiles, findSecrets } from "@/tests/e2e/bundle/scan-client-bundle";

describe("the client bundle secret scan", () => {
  let dir: string;
  const secret = "canary-cron-secret-0123456789abcdef";
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "bundle-scan-"));
    write("static/chunks/app.js", "console.log('nothing here')");
    write("server/app/page.js", `const s = "${secret}"`); // server code: never sent
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("finds nothing in a clean build and never reads server code", () => {
    const files = clientFiles(dir);
    expect(files.map((file) => path.relative(dir, file))).toEqual(["static/chunks/app.js"]);
    expect(findSecrets(files, { CRON_SECRET: secret })).toEqual([]);
  });

  it("finds a secret in a chunk, a prerendered page and an RSC payload, as written, base64 or URL-encoded", () => {
    write("static/chunks/leak.js", `var k="${secret}"`);
    write("server/app/login.html", `<script>${Buffer.from(secret).toString("base64")}</script>`);
    write("server/app/login.rsc", `x=${encodeURIComponent("postgresql://u:p@ss/w0rd!@h/db")}`);
    const findings = findSecrets(clientFiles(dir), { CRON_SECRET: secret, DATABASE_URL: "postgresql://u:p@ss/w0rd!@h/db" });
    expect(findings.map((f) => [f.name, f.form, path.relative(dir, f.file)]).sort()).toEqual([
      ["CRON_SECRET", "as written", "static/chunks/leak.js"],
      ["CRON_SECRET", "base64", "server/app/login.html"],
      ["DATABASE_URL", "URL-encoded", "server/app/login.rsc"],
    ]);
  });

  it("refuses to scan without a build, and values too short to search for", () => {
    expect(() => clientFiles(path.join(dir, "missing"))).toThrow(/next build/);
    expect(() => findSecrets([], { SHORT: "abc" })).toThrow(/too short/);
  });
});
