import { after } from "next/server";

const pending = new Set<Promise<unknown>>();

/**
 * Runs `task` once the response has been sent (Next's `after()`), so a webhook answers before the
 * follow-up work. Outside a Next request (tests, scripts) it runs in the background; `settled()`
 * waits for it. Failures are logged, never thrown at the caller.
 */
export function runAfterResponse(name: string, task: () => Promise<unknown>): void {
  const run = () => {
    const promise = task()
      .catch((error: unknown) => console.error(`[after] ${name} failed:`, error))
      .finally(() => pending.delete(promise));
    pending.add(promise);
    return promise;
  };
  try {
    after(run);
  } catch {
    void run();
  }
}

/** Resolves when every background task started by runAfterResponse has finished. */
export async function settledAfterResponse(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
