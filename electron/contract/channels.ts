// The contract's plain constants, free of zod, so the sandboxed preload can import them
// without bundling a validation library it does not use.

export const CHANNELS = {
  filesSave: 'files:save',
  filesOpen: 'files:open',
  reportsPrintToPdf: 'reports:printToPdf',
  appInfo: 'app:info',
  exercisesOpenParticipant: 'exercises:openParticipant',
} as const;
export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

// Native menu items reach the page as a DOM CustomEvent carrying one of these strings,
// dispatched by the preload. The page never receives an IpcRendererEvent, and the bridge
// stays exactly its four methods.
export const MENU_EVENT = 'bulwark:menu';
export const MENU_CHANNEL = 'menu:command';
export const MENU_COMMANDS = [
  'file.new',
  'file.import',
  'file.export',
  'file.backup',
  'file.restore',
  'view.presentation',
  'view.theme',
  'help.about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
