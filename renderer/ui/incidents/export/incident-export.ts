import { verifyChain, type Incident } from '../../../../core/incidents';
import { bundleToJson, createBundle } from '../../../../core/incidents/bundle';
import type { Platform } from '../../../platform/types';
import { getDatabase } from '../../../storage';
import { listEvidence, readTimeline } from '../../../storage/incidents';
import { fileStem } from './file-stem';

/** What an export writes. */
export type IncidentExportKind = 'markdown' | 'html' | 'pdf' | 'bundle';

/**
 * Writes one export of an incident through the platform (save dialog or download): the
 * timeline and evidence are read in full from storage, so an export always carries the
 * whole chain. Resolves the saved file name, or null when the person cancelled.
 */
export async function exportIncident(
  platform: Platform,
  incident: Incident,
  kind: IncidentExportKind,
  options: { readonly now: number; readonly appVersion: string; readonly by: string },
): Promise<string | null> {
  const db = getDatabase();
  const [timeline, evidence] = await Promise.all([
    readTimeline(db, incident.id),
    listEvidence(db, incident.id),
  ]);
  const stem = `${incident.mode === 'exercise' ? 'exercise-' : ''}${fileStem(incident.title)}`;
  const save = async (suffix: string, content: string, mimeType: string, ext: string, name: string) => {
    const r = await platform.saveFile({
      suggestedName: `${stem}${suffix}.${ext}`,
      content,
      mimeType,
      filters: [{ name, extensions: [ext] }],
    });
    return r.saved ? r.fileName : null;
  };
  switch (kind) {
    case 'bundle': {
      const bundle = createBundle({
        incident,
        timeline,
        evidence,
        exportedAt: options.now,
        exportedBy: options.by,
        appVersion: options.appVersion,
      });
      return save('-bundle', bundleToJson(bundle), 'application/json', 'json', 'Incident bundle');
    }
    default:
      void verifyChain;
      throw new Error(`Export ${kind} is not built yet`);
  }
}
