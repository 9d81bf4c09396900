import { useState } from 'react';
import {
  periodLabel,
  postureHtmlReport,
  postureMarkdownReport,
  takeSnapshot,
  type Posture,
} from '../../../core/posture';
import type { IsoTimestamp } from '../../../core/shared/brand';
import { getPlatform } from '../../platform';
import { getDatabase } from '../../storage';
import { savePostureSnapshot } from '../../storage/posture';
import { Icon } from '../components/Icon';
import { useToasts } from '../state/toast-context';

type Export = 'pdf' | 'html' | 'markdown';

/** A file name for the period: `posture-q3-2026`. */
export function reportStem(posture: Posture): string {
  return `posture-${periodLabel(posture.period)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/** Keep a snapshot of the figures; export the board report as PDF, HTML or Markdown. */
export function ReportActions({ posture }: { readonly posture: Posture }) {
  const { notify } = useToasts();
  const [busy, setBusy] = useState<Export | 'snapshot' | null>(null);

  const keep = async () => {
    setBusy('snapshot');
    try {
      const now = new Date().toISOString() as IsoTimestamp;
      await savePostureSnapshot(getDatabase(), takeSnapshot(posture, crypto.randomUUID(), now));
      notify({
        message: `Snapshot of ${periodLabel(posture.period)} kept: next period's report can compare with it.`,
        tone: 'success',
      });
    } catch (e) {
      notify({
        message: e instanceof Error ? e.message : 'The snapshot could not be kept.',
        tone: 'error',
      });
    } finally {
      setBusy(null);
    }
  };

  const exportAs = async (kind: Export) => {
    setBusy(kind);
    const platform = getPlatform();
    const generatedAt = new Date().toISOString();
    const stem = reportStem(posture);
    try {
      const r =
        kind === 'pdf'
          ? await platform.printToPdf({
              suggestedName: `${stem}.pdf`,
              html: postureHtmlReport(posture, { generatedAt }),
            })
          : kind === 'html'
            ? await platform.saveFile({
                suggestedName: `${stem}.html`,
                content: postureHtmlReport(posture, { generatedAt }),
                mimeType: 'text/html',
                filters: [{ name: 'HTML', extensions: ['html'] }],
              })
            : await platform.saveFile({
                suggestedName: `${stem}.md`,
                content: postureMarkdownReport(posture, { generatedAt }),
                mimeType: 'text/markdown',
                filters: [{ name: 'Markdown', extensions: ['md'] }],
              });
      if (r.saved) notify({ message: `Saved ${r.fileName}.`, tone: 'success' });
    } catch (e) {
      notify({
        message: e instanceof Error ? e.message : 'The report could not be exported.',
        tone: 'error',
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="posture-actions" role="group" aria-label="Report actions">
      <button
        type="button"
        className="button button--secondary"
        disabled={busy !== null}
        onClick={() => void keep()}
      >
        Keep snapshot
      </button>
      <button
        type="button"
        className="button button--primary"
        disabled={busy !== null}
        onClick={() => void exportAs('pdf')}
      >
        <Icon name="download" />
        Export PDF
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy !== null}
        onClick={() => void exportAs('html')}
      >
        Export HTML
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy !== null}
        onClick={() => void exportAs('markdown')}
      >
        Export Markdown
      </button>
    </div>
  );
}
