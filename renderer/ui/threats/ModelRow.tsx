import { SEVERITIES } from '../../../core/threats';
import { Icon } from '../components/Icon';
import { formatRoute } from '../lib/route';
import { formatTimestamp } from '../lib/dates';
import { useRouter } from '../state/router-context';
import { SEVERITY_LABELS } from './labels';
import type { ModelSummary } from './model-summary';
import { useDeleteModel } from './use-delete-model';

type ModelRowProps = { readonly summary: ModelSummary; readonly updated: string };

/** One model in the list: its title opens the workshop. */
export function ModelRow({ summary: s, updated }: ModelRowProps) {
  const { navigate } = useRouter();
  const requestDelete = useDeleteModel();
  const to = {
    area: 'threats',
    view: { kind: 'model', id: s.id, step: 'scope' },
  } as const;
  return (
    <tr>
      <th scope="row" className="threats__cell-title">
        <a
          href={formatRoute(to)}
          className="break-anywhere"
          onClick={(e) => {
            e.preventDefault();
            navigate(to);
          }}
        >
          {s.title}
        </a>
      </th>
      <td className="break-anywhere">{s.apiNames.join(', ')}</td>
      <td className="num">{s.elements.toLocaleString('en')}</td>
      <td>
        {s.openTotal === 0 ? (
          <span className="text-muted">None</span>
        ) : (
          <ul
            className="severity-counts"
            aria-label={`${s.openTotal.toLocaleString('en')} open threats`}
          >
            {[...SEVERITIES].reverse().map((sev) =>
              s.open[sev] === 0 ? null : (
                <li key={sev} className={`severity severity--${sev}`}>
                  {s.open[sev].toLocaleString('en')} {SEVERITY_LABELS[sev].toLowerCase()}
                </li>
              ),
            )}
          </ul>
        )}
      </td>
      <td>
        {s.lastSignOff === null ? (
          <span className="text-muted">Not signed off</span>
        ) : (
          `Version ${String(s.lastSignOff.version)}, ${formatTimestamp(s.lastSignOff.at)}`
        )}
      </td>
      <td>{updated}</td>
      <td>
        <button
          type="button"
          className="icon-button"
          aria-label={`Delete threat model ${s.title}`}
          onClick={() => void requestDelete(s)}
        >
          <Icon name="trash" />
        </button>
      </td>
    </tr>
  );
}
