import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { InventoryRow } from '../../../core/inventory';
import { Icon } from '../components/Icon';
import { formatCount } from '../lib/format';
import { useKeyWithin } from '../lib/use-key-within';
import { countValues, type FacetSpec } from './facets';

type FacetMenuProps = {
  readonly spec: FacetSpec;
  readonly rows: readonly InventoryRow[];
  readonly selected: readonly string[];
  readonly onChange: (values: string[]) => void;
};

/**
 * A compact multi-select: a disclosure button and a group of checkboxes with how many
 * APIs carry each value. Esc or a click elsewhere closes it; focus returns to the button.
 */
export function FacetMenu({ spec, rows, selected, onChange }: FacetMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const options = useMemo(() => spec.options(rows), [spec, rows]);
  const counts = useMemo(
    () => (open ? countValues(rows, spec) : new Map<string, number>()),
    [open, rows, spec],
  );
  const labelOf = (v: string): string => options.find((o) => o.value === v)?.label ?? v;

  useKeyWithin(wrapRef, (e) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    }
  });

  // A click elsewhere, or Tab out of the menu, closes it.
  useEffect(() => {
    const wrap = wrapRef.current;
    if (!open || !wrap) return;
    const onPointerDown = (e: PointerEvent): void => {
      if (e.target instanceof Node && !wrap.contains(e.target)) setOpen(false);
    };
    const onFocusOut = (e: FocusEvent): void => {
      if (e.relatedTarget instanceof Node && !wrap.contains(e.relatedTarget)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    wrap.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      wrap.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);

  const summary =
    selected.length === 1
      ? labelOf(selected[0] ?? '')
      : selected.length > 1
        ? String(selected.length)
        : null;
  const toggle = (value: string, on: boolean): void => {
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  };

  return (
    <div ref={wrapRef} className="facet">
      <button
        ref={buttonRef}
        type="button"
        className={summary === null ? 'facet__button' : 'facet__button facet__button--active'}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        <span className="facet__label">{spec.label}</span>
        {summary !== null && <span className="facet__summary">: {summary}</span>}
        {/* Sets the name apart from the column header of the same word ("Flags" sorts). */}
        <span className="visually-hidden"> filter</span>
        <Icon name="chevronDown" className="facet__chevron" />
      </button>
      {open && (
        <div
          id={panelId}
          className="facet__panel"
          role="group"
          aria-label={`Filter by ${spec.label.toLowerCase()}`}
        >
          <ul className="facet__options">
            {options.map((o) => (
              <li key={o.value}>
                <label className="facet__option">
                  <input
                    type="checkbox"
                    checked={selected.includes(o.value)}
                    onChange={(e) => {
                      toggle(o.value, e.target.checked);
                    }}
                  />
                  <span className="facet__option-label">{o.label}</span>
                  <span className="facet__option-count">
                    {formatCount(counts.get(o.value) ?? 0)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {selected.length > 0 && (
            <button
              type="button"
              className="button button--small button--ghost facet__clear"
              onClick={() => {
                onChange([]);
              }}
            >
              Clear {spec.label.toLowerCase()}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
