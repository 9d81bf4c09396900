// The exercises area's part of the URL hash: `#/exercises`, `#/exercises/scenario/<id>`,
// `#/exercises/run/<exerciseId>[/<tab>]`. The participant view lives outside the app
// shell at `#/participant/<exerciseId>` (a projector shows nothing but the exercise).

/** The tabs of the facilitator console. */
export const CONSOLE_TABS = ['msel', 'room', 'notes', 'evaluate'] as const;
export type ConsoleTab = (typeof CONSOLE_TABS)[number];

/** What the exercises area shows. */
export type ExercisesView =
  | { readonly kind: 'library' }
  | { readonly kind: 'scenario'; readonly id: string }
  | { readonly kind: 'run'; readonly id: string; readonly tab: ConsoleTab };

const LIBRARY: ExercisesView = { kind: 'library' };
const isTab = (s: string): s is ConsoleTab => (CONSOLE_TABS as readonly string[]).includes(s);
const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

/** Reads the parts after `#/exercises/`; anything unknown is the library. */
export function parseExercisesView(parts: readonly string[]): ExercisesView {
  const [first, second, third, ...rest] = parts;
  if (rest.length > 0 || first === undefined || second === undefined) return LIBRARY;
  const id = decode(second);
  if (id === null) return LIBRARY;
  if (first === 'scenario' && third === undefined) return { kind: 'scenario', id };
  if (first === 'run') {
    const tab = third ?? 'msel';
    return isTab(tab) ? { kind: 'run', id, tab } : LIBRARY;
  }
  return LIBRARY;
}

/** The hash of a view; ids are encoded so no id can smuggle in another path. */
export function formatExercisesView(view: ExercisesView): string {
  if (view.kind === 'library') return '#/exercises';
  if (view.kind === 'scenario') return `#/exercises/scenario/${encodeURIComponent(view.id)}`;
  return `#/exercises/run/${encodeURIComponent(view.id)}/${view.tab}`;
}

/** The hash of the participant view of an exercise. */
export function participantHash(exerciseId: string): string {
  return `#/participant/${encodeURIComponent(exerciseId)}`;
}

/** The exercise id of a participant-view hash, or null for any other hash. */
export function parseParticipantHash(hash: string): string | null {
  const m = /^#\/participant\/([^/]+)$/.exec(hash);
  return m?.[1] === undefined ? null : decode(m[1]);
}
