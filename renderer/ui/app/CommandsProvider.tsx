import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getPlatform } from '../../platform';
import type { CommandId } from '../lib/commands';
import { isTypingTarget } from '../lib/dom';
import { MENU_TO_COMMAND } from '../lib/menu-commands';
import { NO_SEQUENCE, resolveShortcut } from '../lib/shortcuts';
import { CommandsContext, type CommandsApi } from '../state/commands-context';
import { usePreferences } from '../state/preferences-context';
import { useRouter } from '../state/router-context';
import { useWorkspace } from '../state/workspace-context';
import { AboutDialog } from './AboutDialog';
import { CommandPalette } from './CommandPalette';
import { SEARCH_INPUT_ID } from './search-input-id';
import { ShortcutsDialog } from './ShortcutsDialog';

type OpenDialog = 'palette' | 'shortcuts' | 'about' | null;

/**
 * Turns command ids into actions, and feeds them from the keyboard shortcuts and the
 * native menu. Owns the palette, shortcuts and About dialogs.
 */
export function CommandsProvider({ children }: { readonly children: ReactNode }) {
  const { navigate } = useRouter();
  const { toggleTheme, togglePresentation } = usePreferences();
  const { backup, restore } = useWorkspace();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // A command chosen in the palette runs after the palette has closed and handed focus
  // back, so "Search APIs" ends with the cursor in the search box, not on the old button.
  const [queued, setQueued] = useState<CommandId | null>(null);

  const run = useCallback(
    (id: CommandId) => {
      switch (id) {
        case 'api.new':
          navigate({ area: 'inventory', panel: { kind: 'new' } });
          return;
        case 'go.inventory':
          navigate({ area: 'inventory', panel: null });
          return;
        case 'threats.new':
          navigate({ area: 'threats', view: { kind: 'new', apiId: null } });
          return;
        case 'go.threats':
          navigate({ area: 'threats', view: { kind: 'list' } });
          return;
        case 'go.playbooks':
          navigate({ area: 'playbooks', view: { kind: 'list' } });
          return;
        case 'go.workspace':
          navigate({ area: 'workspace' });
          return;
        case 'search.focus': {
          const input = document.getElementById(SEARCH_INPUT_ID);
          if (input instanceof HTMLInputElement) {
            input.focus();
            input.select();
          }
          return;
        }
        case 'workspace.backup':
          void backup();
          return;
        case 'workspace.restore':
          void restore();
          return;
        case 'view.theme':
          toggleTheme();
          return;
        case 'view.presentation':
          togglePresentation();
          return;
        case 'help.shortcuts':
          setDialog('shortcuts');
          return;
        case 'help.about':
          setDialog('about');
          return;
        case 'palette.open':
          setDialog('palette');
          return;
      }
    },
    [navigate, backup, restore, toggleTheme, togglePresentation],
  );

  useEffect(() => {
    if (dialog !== null || queued === null) return;
    setQueued(null);
    run(queued);
  }, [dialog, queued, run]);

  const sequence = useRef(NO_SEQUENCE);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      // A modal dialog owns the keyboard (its own Esc, Enter, arrows).
      if (e.defaultPrevented || e.repeat || document.querySelector('dialog[open]')) return;
      const r = resolveShortcut(e, isTypingTarget(e.target), sequence.current, e.timeStamp);
      sequence.current = r.state;
      if (!r.consumed) return;
      e.preventDefault();
      if (r.command) run(r.command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [run]);

  useEffect(
    () =>
      getPlatform().onMenuCommand((c) => {
        // A pending question (delete? replace?) must be answered first: a menu command
        // behind it would act on a screen the person cannot see.
        if (document.querySelector('dialog[open].dialog--confirm')) return;
        // Any other dialog closes first, as a click outside would.
        setDialog(null);
        setQueued(MENU_TO_COMMAND[c]);
      }),
    [],
  );

  const close = useCallback(() => {
    setDialog(null);
  }, []);
  const runFromPalette = useCallback((id: CommandId) => {
    setDialog(null);
    setQueued(id);
  }, []);

  const api = useMemo<CommandsApi>(() => ({ run }), [run]);
  return (
    <CommandsContext value={api}>
      {children}
      {dialog === 'palette' && <CommandPalette onRun={runFromPalette} onClose={close} />}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={close} />}
      {dialog === 'about' && <AboutDialog onClose={close} />}
    </CommandsContext>
  );
}
