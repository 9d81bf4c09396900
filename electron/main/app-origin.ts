// The one origin the shell trusts. The UI is served from `app://bulwark/` (never
// `file://`, whose origin would let a page read any local file it can name).

/** Scheme registered as privileged and served by the app protocol handler. */
export const APP_SCHEME = 'app';
/** The only host under which the UI is served. */
export const APP_HOST = 'bulwark';
/** Origin of the UI: the only origin allowed to call IPC or navigate the window. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** First page loaded in the main window. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Origin (`scheme://host[:port]`) of a URL, or null when it does not parse or carries
 * credentials. Node's `URL#origin` is "null" for non-special schemes such as `app:`,
 * so the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`;
}

/** True when the URL belongs to the app origin exactly (same scheme, host, no port). */
export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/** True when the string holds a C0 control character (NUL included) or DEL. */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code <= 0x1f || code === 0x7f) return true;
  }
  return false;
}
