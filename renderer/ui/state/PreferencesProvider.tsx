import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  applyPreferences,
  loadPreferences,
  savePreferences,
  systemTheme,
  type Preferences,
  type Theme,
} from '../lib/preferences';
import { PreferencesContext, type PreferencesApi } from './preferences-context';

/** Holds theme and presentation mode, persists them, and mirrors them onto <html>. */
export function PreferencesProvider({ children }: { readonly children: ReactNode }) {
  const [prefs, setPrefs] = useState<Preferences>(loadPreferences);
  const [system, setSystem] = useState<Theme>(systemTheme);

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = (): void => {
      setSystem(query.matches ? 'dark' : 'light');
    };
    query.addEventListener('change', onChange);
    return () => {
      query.removeEventListener('change', onChange);
    };
  }, []);

  const theme = prefs.theme ?? system;

  useEffect(() => {
    applyPreferences(theme, prefs.presentation);
  }, [theme, prefs.presentation]);

  const update = useCallback((change: (p: Preferences) => Preferences) => {
    setPrefs((p) => {
      const next = change(p);
      savePreferences(next);
      return next;
    });
  }, []);

  const toggleTheme = useCallback(() => {
    update((p) => ({ ...p, theme: (p.theme ?? systemTheme()) === 'dark' ? 'light' : 'dark' }));
  }, [update]);
  const togglePresentation = useCallback(() => {
    update((p) => ({ ...p, presentation: !p.presentation }));
  }, [update]);

  const api = useMemo<PreferencesApi>(
    () => ({ theme, presentation: prefs.presentation, toggleTheme, togglePresentation }),
    [theme, prefs.presentation, toggleTheme, togglePresentation],
  );
  return <PreferencesContext value={api}>{children}</PreferencesContext>;
}
