// A replacement for pglite-socket's query scheduling (electric-sql/pglite#1046, still open in the
// pinned 0.2.17). PGlite is one session shared by every client connection. pglite-socket runs the
// connections' protocol messages one at a time and keeps a connection's turn only while a SQL
// transaction is open — but an extended-protocol batch (Parse/Bind/Describe/Execute … Sync) is one
// unit too: between its messages another connection's Parse replaces the unnamed statement, and the
// first connection binds to the wrong query ("bind message supplies 4 parameters, but prepared
// statement requires 10"). Any app that runs two queries at once hits it. Here a connection keeps
// its turn until its batch ends (Sync, a simple Query, or the startup packet) and, as before, for as
// long as it holds a transaction open. A failing message no longer stalls the queue for good.
import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

/** Startup, SSL and cancel packets have no type byte: they begin with their int32 length (first byte 0). */
function endsBatch(message: Uint8Array): boolean {
  const type = message[0];
  return type === SYNC || type === QUERY || type === TERMINATE || type === 0;
}

export function installBatchAwareQueue(server: PGLiteSocketServer, db: PGlite): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue))
    throw new Error("pglite-socket changed: its query queue is not where scripts/db/pglite-protocol-queue.ts expects it.");
  /** The connection whose batch or transaction is under way; null when the session is free. */
  let owner: number | null = null;

  queue.processQueue = async function processQueue() {
    if (queue.processing) return;
    queue.processing = true;
    try {
      while (queue.queue.length > 0) {
        const index = owner === null ? 0 : queue.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet; its enqueue restarts us
        const [item] = queue.queue.splice(index, 1);
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item!.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item!.onData(data);
              },
            }),
          );
          owner = db.isInTransaction() || !endsBatch(item!.message) ? item!.handlerId : null;
          item!.resolve(bytes);
        } catch (error) {
          owner = db.isInTransaction() ? item!.handlerId : null;
          item!.reject(error);
        }
      }
    } finally {
      queue.processing = false;
    }
  };

  queue.clearTransactionIfNeeded = async function clearTransactionIfNeeded(handlerId: number) {
    if (owner !== handlerId) return;
    if (db.isInTransaction()) await db.exec("ROLLBACK");
    owner = null;
    await queue.processQueue();
  };
}
