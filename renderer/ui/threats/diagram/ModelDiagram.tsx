import { useMemo, useState } from 'react';
import { toMermaidDiagrams, type ElementId, type ThreatModel } from '../../../../core/threats';
import { MermaidDiagram } from '../../components/MermaidDiagram';
import { usePreferences } from '../../state/preferences-context';
import { DiagramExport } from '../../components/DiagramExport';

type ModelDiagramProps = {
  readonly model: ThreatModel;
  readonly selectedId: ElementId | null;
  readonly onSelect: (id: ElementId) => void;
};

/**
 * The data flow diagram beside the editor. Large models come split (core's
 * toMermaidDiagrams): an overview by trust boundary and one diagram per boundary.
 */
export function ModelDiagram({ model, selectedId, onSelect }: ModelDiagramProps) {
  const { theme } = usePreferences();
  const set = useMemo(() => toMermaidDiagrams(model), [model]);
  const [part, setPart] = useState(-1);
  const [svg, setSvg] = useState<string | null>(null);
  const chosen = set.perBoundary[part];
  const diagram = chosen?.diagram ?? set.overview;
  const selectedNode = useMemo(() => {
    for (const [node, el] of diagram.nodes) if (el === selectedId) return node;
    return null;
  }, [diagram, selectedId]);
  const label = `Data flow diagram of ${model.title}${chosen ? `, ${chosen.title}` : ''}`;
  return (
    <section className="model-diagram" aria-label="Data flow diagram">
      <div className="model-diagram__toolbar">
        {set.split && (
          <div className="field model-diagram__part">
            <label className="field__label" htmlFor="diagram-part">
              Diagram
            </label>
            <select
              id="diagram-part"
              className="field__control"
              value={part}
              onChange={(e) => {
                setPart(Number(e.target.value));
              }}
            >
              <option value={-1}>Overview by trust boundary</option>
              {set.perBoundary.map((b, i) => (
                <option key={`${b.boundaryId ?? 'outside'}-${String(b.part)}`} value={i}>
                  {b.parts > 1
                    ? `${b.title} (part ${String(b.part)} of ${String(b.parts)})`
                    : b.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <DiagramExport className="model-diagram__export" svg={svg} title={model.title} />
      </div>
      {model.elements.length === 0 ? (
        <p className="text-muted">The diagram appears as you add elements.</p>
      ) : (
        <MermaidDiagram
          text={diagram.text}
          label={label}
          theme={theme === 'dark' ? 'dark' : 'light'}
          selectedNodeId={selectedNode}
          onNodeClick={(node) => {
            const id = diagram.nodes.get(node);
            if (id !== undefined) onSelect(id);
          }}
          onRender={(outcome) => {
            setSvg(outcome.ok ? outcome.svg : null);
          }}
        />
      )}
    </section>
  );
}
