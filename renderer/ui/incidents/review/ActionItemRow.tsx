import { useState } from 'react';
import type { ActionItem, Incident } from '../../../../core/incidents';
import { STRIDE, STRIDE_NAMES, type Stride } from '../../../../core/threats/vocabulary';
import { useThreatModels } from '../../../storage/hooks-threats';
import { useRouter } from '../../state/router-context';
import type { MakeChange } from '../use-room';
import { dueOf } from './review-form';
import { useLinkActionItem, type LinkTarget } from './use-link-action-item';

type RowProps = {
  readonly index: number;
  readonly item: ActionItem;
  readonly incident: Incident;
  readonly commit: (make: MakeChange) => Promise<unknown>;
  readonly onChange: (item: ActionItem) => void;
};

/**
 * One action item: what, who, by when, done. It can become a threat (or a mitigation of an
 * existing threat) in a threat model of the affected APIs; the threat then names the
 * incident and the action item, and the item links to the threat.
 */
export function ActionItemRow({ index, item, incident, onChange }: RowProps) {
  const models = useThreatModels();
  const { navigate } = useRouter();
  const link = useLinkActionItem(incident);
  const affected = (models ?? []).filter((m) => m.apiIds.some((a) => incident.apiIds.includes(a)));
  const [modelId, setModelId] = useState('');
  const [target, setTarget] = useState('');
  const [stride, setStride] = useState<Stride>('I');
  const model = affected.find((m) => m.id === modelId) ?? affected[0];
  const label = `Action item ${String(index + 1)}`;
  const choice = target || (model?.elements[0] ? `element:${model.elements[0].id}` : '');
  return (
    <li className="action-item" aria-label={label}>
      <div className="room-form">
        <label className="room-form__field room-form__field--wide">
          <span>{`${label}: what`}</span>
          <input
            className="field__control"
            value={item.title}
            onChange={(e) => {
              onChange({ ...item, title: e.target.value });
            }}
          />
        </label>
        <label className="room-form__field">
          <span>Owner</span>
          <input
            className="field__control"
            value={item.owner}
            onChange={(e) => {
              onChange({ ...item, owner: e.target.value });
            }}
          />
        </label>
        <label className="room-form__field">
          <span>Due</span>
          <input
            type="date"
            className="field__control"
            value={item.due ?? ''}
            onChange={(e) => {
              onChange({ ...item, due: dueOf(e.target.value) });
            }}
          />
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={item.status === 'done'}
            onChange={(e) => {
              onChange({ ...item, status: e.target.checked ? 'done' : 'open' });
            }}
          />
          Done
        </label>
      </div>
      {item.link ? (
        <p className="action-item__link">
          Linked to{' '}
          <a
            href={`#/threats/model/${encodeURIComponent(item.link.threatModelId)}/mitigate`}
            onClick={(e) => {
              e.preventDefault();
              navigate({
                area: 'threats',
                view: { kind: 'model', id: item.link?.threatModelId as never, step: 'mitigate' },
              });
            }}
          >
            {item.link.mitigationId ? 'a mitigation' : 'a threat'} in “
            {models?.find((m) => m.id === item.link?.threatModelId)?.title ??
              item.link.threatModelId}
            ”
          </a>
        </p>
      ) : affected.length === 0 ? (
        <p className="text-muted">
          No threat model covers the affected APIs yet; create one to link this item to a threat.
        </p>
      ) : (
        <div className="room-form">
          <label className="room-form__field">
            <span>Threat model</span>
            <select
              className="field__control"
              value={model?.id ?? ''}
              onChange={(e) => {
                setModelId(e.target.value);
                setTarget('');
              }}
            >
              {affected.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.title}
                </option>
              ))}
            </select>
          </label>
          <label className="room-form__field room-form__field--wide">
            <span>Becomes</span>
            <select
              className="field__control"
              value={choice}
              onChange={(e) => {
                setTarget(e.target.value);
              }}
            >
              {model?.elements.map((el) => (
                <option key={`e-${el.id}`} value={`element:${el.id}`}>
                  A new threat on {el.name}
                </option>
              ))}
              {model?.threats.instances.map((t) => (
                <option key={`t-${t.id}`} value={`threat:${t.id}`}>
                  A mitigation of “
                  {model.threats.catalogue.find((c) => c.id === t.threatId)?.title ?? t.threatId}”
                </option>
              ))}
            </select>
          </label>
          {choice.startsWith('element:') && (
            <label className="room-form__field">
              <span>STRIDE</span>
              <select
                className="field__control"
                value={stride}
                onChange={(e) => {
                  setStride(e.target.value as Stride);
                }}
              >
                {STRIDE.map((s) => (
                  <option key={s} value={s}>
                    {STRIDE_NAMES[s]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="button button--secondary"
            disabled={!model || choice === '' || item.title.trim() === '' || link.busy}
            onClick={() => {
              if (!model) return;
              const [kind, id] = choice.split(/:(.*)/s) as [string, string];
              const to: LinkTarget =
                kind === 'threat'
                  ? { kind: 'mitigation', threatInstanceId: id }
                  : { kind: 'threat', elementId: id, stride };
              void link.run(model, item, to).then((linked) => {
                if (linked) onChange(linked);
              });
            }}
          >
            Add to threat model
          </button>
          {link.error && (
            <p className="field__error" role="alert">
              {link.error}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
