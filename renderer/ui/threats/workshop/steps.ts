import { WORKSHOP_STEPS, type WorkshopStep } from '../../lib/route';

/** Each step's number and name, as the stepper and headings show them. */
export const STEP_LABELS: Readonly<Record<WorkshopStep, string>> = {
  scope: 'Scope',
  describe: 'Describe the system',
  identify: 'Identify threats',
  rate: 'Rate',
  mitigate: 'Mitigate',
  review: 'Review and sign off',
};

/** The step `delta` away from `step`, clamped to the first and last. */
export function stepBeside(step: WorkshopStep, delta: -1 | 1): WorkshopStep {
  const i = WORKSHOP_STEPS.indexOf(step) + delta;
  return WORKSHOP_STEPS[Math.max(0, Math.min(WORKSHOP_STEPS.length - 1, i))] ?? step;
}

/** Whether a key press asks for the previous (-1) or next (1) step: Alt+←/→ or [ and ]. */
export function stepKey(e: {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly inField: boolean;
}): -1 | 1 | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (e.altKey && e.key === 'ArrowLeft') return -1;
  if (e.altKey && e.key === 'ArrowRight') return 1;
  if (e.inField || e.altKey) return null;
  if (e.key === '[') return -1;
  if (e.key === ']') return 1;
  return null;
}
