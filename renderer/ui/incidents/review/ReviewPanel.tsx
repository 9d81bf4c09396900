import type { Incident } from '../../../../core/incidents';
import type { MakeChange } from '../use-room';

/** Work in progress. */
export function ReviewPanel(_: { readonly incident: Incident; readonly commit?: (make: MakeChange) => Promise<unknown>; readonly incidentId?: string }) {
  return <p>ReviewPanel</p>;
}
