import type { ComponentType } from 'react';
import { InventoryScreen } from '../inventory/InventoryScreen';
import type { AreaId } from '../lib/areas';
import { PlaybooksScreen } from '../playbooks/PlaybooksScreen';
import { ThreatsScreen } from '../threats/ThreatsScreen';
import { WorkspaceScreen } from '../workspace/WorkspaceScreen';

/** The screen of each area; the type makes a new entry in AREAS need its screen here. */
export const AREA_SCREENS: Readonly<Record<AreaId, ComponentType>> = {
  inventory: InventoryScreen,
  threats: ThreatsScreen,
  playbooks: PlaybooksScreen,
  workspace: WorkspaceScreen,
};
