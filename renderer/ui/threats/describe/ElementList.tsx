import {
  ELEMENT_KINDS,
  type Element,
  type ElementId,
  type ElementKind,
} from '../../../../core/threats';
import { Icon } from '../../components/Icon';
import { KIND_LABELS, KIND_PLURALS } from '../labels';

type ElementListProps = {
  readonly elements: readonly Element[];
  readonly selectedId: ElementId | null;
  readonly onSelect: (id: ElementId) => void;
  readonly onAdd: (kind: ElementKind) => void;
};

/** The model's elements grouped by kind, each group with its Add button. */
export function ElementList({ elements, selectedId, onSelect, onAdd }: ElementListProps) {
  const names = new Map(elements.map((e) => [e.id as string, e.name]));
  return (
    <nav className="element-list" aria-label="Elements">
      {ELEMENT_KINDS.map((kind) => {
        const ofKind = elements.filter((e) => e.kind === kind);
        const headingId = `element-group-${kind}`;
        return (
          <section key={kind} className="element-list__group" aria-labelledby={headingId}>
            <h4 id={headingId} className="element-list__heading">
              {KIND_PLURALS[kind]} <span className="text-muted">({ofKind.length})</span>
            </h4>
            <ul className="element-list__items">
              {ofKind.map((e) => (
                <li key={e.id}>
                  <button
                    type="button"
                    className={
                      e.id === selectedId
                        ? 'element-list__item element-list__item--selected'
                        : 'element-list__item'
                    }
                    aria-current={e.id === selectedId ? 'true' : undefined}
                    onClick={() => {
                      onSelect(e.id);
                    }}
                  >
                    <span className="clamp-3 break-anywhere">{e.name}</span>
                    {e.kind === 'data-flow' && (
                      <span className="element-list__ends text-muted">
                        {names.get(e.source) ?? '?'} → {names.get(e.target) ?? '?'}
                      </span>
                    )}
                    {e.outOfScope && <span className="text-muted"> (out of scope)</span>}
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                onAdd(kind);
              }}
            >
              <Icon name="plus" />
              Add {KIND_LABELS[kind].toLowerCase()}
            </button>
          </section>
        );
      })}
    </nav>
  );
}
