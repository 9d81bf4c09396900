import { useEffect, useState } from 'react';
import {
  validatePlaybook,
  type Playbook,
  type PlaybookValidation,
} from '../../../../core/playbooks';

/** Typing pauses this long before the source is validated again. */
export const VALIDATE_AFTER_MS = 250;

export type LiveValidation = {
  /** The latest result (of the text as it was at the last pause). */
  readonly result: PlaybookValidation;
  /** The last version that validated, for the live diagram; null before the first. */
  readonly lastValid: Playbook | null;
  /** True while typing has not paused yet. */
  readonly pending: boolean;
};

/** Validates the editor's text with core after each pause in typing. */
export function useLiveValidation(text: string, fileName: string): LiveValidation {
  const [state, setState] = useState(() => {
    const result = validatePlaybook(text, fileName);
    return { text, result, lastValid: result.ok ? result.playbook : null };
  });
  useEffect(() => {
    if (text === state.text) return;
    const timer = setTimeout(() => {
      const result = validatePlaybook(text, fileName);
      setState((s) => ({ text, result, lastValid: result.ok ? result.playbook : s.lastValid }));
    }, VALIDATE_AFTER_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [text, fileName, state.text]);
  return { result: state.result, lastValid: state.lastValid, pending: text !== state.text };
}

/** The caret offset of the start of a 1-based line (and column) in a text. */
export function offsetOf(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  return Math.min(offset + Math.max(0, column - 1), lineEnd);
}
