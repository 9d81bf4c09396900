import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../contract';

// The native menu only names commands; the page decides what they do. Items that act
// on the page send one MenuCommand string (contract MENU_COMMANDS) and nothing else, so
// the menu cannot become a second, wider IPC surface.

/** Sends one menu command to the page. */
export type SendMenuCommand = (command: MenuCommand) => void;

/** Platform and build facts that change the menu. */
export type MenuOptions = {
  readonly isMac: boolean;
  /** Adds Toggle Developer Tools (development builds only). */
  readonly devTools: boolean;
  readonly appName?: string;
};

function command(
  label: string,
  cmd: MenuCommand,
  send: SendMenuCommand,
  accelerator?: string,
): MenuItemConstructorOptions {
  const item: MenuItemConstructorOptions = { label, click: () => send(cmd) };
  if (accelerator !== undefined) item.accelerator = accelerator;
  return item;
}

/** The application menu template; pure, so tests can inspect and click it. */
export function buildMenuTemplate(
  send: SendMenuCommand,
  opts: MenuOptions,
): MenuItemConstructorOptions[] {
  const appName = opts.appName ?? 'Bulwark';
  const about = command(`About ${appName}`, 'help.about', send);
  const fileItems: MenuItemConstructorOptions[] = [
    command('New API', 'file.new', send, 'CmdOrCtrl+N'),
    command('Import…', 'file.import', send),
    command('Export…', 'file.export', send),
    command('Back up workspace…', 'file.backup', send),
    command('Restore from backup…', 'file.restore', send),
  ];
  // On macOS Quit lives in the application menu.
  if (!opts.isMac) fileItems.push({ type: 'separator' }, { role: 'quit' });

  const viewItems: MenuItemConstructorOptions[] = [
    // The page itself handles F5 and Ctrl/Cmd+Shift+P (they work in the browser build
    // too); the menu shows the shortcut without registering it, or one key press would
    // toggle presentation mode twice.
    {
      ...command('Presentation mode', 'view.presentation', send, 'F5'),
      registerAccelerator: false,
    },
    { type: 'separator' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { role: 'resetZoom' },
    { type: 'separator' },
    command('Toggle theme', 'view.theme', send),
  ];
  if (opts.devTools) viewItems.push({ type: 'separator' }, { role: 'toggleDevTools' });

  const template: MenuItemConstructorOptions[] = [];
  if (opts.isMac) {
    template.push({
      label: appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    { label: 'File', submenu: fileItems },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'pasteAndMatchStyle' },
        { role: 'delete' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    { label: 'View', submenu: viewItems },
    { label: 'Help', role: 'help', submenu: [command(`About ${appName}`, 'help.about', send)] },
  );
  return template;
}
