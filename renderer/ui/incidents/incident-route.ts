// The incidents area's part of the URL hash, kept here so lib/route.ts only delegates:
// `#/incidents`, `#/incidents/new`, `#/incidents/room/<id>[/<tab>]`. The tab is part of
// the hash so that a reload mid-incident comes back to the same place.

/** The tabs of the incident room. */
export const ROOM_TABS = [
  'playbook',
  'timeline',
  'evidence',
  'notifications',
  'review',
  'export',
] as const;
export type RoomTab = (typeof ROOM_TABS)[number];

/** What the incidents area shows. */
export type IncidentsView =
  | { readonly kind: 'list' }
  | { readonly kind: 'new' }
  | { readonly kind: 'room'; readonly id: string; readonly tab: RoomTab };

const LIST: IncidentsView = { kind: 'list' };
const isTab = (s: string): s is RoomTab => (ROOM_TABS as readonly string[]).includes(s);

/** Reads the parts after `#/incidents/`; anything unknown is the list. */
export function parseIncidentsView(parts: readonly string[]): IncidentsView {
  const [first, second, third, ...rest] = parts;
  if (rest.length > 0 || first === undefined) return LIST;
  if (first === 'new') return second === undefined ? { kind: 'new' } : LIST;
  if (first === 'room' && second !== undefined) {
    const tab = third ?? 'playbook';
    if (!isTab(tab)) return LIST;
    try {
      return { kind: 'room', id: decodeURIComponent(second), tab };
    } catch {
      return LIST;
    }
  }
  return LIST;
}

/** The hash of a view; ids are encoded so no id can smuggle in another path. */
export function formatIncidentsView(view: IncidentsView): string {
  if (view.kind === 'list') return '#/incidents';
  if (view.kind === 'new') return '#/incidents/new';
  return `#/incidents/room/${encodeURIComponent(view.id)}/${view.tab}`;
}
