import type { BulwarkBridge, Result } from '../../electron/contract';
import { formatBytes } from './file-size';
import { listenForMenuCommands } from './menu-events';
import { PlatformError, type FileFilter, type Platform } from './types';

/** Unwraps a bridge reply; `{ ok: false }` and a failed invoke both become a PlatformError. */
async function unwrap<T>(reply: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await reply;
  } catch (e) {
    // An invoke only rejects when the main process itself failed (no handler, a crash):
    // the UI still catches one error class.
    throw new PlatformError(
      `The desktop app did not answer: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  if (!result.ok) throw new PlatformError(result.error);
  return result.value;
}

// The contract's schemas are strict objects: copy only the fields they declare.
const toFilters = (filters: readonly FileFilter[]) =>
  filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }));

/** The platform over the preload's `window.bulwark` bridge: dialogs and printing happen in main. */
export function createDesktopPlatform(
  bridge: BulwarkBridge,
  target: EventTarget = window,
): Platform {
  return {
    kind: 'desktop',
    saveFile: ({ suggestedName, content, encoding, filters }) =>
      // mimeType is for the browser's Blob; the main process picks the type from the extension.
      unwrap(
        bridge.files.save(
          encoding === undefined
            ? { suggestedName, content, filters: toFilters(filters) }
            : { suggestedName, content, encoding, filters: toFilters(filters) },
        ),
      ),
    openFile: async ({ title, filters, maxBytes }) => {
      const result = await unwrap(
        bridge.files.open(
          title === undefined
            ? { filters: toFilters(filters) }
            : { title, filters: toFilters(filters) },
        ),
      );
      if (result.canceled) return null;
      // Main refuses files over MAX_OPEN_BYTES before reading. A tighter limit of the caller
      // is not in the contract, so it is checked here; characters never exceed UTF-8 bytes,
      // so a file within the limit is never refused.
      if (maxBytes !== undefined && result.content.length > maxBytes)
        throw new PlatformError(
          `${result.fileName} is larger than ${formatBytes(maxBytes)}; choose a smaller file.`,
        );
      return { fileName: result.fileName, content: result.content };
    },
    printToPdf: ({ suggestedName, html, landscape }) =>
      unwrap(
        bridge.reports.printToPdf(
          landscape === undefined ? { suggestedName, html } : { suggestedName, html, landscape },
        ),
      ),
    appInfo: () => unwrap(bridge.app.info()),
    openParticipantWindow: async (exerciseId) => {
      await unwrap(bridge.exercises.openParticipant({ exerciseId }));
    },
    onMenuCommand: (listener) => listenForMenuCommands(target, listener),
  };
}
