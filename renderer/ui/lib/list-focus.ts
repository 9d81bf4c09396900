type Listener = () => void;
const listeners = new Set<Listener>();

/** Asks the visible list to put focus on its first row (from the search box's ↓ or Enter). */
export function requestListFocus(): boolean {
  for (const l of listeners) l();
  return listeners.size > 0;
}

/** The list registers here while it is on screen; returns the unsubscribe. */
export function onListFocusRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
