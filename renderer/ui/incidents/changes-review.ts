// The post-incident review's change.
import type { Incident, PostIncidentReview } from '../../../core/incidents';
import type { IncidentChange } from '../../storage/incidents';
import { entry, type Actx } from './change-context';

/** Saves the post-incident review (the timeline records who saved it and when). */
export function saveReview(ctx: Actx, review: PostIncidentReview) {
  return (incident: Incident): IncidentChange => ({
    incident: { ...incident, review },
    entries: [
      entry(
        ctx,
        'pir-updated',
        `Post-incident review ${incident.review ? 'updated' : 'saved'} (${String(review.actionItems.length)} action items)`,
        { actionItems: review.actionItems.length },
      ),
    ],
  });
}
