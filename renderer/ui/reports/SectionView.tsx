import {
  barColour,
  chartFigures,
  SECTION_QUESTIONS,
  SECTION_TITLES,
  shortLabel,
  type Block,
  type Figure,
  type Posture,
  type SectionId,
} from '../../../core/posture';
import { BarChart, barItems } from './BarChart';
import { FigureTable } from './FigureTable';
import { RegimeTable } from './RegimeTable';
import { RiskMatrix } from './RiskMatrix';
import { TrendChart } from './TrendChart';

type Props = {
  readonly section: SectionId;
  readonly blocks: readonly Block[];
  readonly posture: Posture;
  readonly onDrill: (figure: Figure) => void;
};

function BlockChart({
  block,
  posture,
  onDrill,
}: {
  readonly block: Block;
  readonly posture: Posture;
  readonly onDrill: (f: Figure) => void;
}) {
  const spec = block.chart;
  if (!spec) return null;
  switch (spec.kind) {
    case 'bars': {
      const figures = chartFigures(block);
      if (figures.every((f) => f.value === null)) return null;
      return (
        <BarChart
          title={spec.title}
          items={barItems(
            figures,
            shortLabel,
            spec.colours === 'severity' ? (f) => barColour(f.key) : undefined,
          )}
        />
      );
    }
    case 'trend':
      return <TrendChart trend={posture.trend} />;
    case 'matrix':
      return <RiskMatrix figures={block.figures} onDrill={onDrill} />;
    case 'regimes':
      return <RegimeTable posture={posture} onDrill={onDrill} />;
  }
}

/** One question of the report: its blocks, each a chart where one helps and the figures. */
export function SectionView({ section, blocks, posture, onDrill }: Props) {
  const headingId = `posture-section-${section}`;
  return (
    <section className="posture-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="posture-section__title">
        {SECTION_TITLES[section]}
      </h2>
      <p className="posture-section__question">{SECTION_QUESTIONS[section]}</p>
      {blocks.map((b) => (
        <div key={b.title} className="posture-block">
          <h3 className="posture-block__title">{b.title}</h3>
          <div
            className={
              b.chart && b.chart.kind !== 'regimes' && b.chart.kind !== 'matrix'
                ? 'posture-block__body posture-block__body--split'
                : 'posture-block__body'
            }
          >
            <BlockChart block={b} posture={posture} onDrill={onDrill} />
            {b.chart?.kind !== 'regimes' && b.chart?.kind !== 'matrix' && (
              <FigureTable figures={b.figures} caption={b.title} onDrill={onDrill} />
            )}
          </div>
        </div>
      ))}
    </section>
  );
}
