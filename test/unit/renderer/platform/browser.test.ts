import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_OPEN_BYTES, MENU_EVENT } from '../../../../electron/contract';
import { createBrowserPlatform } from '../../../../renderer/platform/browser';
import { PlatformError } from '../../../../renderer/platform/types';
import { FakeDocument, type FakeElement, type FakeFile } from './fake-dom';

afterEach(() => {
  vi.useRealTimers();
});

const FILTERS = [
  { name: 'Backups', extensions: ['json'] },
  { name: 'OpenAPI', extensions: ['yaml', 'yml'] },
];

function file(name: string, size: number, content = ''): FakeFile {
  return { name, size, text: vi.fn(() => Promise.resolve(content)) };
}

/** A document whose file picker, when clicked, "chooses" the given file (or cancels). */
function pickerChoosing(choice: FakeFile | 'cancel'): FakeDocument {
  return new FakeDocument({
    onClick: (el: FakeElement) => {
      if (el.tagName !== 'input') return;
      if (choice === 'cancel') {
        el.dispatchEvent(new Event('cancel'));
        return;
      }
      el.files = [choice];
      el.dispatchEvent(new Event('change'));
    },
  });
}

describe('browser openFile', () => {
  it('refuses a file over the default limit without reading it, naming the file and its size', async () => {
    const huge = file('huge-backup.json', MAX_OPEN_BYTES + 44 * 1024 * 1024);
    const doc = pickerChoosing(huge);
    const error: unknown = await createBrowserPlatform(doc.asDocument(), '0.1.0')
      .openFile({ filters: FILTERS })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as Error).message).toBe(
      'huge-backup.json is too large to open (300.0 MB; the limit is 256.0 MB).',
    );
    expect(huge.text).not.toHaveBeenCalled();
    expect(doc.only('input').inDocument).toBe(false);
  });

  it("refuses a file over the caller's maxBytes without reading it", async () => {
    const big = file('spec.yaml', 5 * 1024 * 1024);
    const platform = createBrowserPlatform(pickerChoosing(big).asDocument(), '0.1.0');
    await expect(platform.openFile({ filters: FILTERS, maxBytes: 1024 * 1024 })).rejects.toThrow(
      'spec.yaml is too large to open (5.0 MB; the limit is 1.0 MB).',
    );
    expect(big.text).not.toHaveBeenCalled();
  });

  it('reads a file within the limit and offers only the filtered extensions', async () => {
    const doc = pickerChoosing(file('b.json', 7, '{"a":1}'));
    const result = await createBrowserPlatform(doc.asDocument(), '0.1.0').openFile({
      filters: FILTERS,
      maxBytes: 7,
    });
    expect(result).toEqual({ fileName: 'b.json', content: '{"a":1}' });
    const input = doc.only('input');
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.json,.yaml,.yml');
    expect(input.clicks).toBe(1);
    expect(input.inDocument).toBe(false);
  });

  it('accepts any file when a filter says *', async () => {
    const doc = pickerChoosing(file('x', 0));
    await createBrowserPlatform(doc.asDocument(), '0.1.0').openFile({
      filters: [{ name: 'All', extensions: ['*'] }],
    });
    expect(doc.only('input').accept).toBe('');
  });

  it('resolves null when the picker is cancelled', async () => {
    const doc = pickerChoosing('cancel');
    await expect(
      createBrowserPlatform(doc.asDocument(), '0.1.0').openFile({ filters: FILTERS }),
    ).resolves.toBeNull();
    expect(doc.only('input').inDocument).toBe(false);
  });

  it('wraps a read failure in a PlatformError naming the file', async () => {
    const broken: FakeFile = {
      name: 'gone.json',
      size: 3,
      text: () => Promise.reject(new Error('NotReadableError')),
    };
    const platform = createBrowserPlatform(pickerChoosing(broken).asDocument(), '0.1.0');
    await expect(platform.openFile({ filters: FILTERS })).rejects.toThrow(
      new PlatformError('gone.json could not be read.'),
    );
  });
});

describe('browser saveFile', () => {
  it('downloads the content through a temporary link and revokes the URL afterwards', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const doc = new FakeDocument();
    const result = await createBrowserPlatform(doc.asDocument(), '0.1.0').saveFile({
      suggestedName: 'bulwark-backup-2026-11-23.json',
      content: '{"ok":true}',
      mimeType: 'application/json',
      filters: [],
    });
    expect(result).toEqual({ saved: true, fileName: 'bulwark-backup-2026-11-23.json' });
    const link = doc.only('a');
    expect(link).toMatchObject({
      href: 'blob:test/1',
      download: 'bulwark-backup-2026-11-23.json',
      clicks: 1,
      inDocument: false,
    });
    expect(blobs[0]?.type).toBe('application/json');
    expect(await blobs[0]?.text()).toBe('{"ok":true}');
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
  });
});

describe('browser printToPdf', () => {
  it('prints the report from a sandboxed frame that cannot run scripts, then removes it', async () => {
    const doc = new FakeDocument();
    const printing = createBrowserPlatform(doc.asDocument(), '0.1.0').printToPdf({
      suggestedName: 'report.pdf',
      html: '<h1>Report</h1><script>alert(1)</script>',
    });
    const frame = doc.only('iframe');
    expect(frame.attributes.get('sandbox')).toBe('allow-same-origin allow-modals');
    expect(frame.srcdoc).toContain('<h1>Report</h1>');
    expect(frame.inDocument).toBe(true);
    expect(frame.contentWindow?.print).not.toHaveBeenCalled();
    frame.dispatchEvent(new Event('load'));
    await expect(printing).resolves.toEqual({ saved: false });
    expect(frame.contentWindow?.print).toHaveBeenCalledOnce();
    expect(frame.inDocument).toBe(false);
    expect(frame.contentDocument?.head.children).toEqual([]);
  });

  it('asks for landscape pages with an @page rule', async () => {
    const doc = new FakeDocument();
    const printing = createBrowserPlatform(doc.asDocument(), '0.1.0').printToPdf({
      suggestedName: 'r.pdf',
      html: '',
      landscape: true,
    });
    const frame = doc.only('iframe');
    frame.dispatchEvent(new Event('load'));
    await printing;
    expect(frame.contentDocument?.head.children.map((c) => c.textContent)).toEqual([
      '@page { size: landscape; }',
    ]);
  });

  it('turns a failing print() into a PlatformError and still removes the frame', async () => {
    const doc = new FakeDocument();
    const printing = createBrowserPlatform(doc.asDocument(), '0.1.0').printToPdf({
      suggestedName: 'r.pdf',
      html: '',
    });
    const frame = doc.only('iframe');
    frame.contentWindow = {
      print: () => {
        throw new Error('blocked');
      },
    };
    frame.dispatchEvent(new Event('load'));
    await expect(printing).rejects.toBeInstanceOf(PlatformError);
    expect(frame.inDocument).toBe(false);
  });
});

describe('browser appInfo and menu commands', () => {
  it('reports the given version and a short platform name', async () => {
    const doc = new FakeDocument({
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0',
    });
    const platform = createBrowserPlatform(doc.asDocument(), '1.2.3');
    expect(platform.kind).toBe('browser');
    await expect(platform.appInfo()).resolves.toEqual({
      name: 'Bulwark',
      version: '1.2.3',
      electron: 'n/a (browser)',
      chrome: 'n/a (browser)',
      node: 'n/a (browser)',
      platform: 'browser on Windows',
    });
  });

  it('listens to the same menu event on the window as the desktop shell', () => {
    const doc = new FakeDocument();
    const listener = vi.fn();
    const unsubscribe = createBrowserPlatform(doc.asDocument(), '0.1.0').onMenuCommand(listener);
    doc.defaultView?.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: 'file.restore' }));
    doc.defaultView?.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: 'not.a.command' }));
    unsubscribe();
    doc.defaultView?.dispatchEvent(new CustomEvent(MENU_EVENT, { detail: 'file.new' }));
    expect(listener.mock.calls).toEqual([['file.restore']]);
  });
});
