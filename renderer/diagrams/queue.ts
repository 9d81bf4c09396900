/** Runs tasks one at a time, in the order they were queued. */
export type SerialQueue = {
  /** Queues a task; settles as it does. A failed task does not stop the ones after it. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running. */
  readonly pending: number;
};

// Mermaid's render is not reentrant: it keeps the current diagram's configuration and
// parser state in module globals and measures text in a temporary element in the page.
// Two renders (or a theme change) interleaving would mix configurations, so every call
// into Mermaid goes through one of these.

/** A queue that runs each task after the previous one has settled. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      pending++;
      const result = tail.then(task).finally(() => {
        pending--;
      });
      // The next task waits for this one to settle, whether it succeeded or not.
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    get pending() {
      return pending;
    },
  };
}
