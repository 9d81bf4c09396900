import type { ApiId } from '../../../core/inventory';
import { AREAS, type AreaId } from './areas';

/** What the inventory shows beside the list. */
export type InventoryPanel =
  | { readonly kind: 'new' }
  | { readonly kind: 'view'; readonly id: ApiId }
  | { readonly kind: 'edit'; readonly id: ApiId };

/**
 * Where the person is. Kept in the URL hash so Back and Forward work, a reload
 * returns to the same place, and the app loads from `app://` or a plain file server
 * without any server-side routing.
 */
export type Route =
  | { readonly area: 'inventory'; readonly panel: InventoryPanel | null }
  | { readonly area: Exclude<AreaId, 'inventory'> };

export const HOME: Route = { area: 'inventory', panel: null };

const isArea = (s: string): s is AreaId => AREAS.some((a) => a.id === s);

/** Reads a route from a hash such as `#/inventory/api-123/edit`; anything unknown is home. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [area, second, third] = parts;
  if (area === undefined || !isArea(area)) return HOME;
  if (area !== 'inventory') return { area };
  if (second === undefined) return HOME;
  if (second === 'new' && third === undefined) return { area, panel: { kind: 'new' } };
  let id: ApiId;
  try {
    id = decodeURIComponent(second) as ApiId;
  } catch {
    return HOME;
  }
  if (third === 'edit') return { area, panel: { kind: 'edit', id } };
  return third === undefined ? { area, panel: { kind: 'view', id } } : HOME;
}

/** The hash for a route; ids are encoded, so no id can smuggle in another path. */
export function formatRoute(route: Route): string {
  if (route.area !== 'inventory') return `#/${route.area}`;
  const { panel } = route;
  if (panel === null) return '#/inventory';
  if (panel.kind === 'new') return '#/inventory/new';
  const id = encodeURIComponent(panel.id);
  return panel.kind === 'edit' ? `#/inventory/${id}/edit` : `#/inventory/${id}`;
}
