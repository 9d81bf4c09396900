import { saveDiagramPng, saveDiagramSvg } from '../../../diagrams';
import { getPlatform } from '../../../platform';
import { useToasts } from '../../state/toast-context';

type DiagramExportButtonsProps = { readonly svg: string | null; readonly title: string };

/** Save the drawn diagram as SVG or PNG (enabled once it is drawn). */
export function DiagramExportButtons({ svg, title }: DiagramExportButtonsProps) {
  const { notify } = useToasts();
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
    }
  };
  return (
    <div className="playbook-diagram__export" role="group" aria-label="Export diagram">
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
