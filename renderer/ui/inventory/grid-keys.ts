/** What a key does in the list: move to a row, open it, delete it, or nothing. */
export type GridKeyAction =
  | { readonly kind: 'move'; readonly to: number }
  | { readonly kind: 'open' }
  | { readonly kind: 'delete' }
  | null;

type Key = {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
};

/**
 * The list's keys, as in a spreadsheet or mail client: arrows, Page Up/Down by a
 * screenful, Home/End, Enter opens, Delete (or ⌘⌫ on a Mac keyboard) asks to delete.
 */
export function gridKeyAction(
  e: Key,
  index: number,
  count: number,
  pageSize: number,
): GridKeyAction {
  if (count === 0 || e.altKey) return null;
  const clamp = (i: number): number => Math.max(0, Math.min(count - 1, i));
  switch (e.key) {
    case 'ArrowDown':
      return { kind: 'move', to: clamp(index + 1) };
    case 'ArrowUp':
      return { kind: 'move', to: clamp(index - 1) };
    case 'PageDown':
      return { kind: 'move', to: clamp(index + pageSize) };
    case 'PageUp':
      return { kind: 'move', to: clamp(index - pageSize) };
    case 'Home':
      return { kind: 'move', to: 0 };
    case 'End':
      return { kind: 'move', to: count - 1 };
    case 'Enter':
      return e.ctrlKey || e.metaKey ? null : { kind: 'open' };
    case 'Delete':
      return { kind: 'delete' };
    case 'Backspace':
      return e.metaKey ? { kind: 'delete' } : null;
    default:
      return null;
  }
}
