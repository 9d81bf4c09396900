import type { ApiId } from '../../../core/inventory';
import type { ThreatModelId } from '../../../core/threats';
import {
  formatPlaybooksView,
  parsePlaybooksView,
  type PlaybooksView,
} from '../playbooks/playbook-route';
import {
  formatIncidentsView,
  parseIncidentsView,
  type IncidentsView,
} from '../incidents/incident-route';
import {
  formatExercisesView,
  parseExercisesView,
  type ExercisesView,
} from '../exercises/exercise-route';
import { AREAS, type AreaId } from './areas';

/** What the inventory shows beside the list. */
export type InventoryPanel =
  | { readonly kind: 'new' }
  | { readonly kind: 'view'; readonly id: ApiId }
  | { readonly kind: 'edit'; readonly id: ApiId };

/** The six steps of the threat-modeling workshop, in order. */
export const WORKSHOP_STEPS = [
  'scope',
  'describe',
  'identify',
  'rate',
  'mitigate',
  'review',
] as const;
export type WorkshopStep = (typeof WORKSHOP_STEPS)[number];

/** What the threat models area shows; absent means the list. */
export type ThreatsView =
  | { readonly kind: 'list' }
  | { readonly kind: 'rules' }
  | { readonly kind: 'new'; readonly apiId: ApiId | null }
  | { readonly kind: 'model'; readonly id: ThreatModelId; readonly step: WorkshopStep };

/**
 * Where the person is. Kept in the URL hash so Back and Forward work, a reload
 * returns to the same place, and the app loads from `app://` or a plain file server
 * without any server-side routing.
 */
export type Route =
  | { readonly area: 'inventory'; readonly panel: InventoryPanel | null }
  | { readonly area: 'threats'; readonly view?: ThreatsView }
  | { readonly area: 'playbooks'; readonly view?: PlaybooksView }
  | { readonly area: 'incidents'; readonly view?: IncidentsView }
  | { readonly area: 'exercises'; readonly view?: ExercisesView }
  | {
      readonly area: Exclude<
        AreaId,
        'inventory' | 'threats' | 'playbooks' | 'incidents' | 'exercises'
      >;
    };

export const HOME: Route = { area: 'inventory', panel: null };

const isArea = (s: string): s is AreaId => AREAS.some((a) => a.id === s);

/** Reads a route from a hash such as `#/inventory/api-123/edit`; anything unknown is home. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [area, second, third] = parts;
  if (area === undefined || !isArea(area)) return HOME;
  if (area === 'threats') return parseThreats(parts.slice(1));
  if (area === 'playbooks') return { area, view: parsePlaybooksView(parts.slice(1)) };
  if (area === 'incidents') return { area, view: parseIncidentsView(parts.slice(1)) };
  if (area === 'exercises') return { area, view: parseExercisesView(parts.slice(1)) };
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
  if (route.area === 'threats') return formatThreats(route.view ?? { kind: 'list' });
  if (route.area === 'playbooks') return formatPlaybooksView(route.view ?? { kind: 'list' });
  if (route.area === 'incidents') return formatIncidentsView(route.view ?? { kind: 'list' });
  if (route.area === 'exercises') return formatExercisesView(route.view ?? { kind: 'library' });
  if (route.area !== 'inventory') return `#/${route.area}`;
  const { panel } = route;
  if (panel === null) return '#/inventory';
  if (panel.kind === 'new') return '#/inventory/new';
  const id = encodeURIComponent(panel.id);
  return panel.kind === 'edit' ? `#/inventory/${id}/edit` : `#/inventory/${id}`;
}

const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};
const isStep = (s: string): s is WorkshopStep => (WORKSHOP_STEPS as readonly string[]).includes(s);
const THREATS_HOME: Route = { area: 'threats', view: { kind: 'list' } };

// `#/threats`, `#/threats/rules`, `#/threats/new[/apiId]`, `#/threats/model/<id>/<step>`.
function parseThreats(parts: readonly string[]): Route {
  const [first, second, third, ...rest] = parts;
  if (rest.length > 0) return THREATS_HOME;
  if (first === undefined) return THREATS_HOME;
  if (first === 'rules' && second === undefined)
    return { area: 'threats', view: { kind: 'rules' } };
  if (first === 'new' && third === undefined) {
    const apiId = second === undefined ? null : decode(second);
    return { area: 'threats', view: { kind: 'new', apiId: apiId as ApiId | null } };
  }
  if (first === 'model' && second !== undefined) {
    const id = decode(second);
    const step = third ?? 'scope';
    if (id === null || !isStep(step)) return THREATS_HOME;
    return { area: 'threats', view: { kind: 'model', id: id as ThreatModelId, step } };
  }
  return THREATS_HOME;
}

function formatThreats(view: ThreatsView): string {
  switch (view.kind) {
    case 'list':
      return '#/threats';
    case 'rules':
      return '#/threats/rules';
    case 'new':
      return view.apiId === null
        ? '#/threats/new'
        : `#/threats/new/${encodeURIComponent(view.apiId)}`;
    case 'model':
      return `#/threats/model/${encodeURIComponent(view.id)}/${view.step}`;
  }
}
