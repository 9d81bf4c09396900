import { useState } from 'react';
import type { ActionItem, Incident } from '../../../../core/incidents';
import { draftReview, incidentMetrics } from '../../../../core/incidents';
import { getDatabase, useApis } from '../../../storage';
import { readTimeline } from '../../../storage/incidents';
import { useProblems } from '../../state/problem-context';
import { useToasts } from '../../state/toast-context';
import { saveReview } from '../changes';
import { useIncidentClock } from '../clock-context';
import { formatDurationMs } from '../time-format';
import { useDraft } from '../use-draft';
import type { MakeChange } from '../use-room';
import { ActionItemRow } from './ActionItemRow';
import { formOf, newActionItem, parseForm, reviewOf, type ReviewForm } from './review-form';

type PanelProps = {
  readonly incident: Incident;
  readonly commit: (make: MakeChange) => Promise<unknown>;
};

const METRIC_LABELS = [
  ['timeToDetectMs', 'Time to detect'],
  ['timeToAcknowledgeMs', 'Time to acknowledge'],
  ['timeToContainMs', 'Time to contain'],
  ['timeToResolveMs', 'Time to resolve'],
] as const;

/**
 * The post-incident review: drafted from the timeline (summary, impact, timeline, the four
 * times), then root cause with five whys, contributing factors, what went well and action
 * items. What is typed is kept as a draft until saved, so a reload loses nothing; an
 * action item can become a threat or mitigation in the affected API's threat model.
 */
export function ReviewPanel({ incident, commit }: PanelProps) {
  const clock = useIncidentClock();
  const apis = useApis();
  const { reportError } = useProblems();
  const { notify } = useToasts();
  const draft = useDraft<ReviewForm | null>(`review:${incident.id}`, null, parseForm);
  const form = draft.value ?? formOf(incident.review);
  const metrics = incidentMetrics(incident);
  const [drafting, setDrafting] = useState(false);
  const edit = (patch: Partial<ReviewForm>): void => {
    draft.set({ ...form, ...patch });
  };

  const fromTimeline = async (): Promise<void> => {
    setDrafting(true);
    try {
      const entries = await readTimeline(getDatabase(), incident.id);
      const drafted = draftReview(incident, entries, {
        now: clock.now(),
        by: incident.declaredBy,
        apis: apis ?? [],
      });
      edit({
        summary: form.summary || drafted.summary,
        impact: form.impact || drafted.impact,
        timelineSummary: drafted.timelineSummary,
      });
    } catch (e) {
      reportError(e);
    } finally {
      setDrafting(false);
    }
  };

  const save = (): void => {
    void commit((ctx) => saveReview(ctx, reviewOf(form, metrics, ctx.actor, ctx.at))).then((r) => {
      if (r === null) return;
      draft.clear();
      notify({ message: 'Review saved.', tone: 'success' });
    });
  };

  const setItem = (index: number, item: ActionItem): void => {
    edit({ actionItems: form.actionItems.map((a, i) => (i === index ? item : a)) });
  };

  return (
    <form
      className="room-review"
      aria-labelledby="review-title"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="room-review__bar">
        <h3 id="review-title" className="room-section__title">
          Post-incident review
        </h3>
        <button
          type="button"
          className="button button--secondary"
          disabled={drafting}
          onClick={() => void fromTimeline()}
        >
          Draft from the timeline
        </button>
        <button type="submit" className="button button--primary">
          Save review
        </button>
        <span className="text-muted" role="status">
          {draft.state === 'pending'
            ? 'Saving draft…'
            : draft.value !== null
              ? 'Unsaved changes kept as a draft'
              : incident.review
                ? `Saved by ${incident.review.updatedBy}`
                : ''}
        </span>
      </div>
      <dl className="room-review__metrics" aria-label="Metrics from the timeline">
        {METRIC_LABELS.map(([key, label]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd>{metrics[key] === null ? 'not known' : formatDurationMs(metrics[key])}</dd>
          </div>
        ))}
      </dl>
      <div className="room-section room-form room-form--stack">
        <TextArea
          label="Summary"
          value={form.summary}
          onChange={(v) => {
            edit({ summary: v });
          }}
        />
        <TextArea
          label="Impact"
          value={form.impact}
          onChange={(v) => {
            edit({ impact: v });
          }}
        />
        <TextArea
          label="Timeline summary"
          rows={6}
          value={form.timelineSummary}
          onChange={(v) => {
            edit({ timelineSummary: v });
          }}
        />
        <TextArea
          label="Root cause"
          value={form.rootCause}
          onChange={(v) => {
            edit({ rootCause: v });
          }}
        />
        <fieldset className="five-whys">
          <legend className="field__label">Five whys</legend>
          {form.fiveWhys.map((why, i) => (
            <label key={i} className="room-form__field">
              <span>{`Why ${String(i + 1)}?`}</span>
              <input
                className="field__control"
                value={why}
                onChange={(e) => {
                  edit({ fiveWhys: form.fiveWhys.map((w, j) => (j === i ? e.target.value : w)) });
                }}
              />
            </label>
          ))}
        </fieldset>
        <TextArea
          label="Contributing factors (one per line)"
          value={form.contributingFactors}
          onChange={(v) => {
            edit({ contributingFactors: v });
          }}
        />
        <TextArea
          label="What went well (one per line)"
          value={form.wentWell}
          onChange={(v) => {
            edit({ wentWell: v });
          }}
        />
      </div>
      <section className="room-section" aria-labelledby="actions-title">
        <h4 id="actions-title" className="room-section__title">
          Action items
        </h4>
        <ul className="action-items">
          {form.actionItems.map((item, i) => (
            <ActionItemRow
              key={item.id}
              index={i}
              item={item}
              incident={incident}
              commit={commit}
              onChange={(next) => {
                setItem(i, next);
              }}
            />
          ))}
        </ul>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            edit({ actionItems: [...form.actionItems, newActionItem(crypto.randomUUID())] });
          }}
        >
          Add action item
        </button>
      </section>
    </form>
  );
}

function TextArea({
  label,
  value,
  onChange,
  rows = 3,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly rows?: number;
}) {
  return (
    <label className="room-form__field">
      <span>{label}</span>
      <textarea
        className="field__control"
        rows={rows}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
    </label>
  );
}
