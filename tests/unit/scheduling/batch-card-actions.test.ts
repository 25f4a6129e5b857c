import { describe, expect, it } from "vitest";
import { batchCardActions, type BatchCardState } from "@/components/scheduling/batch-card-actions";
import { emptyCounts, type StatusCounts } from "@/lib/scheduling/statuses";

const card = (counts: Partial<StatusCounts>, more: Partial<BatchCardState> = {}): BatchCardState => ({
  counts: { ...emptyCounts(), ...counts },
  pausedAt: null,
  retryBatchId: null,
  unreached: 0,
  sequence: null,
  ...more,
});
const running = (waitingFor: { ringing: boolean } | null = null) => ({ sequence: { status: "RUNNING", waitingFor } });

describe("batchCardActions: what a batch card offers", () => {
  it("a sequence waiting for a call back offers Pause, and Cancel counting that call back (it is cancelled with the batch)", () => {
    expect(batchCardActions(card({ COMPLETED: 1, WAITING: 2 }, running({ ringing: false })))).toEqual({ action: "pause", cancellable: 3 });
    // Its last patient's call back: nothing to hold back, but the call back can still be cancelled with the batch.
    expect(batchCardActions(card({ COMPLETED: 3 }, running({ ringing: false })))).toEqual({ action: null, cancellable: 1 });
    // Ringing: the call back is under way and no longer cancellable.
    expect(batchCardActions(card({ COMPLETED: 1, WAITING: 2 }, running({ ringing: true })))).toEqual({ action: "pause", cancellable: 2 });
  });

  it("a sequence whose step is on the phone can be paused: the next patient then waits for the resume", () => {
    expect(batchCardActions(card({ IN_PROGRESS: 1, WAITING: 2 }, running()))).toEqual({ action: "pause", cancellable: 2 });
  });

  it("as before for the rest: Pause with calls due, Resume when paused, Retry when a finished batch left some unreached", () => {
    expect(batchCardActions(card({ PENDING: 2 }))).toEqual({ action: "pause", cancellable: 2 });
    expect(batchCardActions(card({ PAUSED: 2 }, { pausedAt: new Date() }))).toEqual({ action: "resume", cancellable: 2 });
    expect(batchCardActions(card({ IN_PROGRESS: 1 }))).toEqual({ action: null, cancellable: 0 });
    expect(batchCardActions(card({ COMPLETED: 1, FAILED: 1 }, { unreached: 1 }))).toEqual({ action: "retry", cancellable: 0 });
    expect(batchCardActions(card({ COMPLETED: 3 }, { sequence: { status: "FILLED", waitingFor: null } }))).toEqual({ action: null, cancellable: 0 });
  });
});
