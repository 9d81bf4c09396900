// Drives a stepped computation (a generator that yields its progress between slices of
// work, see core/threats/row-steps.ts) so that the window keeps drawing: steps run until a
// time budget is spent, then the page gets a turn, then they resume.

/** Milliseconds of work between two turns of the page: well inside one frame. */
export const STEP_BUDGET_MS = 8;

/**
 * Runs steps until the computation ends or `budgetMs` has passed; the last result says
 * which (a done result carries the value, else the progress so far).
 */
export function stepFor<P, T>(
  steps: Generator<P, T, void>,
  budgetMs: number,
  now: () => number = () => performance.now(),
): IteratorResult<P, T> {
  const start = now();
  for (;;) {
    const r = steps.next();
    if (r.done === true || now() - start >= budgetMs) return r;
  }
}

/** A turn of the page: pending input and a frame can run before this resolves. */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}

/**
 * Runs a stepped computation to its end a budget at a time, reporting progress between
 * slices. Resolves with its value, or with undefined once `isCancelled` says to stop.
 */
export async function runInSlices<P, T>(
  steps: Generator<P, T, void>,
  options: {
    readonly isCancelled: () => boolean;
    readonly onProgress?: (progress: P) => void;
    readonly budgetMs?: number;
    readonly pause?: () => Promise<void>;
  },
): Promise<T | undefined> {
  const pause = options.pause ?? yieldToPage;
  for (;;) {
    if (options.isCancelled()) return undefined;
    const r = stepFor(steps, options.budgetMs ?? STEP_BUDGET_MS);
    if (r.done === true) return r.value;
    options.onProgress?.(r.value);
    await pause();
  }
}
