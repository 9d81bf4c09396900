import type { AppInfo, MenuCommand, SaveResult } from '../../electron/contract';

export type { AppInfo, MenuCommand, SaveResult };

/** A file type offered in a save or open dialog: `{ name: 'JSON', extensions: ['json'] }`. */
export type FileFilter = { readonly name: string; readonly extensions: readonly string[] };

/** What the window can ask of its host, the same over the Electron bridge and in a plain browser. */
export type Platform = {
  readonly kind: 'desktop' | 'browser';
  /** `encoding: 'base64'` marks binary content (a PNG) carried as base64 text. */
  saveFile(o: {
    suggestedName: string;
    content: string;
    encoding?: 'utf8' | 'base64';
    mimeType: string;
    filters: readonly FileFilter[];
  }): Promise<SaveResult>;
  /** Resolves null when the person cancels. */
  openFile(o: {
    title?: string;
    filters: readonly FileFilter[];
    maxBytes?: number;
  }): Promise<{ fileName: string; content: string } | null>;
  printToPdf(o: { suggestedName: string; html: string; landscape?: boolean }): Promise<SaveResult>;
  /** Desktop only: opens an exercise's participant view in a second window (browser: none). */
  openParticipantWindow?(exerciseId: string): Promise<void>;
  appInfo(): Promise<AppInfo>;
  /** Calls `listener` for each menu command (native menu or in-page); returns the unsubscribe. */
  onMenuCommand(listener: (c: MenuCommand) => void): () => void;
};

/** A host operation failed; the message is written for the person at the screen. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
}
