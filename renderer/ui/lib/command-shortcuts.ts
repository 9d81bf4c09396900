import type { CommandId } from './commands';
import { SHORTCUTS } from './shortcuts';

/** The first shortcut of a command, for hints beside it; undefined when it has none. */
export function shortcutFor(id: CommandId): string | undefined {
  return SHORTCUTS.find((s) => s.command === id)?.keys;
}
