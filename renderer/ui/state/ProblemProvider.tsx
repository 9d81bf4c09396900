import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { classifyStorageError, subscribeStorageProblems } from '../../storage';
import { ProblemContext, type ProblemApi, type ShownProblem } from './problem-context';

/** Collects storage problems: those the database reports itself and those callers catch. */
export function ProblemProvider({ children }: { readonly children: ReactNode }) {
  const [problem, setProblem] = useState<ShownProblem | null>(null);

  useEffect(
    () =>
      subscribeStorageProblems((p) => {
        setProblem(p);
      }),
    [],
  );

  const reportError = useCallback((error: unknown, retry?: () => void) => {
    // The console keeps the technical detail for a bug report; the banner speaks plainly.
    console.error(error);
    const classified = classifyStorageError(error);
    setProblem(retry ? { ...classified, retry } : classified);
  }, []);

  const dismiss = useCallback(() => {
    setProblem(null);
  }, []);

  const api = useMemo<ProblemApi>(
    () => ({ problem, reportError, dismiss }),
    [problem, reportError, dismiss],
  );
  return <ProblemContext value={api}>{children}</ProblemContext>;
}
