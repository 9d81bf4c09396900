import { useCallback, useEffect, useRef, useState } from 'react';
import { getDatabase } from '../../storage';
import { clearDraft, readDraft, saveDraft } from '../../storage/incidents';

// Unsaved typing (a note, the review) is written to the drafts store a moment after the
// person stops typing, and read back when the room opens: a reload or a crash loses at
// most the last few hundred milliseconds of typing.
const SAVE_AFTER_MS = 300;

/** What the draft's storage is doing, for a quiet "Draft saved" line. */
export type DraftState = 'loading' | 'clean' | 'pending' | 'saved';

/**
 * A draft value kept in the drafts store under `key`. `parse` checks what comes back
 * (a stored draft is input like any other); null means "nothing usable".
 */
export function useDraft<T>(
  key: string,
  empty: T,
  parse: (raw: unknown) => T | null,
): {
  readonly value: T;
  readonly set: (next: T) => void;
  readonly clear: () => void;
  readonly state: DraftState;
} {
  const [value, setValue] = useState<T>(empty);
  const [state, setState] = useState<DraftState>('loading');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<T | null>(null);
  const parseRef = useRef(parse);
  const emptyRef = useRef(empty);
  // Whether the store may hold a draft under this key: false only from a delete until the
  // next save. A note added before its draft was ever saved has nothing to delete, so
  // adding notes in a burst costs no write besides the note's own.
  const stored = useRef(true);

  useEffect(() => {
    let live = true;
    stored.current = true;
    void readDraft(getDatabase(), key).then((raw) => {
      if (!live) return;
      const restored = raw === undefined ? null : parseRef.current(raw);
      if (restored !== null) setValue(restored);
      setState('clean');
    });
    return () => {
      live = false;
    };
  }, [key]);

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (next === null) return;
    stored.current = true;
    void saveDraft(getDatabase(), key, next, Date.now()).then(() => {
      if (pending.current === null) setState('saved');
    });
  }, [key]);

  // Leaving the room (another tab, another area) saves what is pending at once.
  useEffect(() => flush, [flush]);

  const set = useCallback(
    (next: T) => {
      setValue(next);
      pending.current = next;
      setState('pending');
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_AFTER_MS);
    },
    [flush],
  );

  const clear = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    setValue(emptyRef.current);
    setState('clean');
    if (!stored.current) return;
    stored.current = false;
    void clearDraft(getDatabase(), key);
  }, [key]);

  return { value, set, clear, state };
}
