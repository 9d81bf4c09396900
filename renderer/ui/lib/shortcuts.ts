import { AREAS } from './areas';
import type { CommandId } from './commands';

/**
 * One keyboard shortcut. `keys` is a space-separated sequence of strokes; a stroke is
 * `Mod+Shift+p`-style, where Mod is Ctrl or Cmd. `inInputs` shortcuts also fire while
 * the person is typing in a field; the others never do, so typing "n" into a name
 * never opens a new form.
 */
export type Shortcut = {
  readonly keys: string;
  readonly command: CommandId;
  readonly inInputs?: boolean;
};

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'n', command: 'api.new' },
  { keys: '/', command: 'search.focus' },
  { keys: 'Mod+k', command: 'palette.open', inInputs: true },
  { keys: '?', command: 'help.shortcuts' },
  ...AREAS.map((a): Shortcut => ({ keys: `g ${a.goKey}`, command: `go.${a.id}` })),
  { keys: 'F5', command: 'view.presentation', inInputs: true },
  { keys: 'Mod+Shift+p', command: 'view.presentation', inInputs: true },
];

/** The parts of a KeyboardEvent the matcher reads, so it can be tested without a DOM. */
export type KeyStroke = {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
};

/** Strokes typed so far of a longer sequence, and when the last one came. */
export type SequenceState = { readonly strokes: readonly string[]; readonly at: number };

export const NO_SEQUENCE: SequenceState = { strokes: [], at: 0 };

/** How long the second key of a sequence such as `g i` may wait. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/**
 * Normalises a stroke to the notation of SHORTCUTS. Shift is part of the stroke only
 * for letters and named keys: "?" already says Shift on the layouts that need it.
 */
export function strokeOf(e: KeyStroke): string {
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const parts: string[] = [];
  if (e.ctrlKey || e.metaKey) parts.push('Mod');
  if (e.altKey) parts.push('Alt');
  const printable = e.key.length === 1 && !/[a-z]/i.test(e.key);
  if (e.shiftKey && !printable) parts.push('Shift');
  parts.push(key === ' ' ? 'Space' : key);
  return parts.join('+');
}

export type Resolution = {
  readonly command: CommandId | null;
  readonly state: SequenceState;
  readonly consumed: boolean;
};

/**
 * Feeds one stroke to the matcher. Returns the command it completes (if any), the new
 * sequence state, and whether the stroke belongs to a shortcut (so the caller may
 * prevent the browser's default, e.g. F5 reloading the page).
 */
export function resolveShortcut(
  e: KeyStroke,
  typing: boolean,
  state: SequenceState,
  now: number,
  shortcuts: readonly Shortcut[] = SHORTCUTS,
): Resolution {
  const stroke = strokeOf(e);
  const fresh = now - state.at <= SEQUENCE_TIMEOUT_MS ? state.strokes : [];
  const candidates = shortcuts.filter((s) => !typing || s.inInputs === true);
  for (const prefix of [fresh, []]) {
    const typed = [...prefix, stroke];
    const exact = candidates.find((s) => sameStrokes(s.keys.split(' '), typed));
    if (exact) return { command: exact.command, state: NO_SEQUENCE, consumed: true };
    const partial = candidates.some((s) => startsWith(s.keys.split(' '), typed));
    if (partial) return { command: null, state: { strokes: typed, at: now }, consumed: true };
  }
  return { command: null, state: NO_SEQUENCE, consumed: false };
}

const sameStrokes = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((s, i) => s.toLowerCase() === b[i]?.toLowerCase());

const startsWith = (whole: readonly string[], prefix: readonly string[]): boolean =>
  prefix.length < whole.length &&
  prefix.every((s, i) => s.toLowerCase() === whole[i]?.toLowerCase());

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Escape: 'Esc',
};

/** How a shortcut is shown: "Ctrl K" on Windows and Linux, "⌘ K" on a Mac; "G then I" for sequences. */
export function describeKeys(keys: string, mac: boolean): string[] {
  return keys.split(' ').map((stroke) =>
    stroke
      .split('+')
      .map((part) => {
        if (part === 'Mod') return mac ? '⌘' : 'Ctrl';
        if (part === 'Shift') return mac ? '⇧' : 'Shift';
        if (part === 'Alt') return mac ? '⌥' : 'Alt';
        return KEY_NAMES[part] ?? (part.length === 1 ? part.toUpperCase() : part);
      })
      .join(' '),
  );
}
