import type { DataFlow, Element, ElementId } from '../../../../core/threats';

type FlowEndsProps = {
  readonly flow: DataFlow;
  readonly nodes: readonly Element[];
  readonly onChange: (flow: DataFlow) => void;
};

/** A flow's source, target and protocol. */
export function FlowEnds({ flow, nodes, onChange }: FlowEndsProps) {
  const pick = (id: string, label: string, value: ElementId, key: 'source' | 'target') => (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__control"
        value={value}
        onChange={(e) => {
          onChange({ ...flow, [key]: e.target.value as ElementId });
        }}
      >
        {!nodes.some((n) => n.id === value) && <option value={value}>Choose…</option>}
        {nodes.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="flow-ends">
      {pick('flow-source', 'From', flow.source, 'source')}
      {pick('flow-target', 'To', flow.target, 'target')}
      <div className="field">
        <label className="field__label" htmlFor="flow-protocol">
          Protocol
        </label>
        <input
          id="flow-protocol"
          className="field__control"
          value={flow.protocol}
          onChange={(e) => {
            onChange({ ...flow, protocol: e.target.value });
          }}
        />
      </div>
    </div>
  );
}
