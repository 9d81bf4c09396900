import {
  CHANNELS,
  reportsPrintToPdfRequest,
  type ReportsPrintToPdfRequest,
  type SaveResult,
} from '../../contract';
import type { PrintJobs } from '../print-protocol';
import { saveWithDialog, type FilesDeps } from './files';
import { secureHandler, type IpcRegistrar, type TrustedContents } from './secure-handler';

// Report HTML comes from the page, so it is treated as untrusted markup: it is rendered
// in a hidden window with JavaScript off, no preload, its own in-memory session and a
// CSP that blocks every fetch (see print-protocol.ts), then the window is destroyed.

/** The part of a BrowserWindow the print service uses. */
export type PrintWindow = {
  loadURL(url: string): Promise<void>;
  readonly webContents: {
    printToPDF(options: {
      printBackground: boolean;
      pageSize: 'A4';
      landscape: boolean;
    }): Promise<Uint8Array>;
  };
  destroy(): void;
  isDestroyed(): boolean;
};

/** Dependencies of the report service. */
export type ReportsDeps = FilesDeps & {
  /** Creates the hidden print window (windows.ts printWindowOptions). */
  readonly createPrintWindow: () => PrintWindow;
  readonly printJobs: PrintJobs;
};

const PDF_FILTERS = [{ name: 'PDF document', extensions: ['pdf'] }];

/** The suggested name with a .pdf extension. */
export function pdfName(suggestedName: string): string {
  return /\.pdf$/i.test(suggestedName) ? suggestedName : `${suggestedName}.pdf`;
}

/** Renders report HTML to A4 PDF bytes in a throwaway hidden window. */
export async function renderPdf(
  deps: ReportsDeps,
  html: string,
  landscape: boolean,
): Promise<Uint8Array> {
  const url = deps.printJobs.add(html);
  const window = deps.createPrintWindow();
  try {
    await window.loadURL(url);
    return await window.webContents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      landscape,
    });
  } finally {
    deps.printJobs.remove(url);
    if (!window.isDestroyed()) window.destroy();
  }
}

/** reports.printToPdf: render, then ask where to save, then write atomically. */
export async function printToPdf(
  deps: ReportsDeps,
  request: ReportsPrintToPdfRequest,
): Promise<SaveResult> {
  const pdf = await renderPdf(deps, request.html, request.landscape ?? false);
  return saveWithDialog(deps, pdfName(request.suggestedName), PDF_FILTERS, pdf);
}

/** Registers reports:printToPdf. */
export function registerReportsHandlers(
  ipc: IpcRegistrar,
  deps: ReportsDeps,
  trusted: TrustedContents,
  log?: (m: string, e: unknown) => void,
): void {
  ipc.handle(
    CHANNELS.reportsPrintToPdf,
    secureHandler(reportsPrintToPdfRequest, (request) => printToPdf(deps, request), trusted, log),
  );
}
