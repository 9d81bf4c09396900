import type { MenuCommand } from '../../../electron/contract';
import type { CommandId } from './commands';

/**
 * What each native menu item does. In this release Import and Export mean the
 * workspace backup; later issues give them model import and report export.
 */
export const MENU_TO_COMMAND: Readonly<Record<MenuCommand, CommandId>> = {
  'file.new': 'api.new',
  'file.import': 'workspace.restore',
  'file.export': 'workspace.backup',
  'file.backup': 'workspace.backup',
  'file.restore': 'workspace.restore',
  'view.presentation': 'view.presentation',
  'view.theme': 'view.theme',
  'help.about': 'help.about',
};
