import type { EscapedOrigin } from '../../../../core/shared/escaped-json';
import { originalOffsets } from '../../../../core/shared/escaped-json';

// An ASCII-escaped copy of text made the slow and obvious way, one code unit at a time
// (bin/json-text.ts makes the CLI's from bytes), for the tests of what reads such copies.

/** The copy, its origin (counting how often the original is asked for), and the runs. */
export function escapedCopy(text: string): {
  readonly copy: string;
  readonly origin: EscapedOrigin;
  readonly originalCalls: () => number;
  readonly starts: number[];
  readonly units: number[];
} {
  let copy = '';
  const starts: number[] = [];
  const units: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      copy += text.charAt(i);
      continue;
    }
    // A run of non-ASCII units starts here.
    if (i === 0 || text.charCodeAt(i - 1) < 0x80) {
      starts.push(copy.length);
      units.push(0);
    }
    units[units.length - 1] = (units.at(-1) ?? 0) + 1;
    copy += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  let calls = 0;
  return {
    copy,
    origin: {
      original: () => {
        calls++;
        return text;
      },
      originalOffset: originalOffsets(starts, units),
    },
    originalCalls: () => calls,
    starts,
    units,
  };
}

/** Units of mostly-ASCII strings: brackets, quotes and line breaks next to non-ASCII ones. */
export const MIXED_UNITS: readonly string[] = [
  'a',
  ' ',
  '{',
  '}',
  '[',
  ']',
  ':',
  ',',
  '"',
  '\n',
  '/',
  'é',
  'ü',
  '日',
  '😀',
  '\u2028',
];
