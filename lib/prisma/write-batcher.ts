export interface WriteBatcherOptions<I, O> {
  /** Writes a batch in one statement and answers one result per item, in the items' order. */
  write: (items: I[]) => Promise<O[]>;
  /** The most items one statement takes. */
  maxBatch: number;
  /** Batches being written at once; items that arrive meanwhile wait and form the next batch. */
  maxInFlight: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent writes into few statements, each caller still awaiting its own result
 * (group commit, done in the app). A write that arrives while nothing is in flight goes out at the
 * end of the current event-loop turn, with whatever arrived in the same turn: alone, it waits for
 * nothing. Under load, writes queue behind the batches in flight and go out together, so a burst
 * of N costs a few round trips, statements and commits instead of N of each.
 *
 * A failed batch changed nothing (one statement is atomic), so its items are written again one by
 * one: one item's bad data, or a deadlock with another writer, fails only that item's caller.
 */
export function createWriteBatcher<I, O>(options: WriteBatcherOptions<I, O>): (item: I) => Promise<O> {
  const { write, maxBatch, maxInFlight } = options;
  const queue: Pending<I, O>[] = [];
  let inFlight = 0;
  let scheduled = false;

  async function writeBatch(batch: Pending<I, O>[]): Promise<void> {
    try {
      const results = await write(batch.map((entry) => entry.item));
      batch.forEach((entry, i) => entry.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      await Promise.all(batch.map((entry) => write([entry.item]).then(([result]) => entry.resolve(result!), entry.reject)));
    }
  }

  function pump(): void {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      inFlight += 1;
      void writeBatch(queue.splice(0, maxBatch)).finally(() => {
        inFlight -= 1;
        schedule();
      });
    }
  }

  function schedule(): void {
    if (scheduled || queue.length === 0 || inFlight >= maxInFlight) return;
    scheduled = true;
    // After this turn's I/O callbacks: requests whose bodies arrived together share the batch.
    setImmediate(pump);
  }

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}
