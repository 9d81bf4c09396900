import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Boot } from './ui/app/Boot';
import { ErrorBoundary } from './ui/app/ErrorBoundary';
import { applyPreferences, loadPreferences, systemTheme } from './ui/lib/preferences';
import './styles/index.css';

// Theme and presentation go onto <html> before the first paint, so a dark-theme user
// never sees a white flash while React starts.
const prefs = loadPreferences();
applyPreferences(prefs.theme ?? systemTheme(), prefs.presentation);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <Boot />
    </ErrorBoundary>
  </StrictMode>,
);
