export type Theme = 'light' | 'dark';

/** The person's display choices; `theme: null` follows the operating system. */
export type Preferences = { readonly theme: Theme | null; readonly presentation: boolean };

const KEY = 'bulwark:preferences';

/** Reads a stored value defensively: anything malformed is ignored, never trusted. */
export function parsePreferences(raw: string | null): Preferences {
  const fallback: Preferences = { theme: null, presentation: false };
  if (raw === null) return fallback;
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return fallback;
    const { theme, presentation } = value as { theme?: unknown; presentation?: unknown };
    return {
      theme: theme === 'light' || theme === 'dark' ? theme : null,
      presentation: presentation === true,
    };
  } catch {
    return fallback;
  }
}

/** The stored preferences; storage that throws (disabled, sandboxed) means defaults. */
export function loadPreferences(): Preferences {
  try {
    return parsePreferences(localStorage.getItem(KEY));
  } catch {
    return parsePreferences(null);
  }
}

/** Persists the preferences; a failure only loses the choice, never the work. */
export function savePreferences(p: Preferences): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
  } catch {
    // Storage may be full or disabled; the display choice is not worth an error.
  }
}

/** The theme the system asks for. */
export function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Writes the choices onto <html>, where the style sheets read them. */
export function applyPreferences(theme: Theme, presentation: boolean): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  if (presentation) root.dataset.presentation = 'true';
  else delete root.dataset.presentation;
}
