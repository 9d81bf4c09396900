import { createContext } from 'react';
import type { CommandId } from '../lib/commands';
import { useRequiredContext } from './required-context';

export type CommandsApi = { readonly run: (id: CommandId) => void };

export const CommandsContext = createContext<CommandsApi | null>(null);

/** Runs a command by id: the one path shared by buttons, palette, shortcuts and menus. */
export function useCommands(): CommandsApi {
  return useRequiredContext(CommandsContext, 'useCommands');
}
