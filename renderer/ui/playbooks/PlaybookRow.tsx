import { formatRoute } from '../lib/route';
import { useRouter } from '../state/router-context';
import { entryFigures, type CatalogueEntry } from './catalogue';

/** One row of the catalogue; the title is a link to the playbook. */
export function PlaybookRow({ entry }: { readonly entry: CatalogueEntry }) {
  const { navigate } = useRouter();
  const figures = entryFigures(entry);
  const to = { area: 'playbooks', view: { kind: 'view', id: entry.id } } as const;
  return (
    <tr>
      <th scope="row" className="playbooks__cell-title">
        <a
          href={formatRoute(to)}
          className="list-table__link"
          onClick={(e) => {
            e.preventDefault();
            navigate(to);
          }}
        >
          {entry.title}
        </a>
        {entry.playbook === null && (
          <span className="playbooks__invalid"> (has errors: open it to fix)</span>
        )}
      </th>
      <td className="mono">{entry.version}</td>
      <td>
        <ul className="playbooks__tags" aria-label="OWASP categories">
          {figures.owasp.map((o) => (
            <li key={o} className="playbooks__tag">
              {o}
            </li>
          ))}
        </ul>
      </td>
      <td>{figures.steps}</td>
      <td className="playbooks__phases">{figures.phases.join(' → ')}</td>
      <td>
        {entry.builtin ? (
          <span className="playbooks__badge" title="Built-in playbooks are read-only">
            Built in
          </span>
        ) : (
          <span className="playbooks__badge playbooks__badge--user">Yours</span>
        )}
      </td>
    </tr>
  );
}
