import { MENU_COMMANDS, MENU_EVENT, type MenuCommand } from '../../electron/contract';

const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);

/**
 * Listens for menu commands arriving as the MENU_EVENT CustomEvent. Any script in the
 * page can dispatch such an event, so the detail is checked against the known commands.
 */
export function listenForMenuCommands(
  target: EventTarget,
  listener: (c: MenuCommand) => void,
): () => void {
  const handle = (event: Event): void => {
    if (event instanceof CustomEvent && isMenuCommand(event.detail)) listener(event.detail);
  };
  target.addEventListener(MENU_EVENT, handle);
  return () => {
    target.removeEventListener(MENU_EVENT, handle);
  };
}

/** Dispatches a menu command the way the preload does, so in-page buttons and shortcuts share one path. */
export function dispatchMenuCommand(command: MenuCommand, target: EventTarget = window): void {
  target.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: command }));
}
