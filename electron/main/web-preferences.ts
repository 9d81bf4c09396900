import type { WebPreferences } from 'electron';

// Every window of the app is built from these preferences, so a reviewer checks one
// object. The threat: page content (including hostile strings from imported files)
// that gains script must still find no Node, no Electron internals, no other origin.

/** Options that differ between windows. */
export type WebPreferencesOptions = {
  /** DevTools are for development builds only (see devToolsAllowed). */
  readonly devTools: boolean;
  /** False for the print window, which renders report HTML without running it. */
  readonly javascript?: boolean;
  /** Session partition; the print window uses an in-memory one of its own. */
  readonly partition?: string;
};

/** True only in an unpackaged build started with BULWARK_DEV=1. */
export function devToolsAllowed(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return !isPackaged && env.BULWARK_DEV === '1';
}

/** Locked-down webPreferences; preloadPath undefined means no preload at all. */
export function secureWebPreferences(
  preloadPath: string | undefined,
  opts: WebPreferencesOptions,
): WebPreferences {
  // Written as a plain literal (no `satisfies`): Electronegativity reads it statically.
  const prefs: WebPreferences = {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: opts.devTools,
    javascript: opts.javascript ?? true,
  };
  if (preloadPath !== undefined) prefs.preload = preloadPath;
  if (opts.partition !== undefined) prefs.partition = opts.partition;
  return prefs;
}
