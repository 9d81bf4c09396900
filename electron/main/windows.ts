import type { BrowserWindowConstructorOptions } from 'electron';
import { PRINT_PARTITION } from './print-protocol';
import { secureWebPreferences } from './web-preferences';

// Window construction takes a factory so tests can capture the options of every window
// the app creates; index.ts passes `(o) => new BrowserWindow(o)`.

/** The part of a BrowserWindow the shell uses. */
export type ShellWindow = {
  readonly webContents: { readonly id: number };
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
};

/** Creates a window from its options. */
export type WindowFactory<W> = (options: BrowserWindowConstructorOptions) => W;

/** Inputs of the main window. */
export type MainWindowOptions = {
  readonly preloadPath: string;
  readonly devTools: boolean;
  /** Ids of webContents allowed to call IPC; the window adds itself, removes on close. */
  readonly trustedContents: Set<number>;
};

/** Options of the main window (exported so tests assert them). */
export function mainWindowOptions(
  preloadPath: string,
  devTools: boolean,
): BrowserWindowConstructorOptions {
  return {
    title: 'Bulwark',
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    // Matches the UI background so no white flash shows before the first paint.
    backgroundColor: '#0f172a',
    show: false,
    webPreferences: secureWebPreferences(preloadPath, { devTools }),
  };
}

/** Creates the main window, shown once painted and trusted for IPC while it lives. */
export function createMainWindow<W extends ShellWindow>(
  factory: WindowFactory<W>,
  opts: MainWindowOptions,
): W {
  const window = factory(mainWindowOptions(opts.preloadPath, opts.devTools));
  const id = window.webContents.id;
  opts.trustedContents.add(id);
  window.on('closed', () => opts.trustedContents.delete(id));
  window.once('ready-to-show', () => {
    window.show();
  });
  return window;
}

/**
 * Options of an exercise's participant window (the projector): the same hardened
 * preferences as the main window but no preload, so it has no bridge at all; it only
 * reads the workspace (IndexedDB, same origin) and follows the console from there.
 */
export function participantWindowOptions(devTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Bulwark — EXERCISE participant view',
    width: 1280,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    backgroundColor: '#0f172a',
    show: false,
    webPreferences: secureWebPreferences(undefined, { devTools }),
  };
}

/** The participant window's page: the app at its participant route, id encoded. */
export function participantUrl(appIndexUrl: string, exerciseId: string): string {
  return `${appIndexUrl}#/participant/${encodeURIComponent(exerciseId)}`;
}

/** The participant windows, one per exercise: a second request brings the open one forward. */
export function createParticipantWindows<W extends ShellWindow & FocusableWindow>(
  factory: WindowFactory<W>,
  opts: { readonly devTools: boolean; readonly appIndexUrl: string },
): { open(exerciseId: string): Promise<void> } {
  const open = new Map<string, W>();
  return {
    async open(exerciseId) {
      const existing = open.get(exerciseId);
      if (existing) {
        focusWindow(existing);
        return;
      }
      const window = factory(participantWindowOptions(opts.devTools));
      open.set(exerciseId, window);
      window.on('closed', () => open.delete(exerciseId));
      window.once('ready-to-show', () => {
        window.show();
      });
      await window.loadURL(participantUrl(opts.appIndexUrl, exerciseId));
    },
  };
}

/** Options of the hidden report window: no preload, no JavaScript, its own session. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1024,
    height: 768,
    webPreferences: secureWebPreferences(undefined, {
      devTools: false,
      javascript: false,
      partition: PRINT_PARTITION,
    }),
  };
}

/** The part of a window that second-instance focusing uses. */
export type FocusableWindow = {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
};

/** Brings an existing window to the front (a second launch lands here, not in a new app). */
export function focusWindow(window: FocusableWindow | null | undefined): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
