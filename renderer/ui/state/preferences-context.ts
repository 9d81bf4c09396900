import { createContext } from 'react';
import type { Theme } from '../lib/preferences';
import { useRequiredContext } from './required-context';

export type PreferencesApi = {
  /** The theme in effect (the stored choice, or the system's). */
  readonly theme: Theme;
  readonly presentation: boolean;
  readonly toggleTheme: () => void;
  readonly togglePresentation: () => void;
};

export const PreferencesContext = createContext<PreferencesApi | null>(null);

/** Theme and presentation mode, and their toggles. */
export function usePreferences(): PreferencesApi {
  return useRequiredContext(PreferencesContext, 'usePreferences');
}
