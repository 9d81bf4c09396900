import { createContext } from 'react';
import type { StorageProblem } from '../../storage';
import { useRequiredContext } from './required-context';

/** A storage problem on screen, with the operation to run again if it can be retried. */
export type ShownProblem = StorageProblem & { readonly retry?: () => void };

export type ProblemApi = {
  readonly problem: ShownProblem | null;
  /** Classifies a caught storage error and shows it in the banner. */
  readonly reportError: (error: unknown, retry?: () => void) => void;
  readonly dismiss: () => void;
};

export const ProblemContext = createContext<ProblemApi | null>(null);

/** The global storage-problem banner's state. */
export function useProblems(): ProblemApi {
  return useRequiredContext(ProblemContext, 'useProblems');
}
