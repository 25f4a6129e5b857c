// `next dev` / `next start` as a child of the runner.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import type { RunMode } from "./load-env";

// Next starts worker processes of its own. On POSIX it gets its own process group so that a signal
// (and, if it hangs, SIGKILL) reaches all of them, and no worker is left holding the port.
const OWN_GROUP = process.platform !== "win32";

export interface NextProcess {
  /** Resolves with next's exit code (1 when it died of a signal we did not send). */
  exited: Promise<number>;
  /** Sends `signal` to next and its workers; SIGKILLs them if they are still there after `graceMs`. */
  stop(signal: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export function spawnNext(root: string, mode: RunMode, args: string[], env: NodeJS.ProcessEnv): NextProcess {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, mode, ...args], { cwd: root, env, stdio: "inherit", detached: OWN_GROUP });
  const exited = once(child, "exit").then(([code]) => (typeof code === "number" ? code : 1));
  return {
    exited,
    stop: async (signal, graceMs = 10_000) => {
      if (!isRunning(child)) return;
      signalTree(child, signal);
      const timer = setTimeout(() => signalTree(child, "SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      // Workers that outlived next's main process still get the signal through the group.
      if (OWN_GROUP) signalTree(child, "SIGTERM");
    },
  };
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function signalTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    if (OWN_GROUP) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}
