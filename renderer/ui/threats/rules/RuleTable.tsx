import {
  BUILTIN_RULES,
  STRIDE_NAMES,
  type RuleListing,
  type Stride,
} from '../../../../core/threats';

type RuleTableProps = {
  readonly rows: readonly RuleListing[];
  readonly disabled: readonly string[];
  readonly customIds: ReadonlySet<string>;
  readonly onToggle: (id: string, on: boolean) => void;
};

const BASELINE = new Set(BUILTIN_RULES.filter((r) => r.baseline).map((r) => r.id as string));

/** The catalogue as a table; each rule's switch, or why it has none. */
export function RuleTable({ rows, disabled, customIds, onToggle }: RuleTableProps) {
  return (
    <div className="threats__table-wrap rules__table-wrap">
      <table className="threats__table rules__table">
        <thead>
          <tr>
            <th scope="col">Enabled</th>
            <th scope="col">Id</th>
            <th scope="col">Title</th>
            <th scope="col">STRIDE</th>
            <th scope="col">OWASP</th>
            <th scope="col">CWE</th>
            <th scope="col">CAPEC</th>
            <th scope="col">Applies to</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const baseline = BASELINE.has(r.id);
            return (
              <tr key={r.id}>
                <td>
                  {customIds.has(r.id) ? (
                    <span className="text-muted">Custom</span>
                  ) : (
                    <input
                      type="checkbox"
                      aria-label={`Enable ${r.id}`}
                      aria-describedby={baseline ? 'baseline-why' : undefined}
                      checked={baseline || !disabled.includes(r.id)}
                      disabled={baseline}
                      onChange={(e) => {
                        onToggle(r.id, e.target.checked);
                      }}
                    />
                  )}
                </td>
                <th scope="row" className="mono rules__id">
                  {r.id}
                </th>
                <td className="break-anywhere">
                  {r.title}
                  {baseline && <span className="text-muted"> (baseline)</span>}
                </td>
                <td>
                  <abbr title={STRIDE_NAMES[r.stride as Stride]}>{r.stride}</abbr>
                </td>
                <td>{r.owasp ?? '–'}</td>
                <td>{r.cwe.join(', ') || '–'}</td>
                <td>{r.capec.join(', ') || '–'}</td>
                <td>{r.appliesTo.join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p id="baseline-why" className="field__hint">
        Baseline rules apply STRIDE per element (every process gets all six categories) and cannot
        be disabled: they are the floor every model is checked against.
      </p>
    </div>
  );
}
