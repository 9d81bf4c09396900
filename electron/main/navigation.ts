import { hasControlCharacter, isAppUrl } from './app-origin';

// A page that navigates its own window to a remote site would run that site with our
// preload bridge; a new window would escape these settings. So every webContents of
// the app (main window, print window, anything Electron creates) refuses navigation
// away from app://bulwark, refuses popups and <webview>, and hands safe https links to
// the system browser instead.

const MAX_EXTERNAL_URL_LENGTH = 2048;

/** True for an https URL without credentials that is safe to give the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  // Whitespace or control characters could be read differently by the OS handler.
  if (hasControlCharacter(url) || /\s/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** True when a window may navigate to url: only within the app origin. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** A navigation event as Electron passes it (Event<{ url }>). */
export type NavigationEvent = { preventDefault(): void; readonly url: string };

/** The part of a webContents the navigation guard uses. */
export type GuardedContents = {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (event: NavigationEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
};

/** Opens a URL in the system browser. */
export type OpenExternal = (url: string) => Promise<void>;

function openIfSafe(url: string, openExternal: OpenExternal): void {
  if (!isSafeExternalUrl(url)) return;
  openExternal(url).catch(() => {
    // No browser registered: nothing useful to tell the page, and never a crash in main.
  });
}

/** Attaches the navigation, popup and webview guards to one webContents. */
export function guardWebContents(contents: GuardedContents, openExternal: OpenExternal): void {
  const onNavigate = (event: NavigationEvent): void => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    openIfSafe(event.url, openExternal);
  };
  contents.on('will-navigate', onNavigate);
  // Sub-frames too (CSP frame-src 'none' already blocks them; this is the second layer).
  // Electron emits will-navigate first for a main frame, so external links open once.
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(url, openExternal);
    return { action: 'deny' };
  });
}
