import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Icon } from '../components/Icon';
import { COMMANDS, type CommandId } from '../lib/commands';
import { fuzzyFilter } from '../lib/fuzzy';
import { PaletteOption } from './PaletteOption';

type CommandPaletteProps = {
  readonly onRun: (id: CommandId) => void;
  readonly onClose: () => void;
};

/**
 * Ctrl/Cmd+K: every command, fuzzy-filtered as you type. The ARIA 1.2 combobox
 * pattern: focus stays in the input, arrows move the active option
 * (aria-activedescendant), Enter runs it, Esc closes.
 */
export function CommandPalette({ onRun, onClose }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const titleId = useId();
  const inputId = useId();
  const listId = useId();
  const results = useMemo(
    () => fuzzyFilter(COMMANDS, query, (c) => [c.label, c.group, ...c.keywords]),
    [query],
  );
  const current = results[Math.min(active, results.length - 1)];
  const optionId = (id: CommandId): string => `${listId}-${id}`;

  // Home and End stay with the text field (caret), as the APG combobox pattern allows.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && results.length > 0) {
      e.preventDefault();
      setActive((i) => (Math.min(i, results.length - 1) + step + results.length) % results.length);
    } else if (e.key === 'Enter' && current) {
      e.preventDefault();
      onRun(current.id);
    }
  };

  return (
    <Dialog className="dialog--palette" labelledBy={titleId} onClose={onClose} closeOnBackdrop>
      <h2 id={titleId} className="visually-hidden">
        Command palette
      </h2>
      <div className="palette__field">
        <Icon name="search" className="palette__icon" />
        <label htmlFor={inputId} className="visually-hidden">
          Command
        </label>
        <input
          id={inputId}
          className="palette__input"
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current ? optionId(current.id) : undefined}
          placeholder="Type a command…"
          autoComplete="off"
          spellCheck={false}
          data-initial-focus
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <div id={listId} className="palette__list" role="listbox" aria-label="Commands">
        {results.map((c) => (
          <PaletteOption
            key={c.id}
            id={optionId(c.id)}
            command={c}
            active={c.id === current?.id}
            onRun={onRun}
            onHover={() => {
              setActive(results.indexOf(c));
            }}
          />
        ))}
      </div>
      {results.length === 0 && (
        <p className="palette__empty" role="status">
          No command matches “{query}”.
        </p>
      )}
      <p className="palette__hint" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to run · <kbd>Esc</kbd> to close
      </p>
    </Dialog>
  );
}
