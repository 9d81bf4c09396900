import { getPlatform } from '../../platform';
import { saveDiagramPng, saveDiagramSvg } from '../../diagrams';
import { useProblems } from '../state/problem-context';
import { useToasts } from '../state/toast-context';

type DiagramExportProps = {
  readonly svg: string | null;
  readonly title: string;
  /** Where the screen places the buttons. */
  readonly className: string;
};

/** Export the drawn diagram as SVG or PNG (enabled once it is drawn). */
export function DiagramExport({ svg, title, className }: DiagramExportProps) {
  const { notify } = useToasts();
  const { reportError } = useProblems();
  const run = async (format: 'svg' | 'png'): Promise<void> => {
    if (svg === null) return;
    try {
      const platform = getPlatform();
      const r =
        format === 'svg'
          ? await saveDiagramSvg(platform, svg, title)
          : await saveDiagramPng(platform, svg, title);
      if (r.saved) notify({ message: `Diagram saved as ${r.fileName}.`, tone: 'success' });
    } catch (e) {
      notify({ message: e instanceof Error ? e.message : String(e), tone: 'error' });
      if (!(e instanceof Error)) reportError(e);
    }
  };
  return (
    <div className={className} role="group" aria-label="Export diagram">
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={svg === null}
        onClick={() => void run('svg')}
      >
        Export SVG
      </button>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={svg === null}
        onClick={() => void run('png')}
      >
        Export PNG
      </button>
    </div>
  );
}
