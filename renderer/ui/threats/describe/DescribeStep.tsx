import { useState } from 'react';
import {
  newElement,
  type Element,
  type ElementId,
  type ElementKind,
} from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { ModelDiagram } from '../diagram/ModelDiagram';
import { KIND_LABELS } from '../labels';
import { ElementEditor } from './ElementEditor';
import { ElementList } from './ElementList';

// Ids must satisfy core's ID_PATTERN; the kind prefix makes files easier to read.
const PREFIX: Readonly<Record<ElementKind, string>> = {
  'external-entity': 'ee',
  process: 'proc',
  'data-store': 'store',
  'data-flow': 'flow',
  'trust-boundary': 'tb',
};

/** A draft of a new element: flows start between the first two nodes when there are two. */
function draftOf(kind: ElementKind, model: ThreatModelRecord): Element {
  const id = `${PREFIX[kind]}-${crypto.randomUUID().slice(0, 8)}`;
  const count = model.elements.filter((e) => e.kind === kind).length + 1;
  const name = `${KIND_LABELS[kind]} ${String(count)}`;
  if (kind !== 'data-flow') return newElement(kind, id, name);
  const nodes = model.elements.filter((e) => e.kind !== 'data-flow' && e.kind !== 'trust-boundary');
  const source = nodes[0]?.id ?? ('' as ElementId);
  const target = nodes[1]?.id ?? source;
  return newElement('data-flow', id, name, { source, target, protocol: 'HTTPS' });
}

type Selection = { readonly id: ElementId } | { readonly draft: Element } | null;

/** Step 2: the elements by kind, the editor of the chosen one, and the live diagram. */
export function DescribeStep({ model }: { readonly model: ThreatModelRecord }) {
  const [selection, setSelection] = useState<Selection>(null);
  const selectedId = selection !== null && 'id' in selection ? selection.id : null;
  const element =
    selection === null
      ? null
      : 'draft' in selection
        ? selection.draft
        : (model.elements.find((e) => e.id === selection.id) ?? null);
  return (
    <div className="describe">
      <ElementList
        elements={model.elements}
        selectedId={selectedId}
        onSelect={(id) => {
          setSelection({ id });
        }}
        onAdd={(kind) => {
          setSelection({ draft: draftOf(kind, model) });
        }}
      />
      <div className="describe__editor">
        {element === null ? (
          <p className="text-muted describe__hint">
            Choose an element to edit it, or add one. Start with who calls the API (external
            entities), then its services (processes) and stores, then the flows between them.
          </p>
        ) : (
          <ElementEditor
            key={element.id}
            model={model}
            element={element}
            isNew={selection !== null && 'draft' in selection}
            onSaved={(id) => {
              setSelection({ id });
            }}
            onRemoved={() => {
              setSelection(null);
            }}
          />
        )}
      </div>
      <ModelDiagram
        model={model}
        selectedId={selectedId}
        onSelect={(id) => {
          setSelection({ id });
        }}
      />
    </div>
  );
}
