import { changeOf, changeText, formatValue, type Figure } from '../../../core/posture';

/**
 * A block's figures: label (a button that opens the records behind it), this period, the
 * comparison, the change in words, and the definition under the label.
 */
export function FigureTable({
  figures,
  caption,
  onDrill,
}: {
  readonly figures: readonly Figure[];
  readonly caption: string;
  readonly onDrill: (figure: Figure) => void;
}) {
  return (
    <table className="posture-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col" className="posture-table__num">
            This period
          </th>
          <th scope="col" className="posture-table__num">
            Before
          </th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.id}>
            <th scope="row">
              <button
                type="button"
                className="posture-table__drill"
                onClick={() => {
                  onDrill(f);
                }}
              >
                {f.label}
              </button>
              <span className="posture-table__definition">{f.definition}</span>
            </th>
            <td className="posture-table__num posture-table__value">
              {formatValue(f.value, f.unit)}
            </td>
            <td className="posture-table__num">{formatValue(f.previous, f.unit)}</td>
            <td className={`posture-change posture-change--${changeOf(f).tone}`}>
              {changeText(f)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
