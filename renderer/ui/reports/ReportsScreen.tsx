import { useRef, useState } from 'react';
import { comparisonLabel, formatDay, outline, type Figure } from '../../../core/posture';
import type { IsoDate, IsoTimestamp } from '../../../core/shared/brand';
import { usePostureRecords, usePostureSnapshots } from '../../storage/hooks-posture';
import { useFirstRender } from '../lib/first-render';
import { useToday } from '../lib/use-today';
import { DrillPanel } from './DrillPanel';
import { HeadlineCards } from './HeadlineCards';
import { PeriodBar } from './PeriodBar';
import { offeredPeriods, periodOfChoice, type PeriodChoice } from './period-choice';
import { ReportActions } from './ReportActions';
import { SectionView } from './SectionView';
import { usePosture } from './use-posture';

/**
 * The posture dashboard: a period and what it is compared with, the headline figures, one
 * section per board question, and the records behind any figure in a side panel.
 */
export function ReportsScreen() {
  const today = useToday();
  const records = usePostureRecords();
  const snapshots = usePostureSnapshots();
  const [choice, setChoice] = useState<PeriodChoice>(() => ({
    kind: 'quarter',
    from: offeredPeriods('quarter', today)[0]?.from ?? today,
  }));
  const [compareWith, setCompareWith] = useState('');
  const [drill, setDrill] = useState<string | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  // The end of today stands for "now": figures stay put while the screen is open and move
  // on with the calendar day (a period that ends earlier is read at its own end).
  const now = `${today}T23:59:59.999Z` as IsoTimestamp;
  const chosen = periodOfChoice(choice);
  const period = chosen.ok ? chosen.period : null;
  const snapshot = snapshots?.find((s) => s.id === compareWith) ?? null;
  const posture = usePosture(records, period, snapshot, now);
  useFirstRender(posture !== null);

  const open = (f: Figure) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDrill(f.id);
  };
  const close = () => {
    setDrill(null);
    opener.current?.focus();
  };
  const drilled = posture?.figures.find((f) => f.id === drill) ?? null;

  return (
    <div className={`posture${drilled ? ' posture--drilling' : ''}`}>
      <div className="posture__main">
        <header className="posture__header">
          <h1 className="posture__title">Security posture</h1>
          <PeriodBar
            choice={choice}
            onChoice={setChoice}
            today={today}
            error={chosen.ok ? null : chosen.reason}
            snapshots={snapshots ?? []}
            compareWith={compareWith}
            onCompareWith={setCompareWith}
          />
        </header>
        {posture === null ? (
          chosen.ok && <p role="status">Computing the figures…</p>
        ) : (
          <>
            <div className="posture__summary">
              <p className="posture__lead">
                {comparisonLabel(posture)}. Figures as of{' '}
                {formatDay(posture.asOf.slice(0, 10) as IsoDate)}. Live incidents only: exercises
                are never counted. Choose any figure to see the records behind it.
              </p>
              <ReportActions posture={posture} />
            </div>
            <h2 className="visually-hidden">Headline figures</h2>
            <HeadlineCards figures={posture.figures.filter((f) => f.headline)} onDrill={open} />
            {outline(posture).map(({ section, blocks }) => (
              <SectionView
                key={section}
                section={section}
                blocks={blocks}
                posture={posture}
                onDrill={open}
              />
            ))}
          </>
        )}
      </div>
      {drilled && <DrillPanel figure={drilled} onClose={close} />}
    </div>
  );
}
