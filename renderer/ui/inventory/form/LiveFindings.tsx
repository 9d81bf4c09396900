import { flagsOf, sensitivityOf, type ApiDraft, type IsoDate } from '../../../../core/inventory';
import { FlagList } from '../../components/FlagList';
import { SensitivityBadge } from '../../components/SensitivityBadge';
import { daysOverdue } from '../../lib/dates';
import { SENSITIVITY_HINTS } from '../../lib/labels';

type LiveFindingsProps = { readonly draft: ApiDraft; readonly today: IsoDate };

/**
 * Sensitivity and findings recomputed as the form changes, so the person sees the
 * consequence of ticking "Health data" or "None" before saving. Polite and atomic:
 * a change is read out once, as a whole.
 */
export function LiveFindings({ draft, today }: LiveFindingsProps) {
  const sensitivity = sensitivityOf(draft.dataClasses);
  const flags = flagsOf(draft, today);
  return (
    <div className="live-findings" aria-live="polite" aria-atomic="true">
      <div className="live-findings__row">
        <span className="live-findings__label">Sensitivity</span>
        <SensitivityBadge sensitivity={sensitivity} />
        <span className="live-findings__hint">{SENSITIVITY_HINTS[sensitivity]}</span>
      </div>
      <div className="live-findings__row">
        <span className="live-findings__label">Findings</span>
        <FlagList
          flags={flags}
          overdueDays={daysOverdue(draft.nextReviewDue, today)}
          emptyText="None"
        />
      </div>
    </div>
  );
}
