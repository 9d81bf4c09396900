import type { IconName } from '../components/icon-paths';

/**
 * The areas of the app, as data: the side navigation, the "Go to" commands and the
 * `g` shortcuts all come from this list, so a new area (threat models, incidents,
 * exercises, reports) is one entry here plus its screen in `app/area-screens.ts`.
 */
export const AREAS = [
  {
    id: 'inventory',
    label: 'Inventory',
    description: 'Every API you run or consume, its owners, data and findings.',
    icon: 'list',
    section: 'work',
    goKey: 'i',
  },
  {
    id: 'threats',
    label: 'Threat models',
    description: 'STRIDE threat models of your APIs: describe, identify, rate, mitigate, sign off.',
    icon: 'shield',
    section: 'work',
    goKey: 't',
  },
  {
    id: 'playbooks',
    label: 'Playbooks',
    description: 'Incident playbooks as data: read, diagram, edit, import and export (CACAO).',
    icon: 'check',
    section: 'work',
    goKey: 'p',
  },
  {
    id: 'incidents',
    label: 'Incidents',
    description: 'Run a live API incident: roles, playbook, timeline, evidence, notices, review.',
    icon: 'clock',
    section: 'work',
    goKey: 'n',
  },
  {
    id: 'exercises',
    label: 'Exercises',
    description: 'Tabletop exercises on the playbooks: run a scenario, evaluate, report.',
    icon: 'projector',
    section: 'work',
    goKey: 'x',
  },
  {
    id: 'reports',
    label: 'Reports',
    description: 'Security posture for leadership: figures, trends, drill-down, board report.',
    icon: 'chart',
    section: 'work',
    goKey: 'r',
  },
  {
    id: 'workspace',
    label: 'Workspace',
    description: 'Back up, restore and check the local workspace.',
    icon: 'database',
    section: 'workspace',
    goKey: 'w',
  },
] as const satisfies readonly {
  id: string;
  label: string;
  description: string;
  icon: IconName;
  section: 'work' | 'workspace';
  /** Second key of the `g` shortcut that goes there. */
  goKey: string;
}[];

export type AreaId = (typeof AREAS)[number]['id'];
export type Area = (typeof AREAS)[number];

/** The area with this id. */
export function areaById(id: AreaId): Area {
  return AREAS.find((a) => a.id === id) ?? AREAS[0];
}
