import { useId, useRef, useState } from 'react';
import type { ThreatModel } from '../../../../core/threats';
import { getPlatform } from '../../../platform';
import { Icon } from '../../components/Icon';
import { useEventWithin, useKeyWithin } from '../../lib/use-key-within';
import { useToasts } from '../../state/toast-context';
import { ExportReport } from './ExportReport';
import { exportForTool, exportModel, type ExchangeExport, type ExportKind } from './reports';

type Item = ExportKind | 'threat-dragon' | 'otm';
const TOOL_NAMES = { 'threat-dragon': 'Threat Dragon', otm: 'OTM tools' } as const;

const ITEMS: readonly (readonly [Item, string])[] = [
  ['markdown', 'Report as Markdown'],
  ['html', 'Report as HTML'],
  ['pdf', 'Report as PDF'],
  ['threats-csv', 'Threats as CSV'],
  ['mitigations-csv', 'Mitigations as CSV'],
  ['model', 'Model file (.bulwark.json)'],
  ['threat-dragon', 'Threat Dragon v2 JSON'],
  ['otm', 'OTM 0.2'],
];

/** The model's exports behind one disclosure button. */
export function ExportMenu({ model }: { readonly model: ThreatModel }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<(ExchangeExport & { tool: string }) | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const { notify } = useToasts();
  useKeyWithin(rootRef, (e) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  });
  // Focus moving outside the menu (a click elsewhere, Tab past it) closes it.
  useEventWithin(rootRef, 'focusout', (e) => {
    const next = e.relatedTarget;
    if (!(next instanceof Node && rootRef.current?.contains(next))) setOpen(false);
  });
  const run = async (kind: Item): Promise<void> => {
    setOpen(false);
    setBusy(true);
    try {
      if (kind === 'threat-dragon' || kind === 'otm') {
        const done = await exportForTool(getPlatform(), model, kind);
        // The report of what the other tool cannot hold is shown once the file is written.
        if (done !== null) setReport({ ...done, tool: TOOL_NAMES[kind] });
        return;
      }
      const name = await exportModel(getPlatform(), model, kind, new Date());
      if (name !== null) notify({ message: `Exported ${name}.`, tone: 'success' });
    } catch (e) {
      notify({
        message: `Export failed: ${e instanceof Error ? e.message : String(e)}`,
        tone: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div ref={rootRef} className="export-menu">
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={open}
        aria-controls={id}
        disabled={busy}
        onClick={() => {
          setOpen(!open);
        }}
      >
        <Icon name="download" />
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {open && (
        <ul id={id} className="export-menu__list">
          {ITEMS.map(([kind, label]) => (
            <li key={kind}>
              <button type="button" className="export-menu__item" onClick={() => void run(kind)}>
                {label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {report && (
        <ExportReport
          report={report}
          tool={report.tool}
          onClose={() => {
            setReport(null);
          }}
        />
      )}
    </div>
  );
}
