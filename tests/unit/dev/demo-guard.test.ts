import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoStartRefusal, hostnameArgs } from "../../../scripts/dev/demo-guard";
import { envFilesFor } from "../../../scripts/dev/load-env";

const ROOT = join(import.meta.dirname, "../../..");

describe("npm start without DATABASE_URL", () => {
  it("refuses unless CALLBOARD_DEMO=1; npm run dev and a real database are unaffected", () => {
    expect(demoStartRefusal("start", {})).toMatch(/needs DATABASE_URL[\s\S]*CALLBOARD_DEMO=1 npm start/);
    expect(demoStartRefusal("start", { CALLBOARD_DEMO: "true" })).not.toBeNull();
    expect(demoStartRefusal("start", { CALLBOARD_DEMO: "1" })).toBeNull();
    expect(demoStartRefusal("start", { DATABASE_URL: "postgresql://db.example/callboard" })).toBeNull();
    expect(demoStartRefusal("dev", {})).toBeNull();
  });

  // The runner itself, before it starts anything — skipped where an env file could supply DATABASE_URL.
  it.skipIf(envFilesFor("start").some((name) => existsSync(join(ROOT, name))))(
    "the runner exits 1 with the plain message and starts nothing",
    () => {
      const env = { ...process.env };
      delete env.DATABASE_URL;
      delete env.CALLBOARD_DEMO;
      const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/dev.ts", "start"], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("npm start needs DATABASE_URL");
      expect(run.stdout).not.toMatch(/Database: embedded/);
    },
    60_000,
  );
});

describe("the interface a local run listens on", () => {
  it("is 127.0.0.1 unless HOSTNAME or -H says otherwise", () => {
    expect(hostnameArgs([], {}, true)).toEqual(["-H", "127.0.0.1"]);
    expect(hostnameArgs(["-p", "4000"], { HOSTNAME: " " }, true)).toEqual(["-H", "127.0.0.1"]);
    expect(hostnameArgs([], { HOSTNAME: "0.0.0.0" }, true)).toEqual(["-H", "0.0.0.0"]);
    expect(hostnameArgs(["-H", "::"], { HOSTNAME: "0.0.0.0" }, true)).toEqual([]);
    expect(hostnameArgs(["--hostname=192.168.1.5"], {}, true)).toEqual([]);
  });

  it("leaves a run on a real database to Next's default", () => {
    expect(hostnameArgs([], { HOSTNAME: "box" }, false)).toEqual([]);
  });
});
