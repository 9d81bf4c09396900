import type { ImprovementItem } from '../../../core/exercises/exercise';
import type { ActionItem, ActionItemId, Incident } from '../../../core/incidents/types';
import { isIsoDate } from '../../../core/shared/brand';
import type { IncidentChange } from '../../storage/incidents';
import { entry, type Actx } from '../incidents/changes';

/**
 * Puts an improvement item into the exercise incident's post-incident review as an action
 * item (same id), so the room's review can turn it into a threat or a mitigation in a
 * threat model with the incident link helper, linked both ways. Null when the review is
 * not drafted yet or the item is already there.
 */
export function improvementToActionItem(ctx: Actx, item: ImprovementItem) {
  return (incident: Incident): IncidentChange | null => {
    const review = incident.review;
    if (!review || review.actionItems.some((a) => a.id === item.id)) return null;
    const action: ActionItem = {
      id: item.id as ActionItemId,
      title: item.correctiveAction || item.observation,
      owner: item.owner,
      due: isIsoDate(item.due) ? item.due : null,
      status: 'open',
    };
    return {
      incident: {
        ...incident,
        review: {
          ...review,
          actionItems: [...review.actionItems, action],
          updatedAt: ctx.at,
          updatedBy: ctx.actor,
        },
      },
      entries: [
        entry(
          ctx,
          'action-item-added',
          `Action item from the exercise's improvement plan: ${action.title}`,
          {
            actionItemId: item.id,
            source: 'exercise-improvement-plan',
          },
        ),
      ],
    };
  };
}
