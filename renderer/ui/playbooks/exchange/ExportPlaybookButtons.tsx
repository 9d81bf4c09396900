import { exportCacao, toMermaidStateDiagram, type Playbook } from '../../../../core/playbooks';
import { getPlatform, type FileFilter } from '../../../platform';
import { useToasts } from '../../state/toast-context';

type ExportPlaybookButtonsProps = {
  readonly playbook: Playbook;
  /** The YAML as stored (comments kept); built-ins give their file text. */
  readonly source: string;
};

type Format = {
  readonly label: string;
  readonly extension: string;
  readonly mimeType: string;
  readonly filter: FileFilter;
  readonly content: (p: Playbook, source: string) => string;
};

const FORMATS: readonly Format[] = [
  {
    label: 'Export CACAO',
    extension: 'cacao.json',
    mimeType: 'application/json',
    filter: { name: 'CACAO playbook', extensions: ['json'] },
    // Time and ids come from the platform here: core has no clock and no randomness.
    content: (p) =>
      `${JSON.stringify(exportCacao(p, { now: Date.now(), newId: () => crypto.randomUUID() }), null, 2)}\n`,
  },
  {
    label: 'Export YAML',
    extension: 'yaml',
    mimeType: 'application/yaml',
    filter: { name: 'YAML playbook', extensions: ['yaml', 'yml'] },
    content: (_p, source) => source,
  },
  {
    label: 'Export Mermaid',
    extension: 'mmd',
    mimeType: 'text/plain',
    filter: { name: 'Mermaid diagram', extensions: ['mmd'] },
    content: (p) => `${toMermaidStateDiagram(p)}\n`,
  },
];

/** Export the playbook as CACAO 2.0 JSON, as YAML, or as Mermaid text. */
export function ExportPlaybookButtons({ playbook, source }: ExportPlaybookButtonsProps) {
  const { notify } = useToasts();
  const run = async (format: Format): Promise<void> => {
    try {
      const r = await getPlatform().saveFile({
        suggestedName: `${playbook.id}.${format.extension}`,
        content: format.content(playbook, source),
        mimeType: format.mimeType,
        filters: [format.filter],
      });
      if (r.saved) notify({ message: `Saved ${r.fileName}.`, tone: 'success' });
    } catch (e) {
      notify({ message: e instanceof Error ? e.message : String(e), tone: 'error' });
    }
  };
  return (
    <div className="playbook__export" role="group" aria-label="Export playbook">
      {FORMATS.map((f) => (
        <button
          key={f.extension}
          type="button"
          className="button button--secondary button--small"
          onClick={() => void run(f)}
        >
          {f.label}
        </button>
      ))}
    </div>
  );
}
