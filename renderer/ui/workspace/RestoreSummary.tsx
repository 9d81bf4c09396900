import type { RestorePreview } from '../../../core/backup/format';
import { formatTimestamp } from '../lib/dates';
import { workspaceCounts } from '../lib/format';

type RestoreSummaryProps = { readonly preview: RestorePreview; readonly fileName: string };

/** The restore confirmation's text: what is replaced by what, from which backup. */
export function RestoreSummary({ preview, fileName }: RestoreSummaryProps) {
  return (
    <>
      <p>
        This will replace <strong>{workspaceCounts(preview.current)}</strong> with{' '}
        <strong>{workspaceCounts(preview.incoming)}</strong> from a backup made on{' '}
        {formatTimestamp(preview.exportedAt)} by Bulwark {preview.appVersion}.
      </p>
      <p className="text-muted break-anywhere">File: {fileName}</p>
      <p>Everything in the current workspace is removed. Back it up first if you may need it.</p>
    </>
  );
}
