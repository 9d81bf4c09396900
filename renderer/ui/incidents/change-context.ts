import type { JsonValue, TimelineDraft } from '../../../core/incidents';

// Every action of the room as a pure change of the incident plus the timeline entries
// that record it. They run inside the storage transaction (commitIncident), on the
// incident as stored at that moment, so two windows never overwrite each other's step.

/** Who acts, at what incident time (simulated in an exercise), written at what wall time. */
export type Actx = { readonly at: number; readonly recordedAt: number; readonly actor: string };

/** A timeline draft stamped with the action's time and actor. */
export function entry(
  ctx: Actx,
  kind: string,
  text: string,
  data: JsonValue = null,
  at = ctx.at,
): TimelineDraft {
  return { at, recordedAt: ctx.recordedAt, actor: ctx.actor, kind, text, data };
}
