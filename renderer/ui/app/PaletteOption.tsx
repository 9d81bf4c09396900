import { useEffect, useRef } from 'react';
import { Keys } from '../components/Keys';
import { shortcutFor } from '../lib/command-shortcuts';
import type { CommandId, CommandSpec } from '../lib/commands';

type PaletteOptionProps = {
  readonly id: string;
  readonly command: CommandSpec;
  readonly active: boolean;
  readonly onRun: (id: CommandId) => void;
  readonly onHover: () => void;
};

/** One command in the palette's listbox, with its group and shortcut. */
export function PaletteOption({ id, command, active, onRun, onHover }: PaletteOptionProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  const keys = shortcutFor(command.id);
  return (
    <div
      ref={ref}
      id={id}
      role="option"
      aria-selected={active}
      tabIndex={-1}
      className="palette__option"
      // mousedown, not click: the input must keep focus (and its active descendant);
      // keyboard users run the option with Enter in the input.
      onMouseDown={(e) => {
        e.preventDefault();
        onRun(command.id);
      }}
      onMouseMove={onHover}
    >
      <span className="palette__label">{command.label}</span>
      <span className="palette__group">{command.group}</span>
      {keys !== undefined && <Keys keys={keys} />}
    </div>
  );
}
