import {
  mitigationsCsv,
  serializeModelFile,
  threatsCsv,
  toHtmlReport,
  toMarkdownReport,
  toMermaidDiagrams,
  type IsoDate,
  type IsoTimestamp,
  type ThreatModel,
} from '../../../../core/threats';
import { exportExchange, type ExchangeNote, type ExportFormat } from '../../../../core/exchange';
import { renderDiagram } from '../../../diagrams';
import { modelOfRecord } from '../../../storage/threat-models';
import type { Platform } from '../../../platform/types';

/** What an export writes. */
export type ExportKind = 'markdown' | 'html' | 'pdf' | 'threats-csv' | 'mitigations-csv' | 'model';

/** A file-system-safe stem from a title: letters, digits and dashes. */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return stem === '' ? 'threat-model' : stem;
}

const today = (now: Date): IsoDate => now.toISOString().slice(0, 10) as IsoDate;

/** The diagram drawn offscreen for the HTML and PDF reports; null when it cannot be drawn. */
async function diagramSvg(model: ThreatModel): Promise<string | null> {
  if (model.elements.length === 0) return null;
  const outcome = await renderDiagram(toMermaidDiagrams(model).overview.text, {
    id: `report-${crypto.randomUUID().slice(0, 8)}`,
    theme: 'light',
  });
  return outcome.ok ? outcome.svg : null;
}

/** Writes one export through the platform; resolves the saved file name, or null if cancelled. */
export async function exportModel(
  platform: Platform,
  record: ThreatModel,
  kind: ExportKind,
  now: Date,
): Promise<string | null> {
  // A stored record carries timestamps the model file format does not know.
  const model = modelOfRecord(record);
  const stem = fileStem(model.title);
  const options = { today: today(now), generatedAt: now.toISOString() as IsoTimestamp };
  const save = async (
    suffix: string,
    content: string,
    mimeType: string,
    ext: string,
    name: string,
  ) => {
    const r = await platform.saveFile({
      suggestedName: `${stem}${suffix}.${ext}`,
      content,
      mimeType,
      filters: [{ name, extensions: [ext] }],
    });
    return r.saved ? r.fileName : null;
  };
  switch (kind) {
    case 'markdown':
      return save(
        '-report',
        toMarkdownReport(model, { ...options, mermaid: toMermaidDiagrams(model).overview.text }),
        'text/markdown',
        'md',
        'Markdown',
      );
    case 'html': {
      const svg = await diagramSvg(model);
      return save(
        '-report',
        toHtmlReport(model, { ...options, ...(svg === null ? {} : { diagramSvg: svg }) }),
        'text/html',
        'html',
        'HTML',
      );
    }
    case 'pdf': {
      const svg = await diagramSvg(model);
      const html = toHtmlReport(model, {
        ...options,
        ...(svg === null ? {} : { diagramSvg: svg }),
      });
      const r = await platform.printToPdf({ suggestedName: `${stem}-report.pdf`, html });
      return r.saved ? r.fileName : null;
    }
    case 'threats-csv':
      return save('-threats', threatsCsv(model), 'text/csv', 'csv', 'CSV');
    case 'mitigations-csv':
      return save('-mitigations', mitigationsCsv(model), 'text/csv', 'csv', 'CSV');
    case 'model':
      return save(
        '',
        serializeModelFile(model),
        'application/json',
        'bulwark.json',
        'Bulwark model',
      );
  }
}

/** What an export to another tool wrote, and what that tool has no place for. */
export type ExchangeExport = {
  readonly fileName: string;
  readonly warnings: readonly ExchangeNote[];
  readonly notCarried: readonly ExchangeNote[];
};

/** Writes the model as Threat Dragon v2 JSON or OTM 0.2; null if the save was cancelled. */
export async function exportForTool(
  platform: Platform,
  record: ThreatModel,
  format: ExportFormat,
): Promise<ExchangeExport | null> {
  const model = modelOfRecord(record);
  const stem = fileStem(model.title);
  const out = exportExchange(format, model);
  const r = await platform.saveFile({
    suggestedName: format === 'otm' ? `${stem}.otm.json` : `${stem}.threat-dragon.json`,
    content: out.text,
    mimeType: 'application/json',
    filters: [
      format === 'otm'
        ? { name: 'Open Threat Model', extensions: ['json'] }
        : { name: 'Threat Dragon model', extensions: ['json'] },
    ],
  });
  return r.saved
    ? { fileName: r.fileName, warnings: out.warnings, notCarried: out.notCarried }
    : null;
}
