import type { SimulatedCall } from "@/simulator/simulated-call";

type Step = { timer: NodeJS.Timeout; run: () => void };

export type CallTimeline = {
  /** Runs `run` for this call after `ms`, after the call's earlier steps. */
  schedule(call: SimulatedCall, ms: number, run: () => void): void;
  /** Runs the next step of every call that has one now (or of `only`); returns how many ran. */
  advance(only?: SimulatedCall): number;
  cancelAll(): void;
};

/**
 * Each call's remaining lifecycle steps, in order: a timer runs each one, `advance()` can run them
 * early (tests and demos drive calls without sleeping).
 */
export function createCallTimeline(): CallTimeline {
  const pending = new Map<SimulatedCall, Step[]>();

  function runStep(call: SimulatedCall, step: Step): void {
    clearTimeout(step.timer);
    const remaining = (pending.get(call) ?? []).filter((other) => other !== step);
    if (remaining.length > 0) pending.set(call, remaining);
    else pending.delete(call);
    step.run();
  }

  return {
    schedule(call, ms, run) {
      const steps = pending.get(call) ?? [];
      const step: Step = { run, timer: setTimeout(() => runStep(call, step), ms) };
      steps.push(step);
      pending.set(call, steps);
    },
    advance(only) {
      const next = [...pending].flatMap(([call, steps]) => (steps[0] && (!only || call === only) ? [[call, steps[0]] as const] : []));
      for (const [call, step] of next) runStep(call, step);
      return next.length;
    },
    cancelAll() {
      for (const steps of pending.values()) for (const step of steps) clearTimeout(step.timer);
      pending.clear();
    },
  };
}
