import type {
  IpcEventLike,
  IpcListener,
  IpcRegistrar,
} from '../../../electron/main/ipc/secure-handler';
import type { FileSystem, ReadableFile } from '../../../electron/main/ipc/file-system';
import type { FileDialogs } from '../../../electron/main/ipc/files';

// Fakes of the small Electron and file-system surfaces the main-process modules use.
// Electron's binary cannot start on the build machines, so these are what the tests drive.

/** A navigation-like event that records preventDefault. */
export class FakeEvent {
  prevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.prevented = true;
  }
}

/** A webContents that records listeners and the window-open handler. */
export class FakeWebContents {
  readonly listeners = new Map<string, ((event: FakeEvent) => void)[]>();
  openHandler: ((details: { readonly url: string }) => { action: 'deny' }) | undefined;
  on(event: string, listener: (event: FakeEvent) => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(name: string, url = ''): FakeEvent {
    const event = new FakeEvent(url);
    for (const listener of this.listeners.get(name) ?? []) listener(event);
    return event;
  }
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
}

/** An ipcMain stand-in that keeps handlers by channel so tests can invoke them. */
export class FakeIpc implements IpcRegistrar {
  readonly handlers = new Map<string, IpcListener>();
  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, event: IpcEventLike, arg: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener(event, arg);
  }
}

/** The id of the trusted main window's webContents in these tests. */
export const TRUSTED_ID = 1;

/** An invoke event from a frame at url (main frame unless parent is given). */
export function ipcEvent(
  url: string | null,
  opts: { senderId?: number; parent?: unknown } = {},
): IpcEventLike {
  return {
    senderFrame: url === null ? null : { url, parent: opts.parent ?? null },
    sender: { id: opts.senderId ?? TRUSTED_ID },
  };
}

/** A file known to the fake file system. */
export type FakeFile = { size: number; content: string; isFile?: boolean };

/** An in-memory file system recording every call. */
export class FakeFileSystem implements FileSystem {
  readonly files = new Map<string, FakeFile>();
  readonly reads: string[] = [];
  readonly written = new Map<string, string | Uint8Array>();
  readonly calls: string[] = [];
  failRename = false;
  openForRead(filePath: string): Promise<ReadableFile> {
    const file = this.files.get(filePath);
    if (!file) return Promise.reject(new Error(`ENOENT: ${filePath}`));
    return Promise.resolve({
      stat: () => Promise.resolve({ size: file.size, isFile: () => file.isFile ?? true }),
      readText: () => {
        this.reads.push(filePath);
        return Promise.resolve(file.content);
      },
      close: () => {
        this.calls.push(`close ${filePath}`);
        return Promise.resolve();
      },
    });
  }
  writeNew(filePath: string, data: string | Uint8Array): Promise<void> {
    this.calls.push(`writeNew ${filePath}`);
    this.written.set(filePath, data);
    return Promise.resolve();
  }
  rename(from: string, to: string): Promise<void> {
    this.calls.push(`rename ${from} -> ${to}`);
    if (this.failRename) return Promise.reject(new Error('EXDEV'));
    const data = this.written.get(from);
    if (data !== undefined) this.written.set(to, data);
    this.written.delete(from);
    return Promise.resolve();
  }
  remove(filePath: string): Promise<void> {
    this.calls.push(`remove ${filePath}`);
    this.written.delete(filePath);
    return Promise.resolve();
  }
  randomSuffix(): string {
    return 'r4nd';
  }
}

/** Dialogs that answer with preset choices and record the options they got. */
export class FakeDialogs implements FileDialogs {
  savePath: string | undefined = '/home/user/Documents/chosen.json';
  openPaths: string[] = [];
  readonly saveOptions: Parameters<FileDialogs['showSaveDialog']>[0][] = [];
  readonly openOptions: Parameters<FileDialogs['showOpenDialog']>[0][] = [];
  showSaveDialog(
    options: Parameters<FileDialogs['showSaveDialog']>[0],
  ): ReturnType<FileDialogs['showSaveDialog']> {
    this.saveOptions.push(options);
    return Promise.resolve(
      this.savePath === undefined
        ? { canceled: true }
        : { canceled: false, filePath: this.savePath },
    );
  }
  showOpenDialog(
    options: Parameters<FileDialogs['showOpenDialog']>[0],
  ): ReturnType<FileDialogs['showOpenDialog']> {
    this.openOptions.push(options);
    return Promise.resolve({ canceled: this.openPaths.length === 0, filePaths: this.openPaths });
  }
}
