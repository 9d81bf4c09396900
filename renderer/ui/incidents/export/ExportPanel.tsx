import type { Incident } from '../../../../core/incidents';
import type { MakeChange } from '../use-room';

/** Work in progress. */
export function ExportPanel(_: { readonly incident: Incident; readonly commit?: (make: MakeChange) => Promise<unknown>; readonly incidentId?: string }) {
  return <p>ExportPanel</p>;
}
