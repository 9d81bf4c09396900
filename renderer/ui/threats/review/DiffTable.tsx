import type { ModelDiff } from '../../../../core/threats';
import { SEVERITY_LABELS } from '../labels';

type Line = {
  readonly key: string;
  readonly what: string;
  readonly before: string;
  readonly after: string;
};

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  // JSON.stringify gives undefined for undefined, whatever its declared type says.
  return v === undefined ? '' : JSON.stringify(v);
}

/** The differences as rows: what, before, after. */
function lines(diff: ModelDiff): Line[] {
  const out: Line[] = [];
  const delta = <T,>(
    label: string,
    d: {
      added: readonly T[];
      removed: readonly T[];
      changed: readonly {
        id: string;
        changes: readonly { field: string; before: unknown; after: unknown }[];
      }[];
    },
    name: (t: T) => string,
  ) => {
    d.added.forEach((t, i) =>
      out.push({
        key: `${label}+${String(i)}`,
        what: `${label} added`,
        before: '',
        after: name(t),
      }),
    );
    d.removed.forEach((t, i) =>
      out.push({
        key: `${label}-${String(i)}`,
        what: `${label} removed`,
        before: name(t),
        after: '',
      }),
    );
    for (const c of d.changed)
      for (const f of c.changes)
        out.push({
          key: `${label}~${c.id}.${f.field}`,
          what: `${label} ${c.id}: ${f.field}`,
          before: show(f.before),
          after: show(f.after),
        });
  };
  delta('Element', diff.elements, (e) => e.name);
  delta('Asset', diff.assets, (a) => a.name);
  delta('Threat', diff.threats, (t) => `${t.title} (${t.elementName})`);
  for (const r of diff.ratings)
    out.push({
      key: `rating-${r.threatId}`,
      what: `Rating: ${r.title} (${r.elementName})`,
      before: `${String(r.before.likelihood)}×${String(r.before.impact)} ${SEVERITY_LABELS[r.before.severity]}`,
      after: `${String(r.after.likelihood)}×${String(r.after.impact)} ${SEVERITY_LABELS[r.after.severity]}`,
    });
  delta('Mitigation', diff.mitigations, (m) => `${m.title} (${m.status})`);
  return out;
}

// Past this many rows the table shows the first ones and says how many more there are.
const MAX_ROWS = 500;

/** Side by side: before on the left, after on the right. */
export function DiffTable({ diff }: { readonly diff: ModelDiff }) {
  const all = lines(diff);
  return (
    <>
      <table className="diff-table">
        <caption className="visually-hidden">Differences between the versions</caption>
        <thead>
          <tr>
            <th scope="col">Change</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {all.slice(0, MAX_ROWS).map((l) => (
            <tr key={l.key}>
              <th scope="row" className="break-anywhere">
                {l.what}
              </th>
              <td className="break-anywhere diff-table__before">{l.before}</td>
              <td className="break-anywhere diff-table__after">{l.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {all.length > MAX_ROWS && (
        <p className="text-muted">…and {all.length - MAX_ROWS} more changes.</p>
      )}
    </>
  );
}
