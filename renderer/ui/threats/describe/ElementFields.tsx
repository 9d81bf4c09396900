import type { Element } from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { FactFields } from './FactFields';
import { FlowEnds } from './FlowEnds';
import { MemberPicker } from './MemberPicker';

type ElementFieldsProps = {
  readonly model: ThreatModelRecord;
  readonly draft: Element;
  readonly onChange: (draft: Element) => void;
};

/** The fields every element has, then those of its kind. */
export function ElementFields({ model, draft, onChange }: ElementFieldsProps) {
  const patch = (p: Partial<Element>): void => {
    onChange({ ...draft, ...p } as Element);
  };
  const others = model.elements.filter((e) => e.id !== draft.id);
  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor="element-name">
          Name
        </label>
        <input
          id="element-name"
          className="field__control"
          value={draft.name}
          required
          onChange={(e) => {
            patch({ name: e.target.value });
          }}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="element-description">
          Description
        </label>
        <textarea
          id="element-description"
          className="field__control"
          rows={2}
          value={draft.description}
          onChange={(e) => {
            patch({ description: e.target.value });
          }}
        />
      </div>
      {draft.kind === 'data-flow' && (
        <FlowEnds
          flow={draft}
          nodes={others.filter((e) => e.kind !== 'data-flow' && e.kind !== 'trust-boundary')}
          onChange={onChange}
        />
      )}
      {draft.kind === 'trust-boundary' ? (
        <MemberPicker
          legend="Contains"
          options={others.filter((e) => e.kind !== 'data-flow')}
          chosen={draft.contains}
          onChange={(contains) => {
            onChange({ ...draft, contains });
          }}
        />
      ) : (
        <FactFields element={draft} onChange={onChange} />
      )}
      {(draft.kind === 'process' || draft.kind === 'data-store') && (
        <MemberPicker
          legend="Assets it holds or handles"
          options={model.assets}
          chosen={draft.assets}
          onChange={(assets) => {
            onChange({ ...draft, assets });
          }}
        />
      )}
      {draft.kind === 'data-flow' && (
        <MemberPicker
          legend="Also crosses trust boundaries"
          options={others.filter((e) => e.kind === 'trust-boundary')}
          chosen={draft.crossesBoundaries}
          onChange={(crossesBoundaries) => {
            onChange({ ...draft, crossesBoundaries });
          }}
        />
      )}
      {draft.kind === 'data-flow' && (
        <MemberPicker
          legend="Data carried"
          options={model.assets}
          chosen={draft.dataCarried}
          onChange={(dataCarried) => {
            onChange({ ...draft, dataCarried });
          }}
        />
      )}
      <label className="checkbox-row">
        <input
          type="checkbox"
          checked={draft.outOfScope}
          onChange={(e) => {
            patch({ outOfScope: e.target.checked });
          }}
        />
        Out of scope (stays on the diagram, gets no threats)
      </label>
      {draft.outOfScope && (
        <div className="field">
          <label className="field__label" htmlFor="element-oos-reason">
            Why it is out of scope
          </label>
          <input
            id="element-oos-reason"
            className="field__control"
            value={draft.outOfScopeReason}
            onChange={(e) => {
              patch({ outOfScopeReason: e.target.value });
            }}
          />
        </div>
      )}
    </>
  );
}
