import { useEffect, useEffectEvent } from 'react';
import { ROOM_TABS, type RoomTab } from './incident-route';

/** The element id of the note field (Alt+N focuses it). */
export const NOTE_FIELD_ID = 'room-note-text';

/**
 * The room's keys, with Alt so they never collide with typing or the app's single-key
 * shortcuts: Alt+N writes a note (timeline tab, note field focused), Alt+D marks the next
 * open task of the current step done, Alt+1 … Alt+6 switch tabs.
 */
export function useRoomShortcuts(choose: (tab: RoomTab) => void, completeNext: () => void): void {
  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    // e.code, not e.key: Alt changes the character on some layouts (macOS Option).
    if (e.code === 'KeyN') {
      e.preventDefault();
      choose('timeline');
      requestAnimationFrame(() => {
        document.getElementById(NOTE_FIELD_ID)?.focus();
      });
      return;
    }
    if (e.code === 'KeyD') {
      e.preventDefault();
      completeNext();
      return;
    }
    const digit = /^Digit([1-9])$/.exec(e.code);
    const tab = digit ? ROOM_TABS[Number(digit[1]) - 1] : undefined;
    if (tab !== undefined) {
      e.preventDefault();
      choose(tab);
    }
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => {
      onKey(e);
    };
    window.addEventListener('keydown', listener);
    return () => {
      window.removeEventListener('keydown', listener);
    };
  }, []);
}
