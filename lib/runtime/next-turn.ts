/**
 * Resolves on the event loop's next turn, after pending I/O callbacks: a long loop of CPU work (checking a
 * 100,000-row file) awaits it every slice so other requests are answered meanwhile. A resolved promise
 * would not do: microtasks run before any I/O.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
