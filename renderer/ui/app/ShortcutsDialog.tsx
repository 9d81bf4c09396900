import { useId } from 'react';
import { Dialog } from '../components/Dialog';
import { Keys } from '../components/Keys';
import { COMMANDS, type CommandId } from '../lib/commands';
import { SHORTCUTS } from '../lib/shortcuts';

// Keys that act inside one part of the screen rather than everywhere.
const LOCAL_KEYS: readonly { keys: readonly string[]; what: string }[] = [
  { keys: ['ArrowUp', 'ArrowDown'], what: 'Move between APIs in the list' },
  { keys: ['Enter'], what: 'Open the focused API' },
  { keys: ['Delete'], what: 'Delete the focused API (asks first)' },
  { keys: ['Mod+Enter'], what: 'Save the API being edited' },
  { keys: ['Mod+S'], what: 'Save the playbook being edited' },
  { keys: ['Escape'], what: 'Close a dialog or panel; leave the editor (asks if unsaved)' },
  { keys: ['[', ']'], what: 'Previous or next step of a threat-model workshop' },
  {
    keys: ['Alt+ArrowLeft', 'Alt+ArrowRight'],
    what: 'Previous or next workshop step, also in fields',
  },
];

const labelOf = (id: CommandId): string =>
  id === 'palette.open'
    ? 'Open the command palette'
    : (COMMANDS.find((c) => c.id === id)?.label ?? id);

// One line per command, with each of its shortcuts ("F5 or Ctrl Shift P").
const GLOBAL_KEYS = [...new Set(SHORTCUTS.map((s) => s.command))].map((command) => ({
  what: labelOf(command),
  keys: SHORTCUTS.filter((s) => s.command === command).map((s) => s.keys),
}));

/** `?`: every keyboard shortcut, global ones first. */
export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  const titleId = useId();
  const groups = [
    { id: `${titleId}-global`, title: 'Everywhere', rows: GLOBAL_KEYS },
    { id: `${titleId}-local`, title: 'In lists and forms', rows: LOCAL_KEYS },
  ];
  return (
    <Dialog className="dialog--wide" labelledBy={titleId} onClose={onClose} closeOnBackdrop>
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          Keyboard shortcuts
        </h2>
        <button
          type="button"
          className="button button--secondary"
          data-initial-focus
          onClick={onClose}
        >
          Close
        </button>
      </div>
      <p className="dialog__text text-muted">
        Single-key shortcuts are ignored while you type in a field.
      </p>
      <div className="shortcuts">
        {groups.map((g) => (
          <section key={g.id} aria-labelledby={g.id}>
            <h3 id={g.id} className="shortcuts__heading">
              {g.title}
            </h3>
            <dl className="shortcuts__list">
              {g.rows.map((row) => (
                <div key={row.what} className="shortcuts__row">
                  <dt>{row.what}</dt>
                  <dd className="shortcuts__keys">
                    {row.keys.map((k, i) => (
                      <span key={k} className="keys">
                        {i > 0 && <span className="keys__then">or</span>}
                        <Keys keys={k} />
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
