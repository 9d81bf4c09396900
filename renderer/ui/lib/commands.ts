import { AREAS, type AreaId } from './areas';

/** Everything the palette, the shortcuts and the native menu can ask the app to do. */
export type CommandId =
  | 'api.new'
  | 'threats.new'
  | `go.${AreaId}`
  | 'search.focus'
  | 'workspace.backup'
  | 'workspace.restore'
  | 'view.theme'
  | 'view.presentation'
  | 'help.shortcuts'
  | 'help.about'
  | 'palette.open';

export type CommandGroup = 'Inventory' | 'Threat models' | 'Go to' | 'Workspace' | 'View' | 'Help';

/** A command as the palette lists it; `keywords` widen what the fuzzy filter matches. */
export type CommandSpec = {
  readonly id: CommandId;
  readonly label: string;
  readonly group: CommandGroup;
  readonly keywords: readonly string[];
};

/** The palette's commands in the order shown when nothing is typed. */
export const COMMANDS: readonly CommandSpec[] = [
  { id: 'api.new', label: 'New API', group: 'Inventory', keywords: ['add api', 'create'] },
  { id: 'search.focus', label: 'Search APIs', group: 'Inventory', keywords: ['find', 'filter'] },
  {
    id: 'threats.new',
    label: 'New threat model',
    group: 'Threat models',
    keywords: ['stride', 'workshop', 'design review'],
  },
  ...AREAS.map((a): CommandSpec => ({
    id: `go.${a.id}`,
    label: `Go to ${a.label}`,
    group: 'Go to',
    keywords: [a.label, 'navigate'],
  })),
  {
    id: 'workspace.backup',
    label: 'Back up workspace',
    group: 'Workspace',
    keywords: ['export backup', 'save'],
  },
  {
    id: 'workspace.restore',
    label: 'Restore from backup',
    group: 'Workspace',
    keywords: ['import backup', 'open'],
  },
  {
    id: 'view.theme',
    label: 'Toggle theme',
    group: 'View',
    keywords: ['dark', 'light', 'colour', 'color'],
  },
  {
    id: 'view.presentation',
    label: 'Toggle presentation mode',
    group: 'View',
    keywords: ['projector', 'large', 'workshop'],
  },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', group: 'Help', keywords: ['keys', 'help'] },
  { id: 'help.about', label: 'About Bulwark', group: 'Help', keywords: ['version', 'info'] },
];
