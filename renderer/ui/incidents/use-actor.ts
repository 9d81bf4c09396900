import { useCallback, useSyncExternalStore } from 'react';

// Bulwark has no accounts: the person at this screen types their name once, and every
// action they take in an incident room is recorded under it. Kept per device.
const KEY = 'bulwark:incident-actor';
const listeners = new Set<() => void>();

function read(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** The name actions are recorded under, and its setter. */
export function useActorName(): readonly [string, (name: string) => void] {
  const name = useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, read);
  const set = useCallback((next: string) => {
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // A disabled storage only loses the remembered name.
    }
    for (const l of listeners) l();
  }, []);
  return [name, set] as const;
}
