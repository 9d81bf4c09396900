import { MAX_OPEN_BYTES, type AppInfo } from '../../electron/contract';
import { formatBytes } from './file-size';
import { listenForMenuCommands } from './menu-events';
import { PlatformError, type FileFilter, type Platform } from './types';

// Chromium starts reading a download's blob asynchronously after the click; revoking the
// URL at once can cancel it, so the URL lives a little longer (FileSaver.js does the same).
const REVOKE_AFTER_MS = 30_000;

const NOT_APPLICABLE = 'n/a (browser)';

/** `.json,.yaml` for an `<input accept>`; a `*` filter means any file. */
function acceptOf(filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((f) => f.extensions);
  if (extensions.includes('*')) return '';
  return extensions.map((e) => `.${e}`).join(',');
}

/** A short operating-system name from the user agent, for the About dialog and bug reports. */
function platformOf(userAgent: string): string {
  const known: [RegExp, string][] = [
    [/Windows/, 'Windows'],
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/Android/, 'Android'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ];
  const os = known.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'unknown OS';
  return `browser on ${os}`;
}

const hidden = (el: HTMLElement): void => {
  el.style.position = 'fixed';
  el.style.width = '0';
  el.style.height = '0';
  el.style.border = '0';
  el.style.opacity = '0';
  el.style.pointerEvents = 'none';
};

/** The platform in a plain browser: downloads, a file picker, the print dialog. */
export function createBrowserPlatform(doc: Document = document, version: string): Platform {
  const view = doc.defaultView;

  return {
    kind: 'browser',

    saveFile: ({ suggestedName, content, encoding, mimeType }) => {
      const body = encoding === 'base64' ? base64ToBytes(content) : content;
      const url = URL.createObjectURL(new Blob([body], { type: mimeType }));
      const link = doc.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      hidden(link);
      doc.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, REVOKE_AFTER_MS);
      // The browser may still ask where to save, and cannot tell us if the person cancels.
      return Promise.resolve({ saved: true, fileName: suggestedName });
    },

    openFile: ({ filters, maxBytes = MAX_OPEN_BYTES }) =>
      new Promise((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = acceptOf(filters);
        hidden(input);
        // 'cancel' fires when the picker closes without a choice (Chromium 113+, Firefox
        // 91+, Safari 16.4+); without it, a cancelled pick would leave this promise pending.
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        input.addEventListener('change', () => {
          input.remove();
          const file = input.files?.[0];
          if (!file) {
            resolve(null);
            return;
          }
          // Checked before reading: text() of a huge file would hold it all in memory.
          if (file.size > maxBytes) {
            reject(
              new PlatformError(
                `${file.name} is too large to open (${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}).`,
              ),
            );
            return;
          }
          file.text().then(
            (content) => {
              resolve({ fileName: file.name, content });
            },
            (e: unknown) => {
              reject(new PlatformError(`${file.name} could not be read.`, { cause: e }));
            },
          );
        });
        doc.body.append(input);
        input.click();
      }),

    printToPdf: ({ html, landscape }) =>
      new Promise((resolve, reject) => {
        const frame = doc.createElement('iframe');
        // No allow-scripts: the report carries user text, and nothing in it may run.
        // allow-same-origin lets this page reach the frame's print(); allow-modals lets
        // print() open its dialog from a sandboxed document.
        frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
        frame.title = 'Print preview';
        hidden(frame);
        frame.addEventListener('load', () => {
          try {
            const content = frame.contentWindow;
            if (!content) throw new Error('the print frame has no window');
            if (landscape === true && frame.contentDocument) {
              const page = frame.contentDocument.createElement('style');
              page.textContent = '@page { size: landscape; }';
              frame.contentDocument.head.append(page);
            }
            // print() returns once the dialog closes (Chromium blocks here), so the
            // frame can go afterwards; the dialog decides whether a PDF is written.
            content.print();
            resolve({ saved: false });
          } catch (e) {
            reject(new PlatformError('The print dialog could not be opened.', { cause: e }));
          } finally {
            frame.remove();
          }
        });
        frame.srcdoc = html;
        doc.body.append(frame);
      }),

    appInfo: (): Promise<AppInfo> =>
      Promise.resolve({
        name: 'Bulwark',
        version,
        electron: NOT_APPLICABLE,
        chrome: NOT_APPLICABLE,
        node: NOT_APPLICABLE,
        platform: platformOf(view?.navigator.userAgent ?? ''),
      }),

    // The same event the desktop preload dispatches, so the UI dispatches commands uniformly.
    onMenuCommand: (listener) => listenForMenuCommands(view ?? doc, listener),
  };
}

/** Decodes base64 text into bytes (for binary downloads). */
function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
