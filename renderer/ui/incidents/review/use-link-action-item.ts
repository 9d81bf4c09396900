import { useState } from 'react';
import { linkActionItem, type ActionItem, type Incident } from '../../../../core/incidents';
import type { IsoTimestamp } from '../../../../core/shared/brand';
import {
  validateThreatModel,
  type ElementId,
  type Stride,
  type ThreatInstanceId,
} from '../../../../core/threats';
import type { ThreatModelRecord } from '../../../../core/workspace/records';
import { getDatabase } from '../../../storage';
import { commitWithThreatModel } from '../../../storage/incidents';
import { modelOfRecord } from '../../../storage/threat-models';
import { useProblems } from '../../state/problem-context';
import { useToasts } from '../../state/toast-context';
import { entry } from '../changes';
import { useIncidentClock } from '../clock-context';
import { useActorName } from '../use-actor';
import { UNNAMED } from '../use-room';

/** Where an action item goes in the threat model. */
export type LinkTarget =
  | { readonly kind: 'threat'; readonly elementId: string; readonly stride: Stride }
  | { readonly kind: 'mitigation'; readonly threatInstanceId: string };

/**
 * Turns an action item into a threat or a mitigation (core's link helper changes the
 * model and names the incident in it), then writes the model and the incident's review
 * with the item's link in one transaction: linked both ways, or not at all.
 */
export function useLinkActionItem(incident: Incident): {
  readonly run: (
    model: ThreatModelRecord,
    item: ActionItem,
    target: LinkTarget,
  ) => Promise<ActionItem | null>;
  readonly busy: boolean;
  readonly error: string | null;
} {
  const clock = useIncidentClock();
  const [name] = useActorName();
  const { reportError } = useProblems();
  const { notify } = useToasts();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (
    record: ThreatModelRecord,
    item: ActionItem,
    target: LinkTarget,
  ): Promise<ActionItem | null> => {
    setError(null);
    const linked = linkActionItem(
      modelOfRecord(record),
      incident,
      item,
      target.kind === 'threat'
        ? { kind: 'threat', elementId: target.elementId as ElementId, stride: target.stride }
        : { kind: 'mitigation', threatId: target.threatInstanceId as ThreatInstanceId },
    );
    if (!linked.ok) {
      setError(linked.error);
      return null;
    }
    const checked = validateThreatModel(linked.model);
    if (!checked.ok) {
      setError(checked.errors[0]?.message ?? 'The threat model would not be valid.');
      return null;
    }
    const actor = name.trim() || UNNAMED;
    const at = clock.now();
    const recordedAt = Date.now();
    setBusy(true);
    try {
      await commitWithThreatModel(
        getDatabase(),
        incident.id,
        { ...checked.model, createdAt: record.createdAt, updatedAt: record.updatedAt },
        (current) => {
          const review = current.review;
          const items = review?.actionItems ?? [];
          const actionItems = items.some((a) => a.id === item.id)
            ? items.map((a) => (a.id === item.id ? linked.item : a))
            : [...items, linked.item];
          return {
            incident: {
              ...current,
              review: review
                ? { ...review, actionItems }
                : {
                    summary: '',
                    impact: '',
                    timelineSummary: '',
                    metrics: {
                      timeToDetectMs: null,
                      timeToAcknowledgeMs: null,
                      timeToContainMs: null,
                      timeToResolveMs: null,
                    },
                    rootCause: '',
                    fiveWhys: [],
                    contributingFactors: [],
                    wentWell: [],
                    actionItems,
                    updatedAt: at,
                    updatedBy: actor,
                  },
            },
            entries: [
              entry(
                { at, recordedAt, actor },
                'action-item-linked',
                `Action item “${item.title}” added to threat model “${record.title}” as ${target.kind === 'threat' ? 'a threat' : 'a mitigation'}`,
                {
                  actionItemId: item.id,
                  threatModelId: record.id,
                  threatId: linked.item.link?.threatId ?? null,
                  mitigationId: linked.item.link?.mitigationId ?? null,
                },
              ),
            ],
          };
        },
        recordedAt,
        new Date(recordedAt).toISOString() as IsoTimestamp,
      );
      notify({ message: `Added to “${record.title}”.`, tone: 'success' });
      return linked.item;
    } catch (e) {
      reportError(e);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error };
}
