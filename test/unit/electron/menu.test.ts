import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../../electron/contract';
import { buildMenuTemplate } from '../../../electron/main/menu';

function submenu(
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label}`);
  return found;
}

function click(entry: MenuItemConstructorOptions): void {
  // Electron passes (menuItem, window, event); the commands use none of them.
  (entry.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  const build = (
    opts: { isMac?: boolean; devTools?: boolean } = {},
  ): {
    template: MenuItemConstructorOptions[];
    send: ReturnType<typeof vi.fn<(c: MenuCommand) => void>>;
  } => {
    const send = vi.fn<(c: MenuCommand) => void>();
    return {
      template: buildMenuTemplate(send, {
        isMac: opts.isMac ?? false,
        devTools: opts.devTools ?? false,
      }),
      send,
    };
  };

  it('has File, Edit, View and Help', () => {
    const { template } = build();
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it.each([
    ['File', 'New API', 'file.new'],
    ['File', 'Import…', 'file.import'],
    ['File', 'Export…', 'file.export'],
    ['File', 'Back up workspace…', 'file.backup'],
    ['File', 'Restore from backup…', 'file.restore'],
    ['View', 'Presentation mode', 'view.presentation'],
    ['View', 'Toggle theme', 'view.theme'],
    ['Help', 'About Bulwark', 'help.about'],
  ] as const)('%s > %s sends %s', (menu, label, command) => {
    const { template, send } = build();
    click(item(submenu(template, menu), label));
    expect(send.mock.calls).toEqual([[command]]);
  });

  it('sends only commands the contract knows', () => {
    const { template, send } = build({ isMac: true, devTools: true });
    const all = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    for (const entry of all) click(entry);
    for (const [command] of send.mock.calls) expect(MENU_COMMANDS).toContain(command);
  });

  it('has the shortcuts: New API, and F5 shown but left to the page for presentation', () => {
    const { template, send } = build();
    expect(item(submenu(template, 'File'), 'New API').accelerator).toBe('CmdOrCtrl+N');
    const presentation = submenu(template, 'View').filter((i) => i.label === 'Presentation mode');
    // One item: the page handles F5 and Ctrl/Cmd+Shift+P, so a registered accelerator
    // would toggle presentation mode twice per key press.
    expect(presentation.map((i) => [i.accelerator, i.registerAccelerator])).toEqual([
      ['F5', false],
    ]);
    presentation.forEach(click);
    expect(send.mock.calls).toEqual([['view.presentation']]);
  });

  it('ends File with a separator and Quit, and uses standard roles for Edit and zoom', () => {
    const { template } = build();
    const file = submenu(template, 'File');
    expect(file.slice(-2)).toEqual([{ type: 'separator' }, { role: 'quit' }]);
    const editRoles = submenu(template, 'Edit')
      .map((i) => i.role)
      .filter(Boolean);
    expect(editRoles).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    const viewRoles = submenu(template, 'View').map((i) => i.role);
    expect(viewRoles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
  });

  it('offers Toggle Developer Tools only in development builds', () => {
    const roles = (devTools: boolean): unknown[] =>
      submenu(build({ devTools }).template, 'View').map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('puts About and Quit in the application menu on macOS', () => {
    const { template, send } = build({ isMac: true });
    expect(template[0]?.label).toBe('Bulwark');
    const appMenu = submenu(template, 'Bulwark');
    expect(appMenu.map((i) => i.role)).toContain('quit');
    expect(submenu(template, 'File').map((i) => i.role)).not.toContain('quit');
    click(item(appMenu, 'About Bulwark'));
    expect(send).toHaveBeenCalledWith('help.about');
  });
});
