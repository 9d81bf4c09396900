import path from 'node:path';
import {
  CHANNELS,
  MAX_OPEN_BYTES,
  filesOpenRequest,
  filesSaveRequest,
  type FilesOpenRequest,
  type FilesSaveRequest,
  type OpenResult,
  type SaveResult,
} from '../../contract';
import { writeFileAtomic, type FileSystem } from './file-system';
import {
  UserFacingError,
  secureHandler,
  type IpcRegistrar,
  type TrustedContents,
} from './secure-handler';

// The page names a file (a base name, checked by the contract) and the user picks the
// place in a native dialog; the chosen path never goes back to the page, only its base
// name for messages. The page therefore can neither read nor write a path of its choice.

/** A dialog file filter, as the contract carries it. */
export type FileFilter = { name: string; extensions: string[] };

/** The native dialogs the file services use (Electron's dialog, bound to a window). */
export type FileDialogs = {
  showSaveDialog(options: {
    defaultPath: string;
    filters: FileFilter[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    title?: string;
    filters: FileFilter[];
    properties: ['openFile'];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
};

/** Dependencies of the file services. */
export type FilesDeps = {
  readonly dialogs: FileDialogs;
  readonly fs: FileSystem;
  /** Folder the save dialog starts in (the user's Documents, else Downloads). */
  readonly defaultDirectory: () => string;
};

/** Asks where to save, then writes the content atomically; returns the base name. */
export async function saveWithDialog(
  deps: FilesDeps,
  suggestedName: string,
  filters: FileFilter[],
  data: string | Uint8Array,
): Promise<SaveResult> {
  const choice = await deps.dialogs.showSaveDialog({
    defaultPath: path.join(deps.defaultDirectory(), suggestedName),
    filters,
  });
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '')
    return { saved: false };
  await writeFileAtomic(deps.fs, choice.filePath, data);
  return { saved: true, fileName: path.basename(choice.filePath) };
}

/** files.save: the save dialog, then an atomic write. */
export function saveFile(deps: FilesDeps, request: FilesSaveRequest): Promise<SaveResult> {
  const data =
    request.encoding === 'base64'
      ? new Uint8Array(Buffer.from(request.content, 'base64'))
      : request.content;
  return saveWithDialog(deps, request.suggestedName, request.filters, data);
}

/** files.open: the open dialog, a size check on the open handle, then a UTF-8 read. */
export async function openFile(deps: FilesDeps, request: FilesOpenRequest): Promise<OpenResult> {
  const options: { title?: string; filters: FileFilter[]; properties: ['openFile'] } = {
    filters: request.filters,
    properties: ['openFile'],
  };
  if (request.title !== undefined) options.title = request.title;
  const choice = await deps.dialogs.showOpenDialog(options);
  const filePath = choice.filePaths[0];
  if (choice.canceled || filePath === undefined) return { canceled: true };
  const file = await deps.fs.openForRead(filePath);
  try {
    const info = await file.stat();
    if (!info.isFile()) throw new UserFacingError('That is not a regular file.');
    // Checked before reading: a multi-gigabyte file must not be pulled into memory.
    if (info.size > MAX_OPEN_BYTES) {
      throw new UserFacingError(`The file is larger than ${MAX_OPEN_BYTES / (1024 * 1024)} MB.`);
    }
    return { canceled: false, fileName: path.basename(filePath), content: await file.readText() };
  } finally {
    await file.close();
  }
}

/** Registers files:save and files:open. */
export function registerFilesHandlers(
  ipc: IpcRegistrar,
  deps: FilesDeps,
  trusted: TrustedContents,
  log?: (m: string, e: unknown) => void,
): void {
  ipc.handle(
    CHANNELS.filesSave,
    secureHandler(filesSaveRequest, (request) => saveFile(deps, request), trusted, log),
  );
  ipc.handle(
    CHANNELS.filesOpen,
    secureHandler(filesOpenRequest, (request) => openFile(deps, request), trusted, log),
  );
}
