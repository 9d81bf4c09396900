import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../core/inventory';
import { localToday } from './dates';

// Checked each minute and when the window comes back, so a workbench left open
// overnight shows reviews that fell overdue at midnight.
const CHECK_MS = 60_000;

/** The person's local calendar date, kept current. */
export function useToday(): IsoDate {
  const [today, setToday] = useState(() => localToday(new Date()));
  useEffect(() => {
    const check = (): void => {
      setToday(localToday(new Date()));
    };
    const timer = setInterval(check, CHECK_MS);
    document.addEventListener('visibilitychange', check);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', check);
    };
  }, []);
  return today;
}
