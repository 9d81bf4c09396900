import { describe, expect, it, vi } from 'vitest';
import {
  pdfName,
  printToPdf,
  type PrintWindow,
  type ReportsDeps,
} from '../../../electron/main/ipc/reports';
import { PRINT_CSP } from '../../../electron/main/csp';
import { createPrintJobs, createPrintProtocolHandler } from '../../../electron/main/print-protocol';
import { FakeDialogs, FakeFileSystem } from './fakes';

class FakePrintWindow implements PrintWindow {
  loaded: string | undefined;
  html: string | undefined;
  destroyed = false;
  readonly printOptions: unknown[] = [];
  constructor(
    private readonly serve: (url: string) => Promise<string>,
    private readonly failPrint = false,
  ) {}
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
    this.html = await this.serve(url);
  }
  readonly webContents = {
    printToPDF: (options: unknown): Promise<Uint8Array> => {
      this.printOptions.push(options);
      return this.failPrint
        ? Promise.reject(new Error('print failed'))
        : Promise.resolve(new Uint8Array([37, 80, 68, 70]));
    },
  };
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function setup(failPrint = false): {
  deps: ReportsDeps;
  windows: FakePrintWindow[];
  dialogs: FakeDialogs;
  fs: FakeFileSystem;
} {
  const printJobs = createPrintJobs(() => 'job1');
  const handler = createPrintProtocolHandler(printJobs);
  const windows: FakePrintWindow[] = [];
  const dialogs = new FakeDialogs();
  dialogs.savePath = '/home/user/Documents/report.pdf';
  const fs = new FakeFileSystem();
  const deps: ReportsDeps = {
    dialogs,
    fs,
    defaultDirectory: () => '/home/user/Documents',
    printJobs,
    createPrintWindow: vi.fn(() => {
      const w = new FakePrintWindow((url) => handler({ url }).text(), failPrint);
      windows.push(w);
      return w;
    }),
  };
  return { deps, windows, dialogs, fs };
}

describe('reports.printToPdf', () => {
  it('renders the HTML in a throwaway window, prints A4 with backgrounds, saves, and destroys the window', async () => {
    const { deps, windows, dialogs, fs } = setup();
    const result = await printToPdf(deps, {
      suggestedName: 'report',
      html: '<h1>Q3</h1>',
      landscape: true,
    });
    expect(result).toEqual({ saved: true, fileName: 'report.pdf' });
    const [window] = windows;
    expect(window?.loaded).toBe('app://bulwark-print/job1.html');
    expect(window?.html).toBe('<h1>Q3</h1>');
    expect(window?.printOptions).toEqual([
      { printBackground: true, pageSize: 'A4', landscape: true },
    ]);
    expect(window?.destroyed).toBe(true);
    expect(dialogs.saveOptions[0]?.defaultPath).toMatch(/report\.pdf$/);
    expect(dialogs.saveOptions[0]?.filters).toEqual([
      { name: 'PDF document', extensions: ['pdf'] },
    ]);
    expect(fs.written.get('/home/user/Documents/report.pdf')).toEqual(
      new Uint8Array([37, 80, 68, 70]),
    );
  });

  it('destroys the window and forgets the job when printing fails', async () => {
    const { deps, windows, dialogs } = setup(true);
    await expect(printToPdf(deps, { suggestedName: 'r', html: '<p>x</p>' })).rejects.toThrow(
      'print failed',
    );
    expect(windows[0]?.destroyed).toBe(true);
    expect(deps.printJobs.get('app://bulwark-print/job1.html')).toBeUndefined();
    expect(dialogs.saveOptions).toHaveLength(0);
  });

  it('keeps one .pdf extension', () => {
    expect(pdfName('report')).toBe('report.pdf');
    expect(pdfName('report.PDF')).toBe('report.PDF');
  });
});

describe('print protocol', () => {
  it('serves a pending job once under the print CSP, and 404 for anything else', async () => {
    const jobs = createPrintJobs(() => 'abc');
    const handler = createPrintProtocolHandler(jobs);
    const url = jobs.add('<p>hi</p>');
    const res = handler({ url });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<p>hi</p>');
    expect(res.headers.get('content-security-policy')).toBe(PRINT_CSP);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(handler({ url: 'app://bulwark-print/other.html' }).status).toBe(404);
    expect(handler({ url: 'app://bulwark/index.html' }).status).toBe(404);
    jobs.remove(url);
    expect(handler({ url }).status).toBe(404);
  });
});
