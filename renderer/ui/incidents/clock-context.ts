import { createContext, useContext, useEffect, useState } from 'react';

/**
 * The time an incident room runs on. Live mode uses the real clock; a tabletop exercise
 * provides simulated time (paused, fast-forwarded, jumped to an inject), and every SLA
 * countdown, escalation timer and regulatory clock in the room reads it from here, never
 * from Date.now(). `subscribe` calls the listener on every tick and on every jump, so a
 * simulated clock that leaps an hour re-arms timers at once.
 */
export type IncidentClock = {
  readonly now: () => number;
  /** Calls `listener` on each tick (about once a second) and after each jump; returns the unsubscribe. */
  readonly subscribe: (listener: () => void) => () => void;
  /** Simulated time of an exercise: banners say so and nothing is ever sent. */
  readonly simulated: boolean;
};

const TICK_MS = 1000;

/** The real clock, ticking once a second while someone listens. */
export function createLiveClock(): IncidentClock {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    now: () => Date.now(),
    simulated: false,
    subscribe(listener) {
      listeners.add(listener);
      timer ??= setInterval(() => {
        for (const l of [...listeners]) l();
      }, TICK_MS);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
  };
}

const LIVE_CLOCK = createLiveClock();

/** The clock of the room below; the real clock unless an exercise provides its own. */
export const IncidentClockContext = createContext<IncidentClock>(LIVE_CLOCK);

/** The incident clock in effect. */
export function useIncidentClock(): IncidentClock {
  return useContext(IncidentClockContext);
}

/** The current incident time, re-rendering on every tick of the clock. */
export function useIncidentNow(): number {
  const clock = useIncidentClock();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    setNow(clock.now());
    return clock.subscribe(() => {
      setNow(clock.now());
    });
  }, [clock]);
  return now;
}
