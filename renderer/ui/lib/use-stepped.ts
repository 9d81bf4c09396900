import { useEffect, useMemo, useState } from 'react';
import { runInSlices, STEP_BUDGET_MS, stepFor } from './steps';

/** A stepped computation's value as a component sees it. */
export type Stepped<P, T> = {
  /** The value for the current inputs, or the previous one while it is computed; undefined at first. */
  readonly value: T | undefined;
  /** True while the value shown is not yet the one for the current inputs. */
  readonly pending: boolean;
  /** How far the computation for the current inputs is; null when it is done. */
  readonly progress: P | null;
};

/**
 * The value of a stepped computation (a generator yielding progress) of `input`,
 * recomputed when the input changes; `start` should be a module-level function. A
 * computation that fits in one budget is done during render, as a useMemo would do it; a
 * longer one continues in slices between frames, and meanwhile the previous value stays
 * shown.
 */
export function useStepped<I, P, T>(
  input: I,
  start: (input: I) => Generator<P, T, void>,
): Stepped<P, T> {
  const run = useMemo(() => {
    const steps = start(input);
    return { steps, first: stepFor(steps, STEP_BUDGET_MS) };
  }, [input, start]);
  const [done, setDone] = useState<{ readonly run: object; readonly value: T } | null>(null);
  const [progress, setProgress] = useState<{ readonly run: object; readonly at: P } | null>(null);

  useEffect(() => {
    if (run.first.done === true) return;
    let cancelled = false;
    void runInSlices(run.steps, {
      isCancelled: () => cancelled,
      onProgress: (at) => {
        setProgress({ run, at });
      },
    }).then((value) => {
      if (!cancelled && value !== undefined) setDone({ run, value });
    });
    return () => {
      cancelled = true;
    };
  }, [run]);

  if (run.first.done === true) return { value: run.first.value, pending: false, progress: null };
  if (done?.run === run) return { value: done.value, pending: false, progress: null };
  return {
    value: done?.value,
    pending: true,
    progress: progress?.run === run ? progress.at : run.first.value,
  };
}
