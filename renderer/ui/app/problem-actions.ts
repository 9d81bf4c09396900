import type { StorageProblem } from '../../storage';

export type ProblemAction = 'backup' | 'retry' | 'reload';

/**
 * Which ways out the banner offers for each kind of problem. A newer or unavailable
 * database cannot be read, so exporting it would fail too; reloading is the way out.
 */
export const PROBLEM_ACTIONS: Readonly<Record<StorageProblem['kind'], readonly ProblemAction[]>> = {
  quota: ['backup', 'retry'],
  blocked: ['retry'],
  'newer-database': ['reload'],
  unavailable: ['reload'],
  unknown: ['retry', 'backup', 'reload'],
};
