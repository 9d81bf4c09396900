import {
  bundleToJson,
  createBundle,
  incidentReportHtml,
  incidentReportMarkdown,
  verifyChain,
  type Incident,
} from '../../../../core/incidents';
import type { Platform } from '../../../platform/types';
import { getDatabase, listApis } from '../../../storage';
import { listEvidence, readTimeline } from '../../../storage/incidents';
import { fileStem } from './file-stem';

/** What an export writes. */
export type IncidentExportKind = 'markdown' | 'html' | 'pdf' | 'bundle';

/**
 * Writes one export of an incident through the platform (save dialog, download, or the
 * shell's print-to-PDF as the threat reports do). The timeline and evidence are read in
 * full from storage so an export always carries the whole chain; the chain is verified
 * once and the verdict goes into the report. Resolves the saved file name, or null when
 * the person cancelled.
 */
export async function exportIncident(
  platform: Platform,
  incident: Incident,
  kind: IncidentExportKind,
  options: { readonly now: number; readonly appVersion: string; readonly by: string },
): Promise<string | null> {
  const db = getDatabase();
  const [timeline, evidence, apis] = await Promise.all([
    readTimeline(db, incident.id),
    listEvidence(db, incident.id),
    listApis(db),
  ]);
  const stem = `${incident.mode === 'exercise' ? 'exercise-' : ''}${fileStem(incident.title)}`;
  const save = async (
    suffix: string,
    content: string,
    mimeType: string,
    ext: string,
    name: string,
  ): Promise<string | null> => {
    const r = await platform.saveFile({
      suggestedName: `${stem}${suffix}.${ext}`,
      content,
      mimeType,
      filters: [{ name, extensions: [ext] }],
    });
    return r.saved ? r.fileName : null;
  };
  if (kind === 'bundle') {
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
  const report = {
    apis,
    generatedAt: options.now,
    verdict: verifyChain(timeline, { incidentId: incident.id }),
  };
  if (kind === 'markdown')
    return save(
      '-report',
      incidentReportMarkdown(incident, timeline, evidence, report),
      'text/markdown',
      'md',
      'Markdown',
    );
  const html = incidentReportHtml(incident, timeline, evidence, report);
  if (kind === 'html') return save('-report', html, 'text/html', 'html', 'HTML');
  const r = await platform.printToPdf({ suggestedName: `${stem}-report.pdf`, html });
  return r.saved ? r.fileName : null;
}
