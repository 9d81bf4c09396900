import { lazy, type ComponentType } from 'react';
import { InventoryScreen } from '../inventory/InventoryScreen';
import type { AreaId } from '../lib/areas';
import { WorkspaceScreen } from '../workspace/WorkspaceScreen';

// Areas other than the first screen load on first visit, so starting Bulwark does not pay
// for the threat-rule catalogue, the playbook parser or their screens.
const ThreatsScreen = lazy(async () => ({
  default: (await import('../threats/ThreatsScreen')).ThreatsScreen,
}));
const PlaybooksScreen = lazy(async () => ({
  default: (await import('../playbooks/PlaybooksScreen')).PlaybooksScreen,
}));
const IncidentsScreen = lazy(async () => ({
  default: (await import('../incidents/IncidentsScreen')).IncidentsScreen,
}));
const ReportsScreen = lazy(async () => ({
  default: (await import('../reports/ReportsScreen')).ReportsScreen,
}));

const ExercisesScreen = lazy(async () => ({
  default: (await import('../exercises/ExercisesScreen')).ExercisesScreen,
}));

/** The screen of each area; the type makes a new entry in AREAS need its screen here. */
export const AREA_SCREENS: Readonly<Record<AreaId, ComponentType>> = {
  inventory: InventoryScreen,
  threats: ThreatsScreen,
  playbooks: PlaybooksScreen,
  incidents: IncidentsScreen,
  reports: ReportsScreen,
  exercises: ExercisesScreen,
  workspace: WorkspaceScreen,
};
