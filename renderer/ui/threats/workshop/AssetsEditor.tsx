import { useState } from 'react';
import {
  SENSITIVITIES,
  type Asset,
  type AssetId,
  type AssetSensitivity,
} from '../../../../core/threats';
import { Icon } from '../../components/Icon';
import { valueLabel } from '../labels';

type AssetsEditorProps = {
  readonly assets: readonly Asset[];
  readonly onChange: (assets: readonly Asset[]) => void;
};

// Asset ids must satisfy core's ID_PATTERN; a short random suffix keeps them unique.
const newAssetId = (): AssetId => `asset-${crypto.randomUUID().slice(0, 8)}` as AssetId;

/** The data worth protecting, each with its sensitivity. */
export function AssetsEditor({ assets, onChange }: AssetsEditorProps) {
  const [name, setName] = useState('');
  const [sensitivity, setSensitivity] = useState<AssetSensitivity>('confidential');
  const set = (id: AssetId, patch: Partial<Asset>): void => {
    onChange(assets.map((a) => (a.id === id ? { ...a, ...patch } : a)));
  };
  return (
    <fieldset className="scope__column assets">
      <legend className="field__label">Assets</legend>
      {assets.length === 0 ? (
        <p className="text-muted">No assets yet: name the data this API handles.</p>
      ) : (
        <ul className="assets__list">
          {assets.map((a) => (
            <li key={a.id} className="assets__item">
              <input
                className="field__control"
                aria-label="Asset name"
                value={a.name}
                onChange={(e) => {
                  set(a.id, { name: e.target.value });
                }}
              />
              <select
                className="field__control"
                aria-label={`Sensitivity of ${a.name}`}
                value={a.sensitivity}
                onChange={(e) => {
                  set(a.id, { sensitivity: e.target.value as AssetSensitivity });
                }}
              >
                {SENSITIVITIES.map((s) => (
                  <option key={s} value={s}>
                    {valueLabel(s)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove asset ${a.name}`}
                onClick={() => {
                  onChange(assets.filter((x) => x.id !== a.id));
                }}
              >
                <Icon name="x" />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="assets__add">
        <input
          className="field__control"
          aria-label="New asset name"
          placeholder="For example: card numbers"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
          }}
        />
        <select
          className="field__control"
          aria-label="New asset sensitivity"
          value={sensitivity}
          onChange={(e) => {
            setSensitivity(e.target.value as AssetSensitivity);
          }}
        >
          {SENSITIVITIES.map((s) => (
            <option key={s} value={s}>
              {valueLabel(s)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--secondary"
          disabled={name.trim() === ''}
          onClick={() => {
            onChange([
              ...assets,
              {
                id: newAssetId(),
                name: name.trim(),
                description: '',
                sensitivity,
                dataClasses: [],
              },
            ]);
            setName('');
          }}
        >
          Add asset
        </button>
      </div>
    </fieldset>
  );
}
