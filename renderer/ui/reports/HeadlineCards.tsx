import { changeOf, changeText, formatValue, type Figure } from '../../../core/posture';

/** The one-page summary: each headline figure as a card that opens its records. */
export function HeadlineCards({
  figures,
  onDrill,
}: {
  readonly figures: readonly Figure[];
  readonly onDrill: (figure: Figure) => void;
}) {
  return (
    <ul className="posture-cards" aria-label="Headline figures">
      {figures.map((f) => (
        <li key={f.id}>
          <button
            type="button"
            className="posture-card"
            onClick={() => {
              onDrill(f);
            }}
          >
            <span className="posture-card__label">{f.label}</span>
            <span className="posture-card__value">{formatValue(f.value, f.unit)}</span>
            <span className={`posture-change posture-change--${changeOf(f).tone}`}>
              {changeText(f)}
              {f.previous === null ? '' : ` (was ${formatValue(f.previous, f.unit)})`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
