// The exercise clock: simulated time that runs `compression` times faster than the wall
// clock, can be paused, and keeps no timer of its own. It is data anchored on absolute
// times (the host's wall-clock milliseconds), so that a reload recomputes exactly the same
// simulated time and pausing, resuming or changing speed never makes it jump.

/** Compression accepted: real time up to sixty times faster. */
export const MIN_COMPRESSION = 1;
/** Compression accepted: real time up to sixty times faster. */
export const MAX_COMPRESSION = 60;

/** Where the clock is. */
export type ClockStatus = 'ready' | 'running' | 'paused' | 'ended';

/** The clock as data. */
export type ExerciseClock = {
  readonly status: ClockStatus;
  readonly compression: number;
  /** Simulated wall time at exercise start (ms since epoch); null before start. */
  readonly simulatedStart: number | null;
  /** Simulated milliseconds elapsed at the anchor. */
  readonly anchorElapsed: number;
  /** Real time of the anchor while running (ms since epoch); null when not running. */
  readonly anchorReal: number | null;
};

/** A clock that has not started. */
export function newClock(compression = MIN_COMPRESSION): ExerciseClock {
  return {
    status: 'ready',
    compression: clampCompression(compression),
    simulatedStart: null,
    anchorElapsed: 0,
    anchorReal: null,
  };
}

/** Keeps compression within 1×–60× (a non-number falls back to 1×). */
export function clampCompression(value: number): number {
  if (!Number.isFinite(value)) return MIN_COMPRESSION;
  return Math.min(MAX_COMPRESSION, Math.max(MIN_COMPRESSION, value));
}

/** Simulated milliseconds since the start at real time `now`. */
export function elapsedAt(clock: ExerciseClock, now: number): number {
  if (clock.status !== 'running' || clock.anchorReal === null) return clock.anchorElapsed;
  return clock.anchorElapsed + Math.max(0, now - clock.anchorReal) * clock.compression;
}

/** Simulated wall time (ms since epoch) at real time `now`; the start time before start. */
export function simulatedAt(clock: ExerciseClock, now: number): number {
  return (clock.simulatedStart ?? now) + elapsedAt(clock, now);
}

/**
 * Starts the clock at real time `now`; simulated time begins at `simulatedStart`
 * (by default the real start, so the exercise reads like today's incident).
 */
export function startClock(
  clock: ExerciseClock,
  now: number,
  simulatedStart: number = now,
): ExerciseClock {
  if (clock.status !== 'ready') return clock;
  return { ...clock, status: 'running', simulatedStart, anchorElapsed: 0, anchorReal: now };
}

/** Freezes simulated time at its value at `now`. */
export function pauseClock(clock: ExerciseClock, now: number): ExerciseClock {
  if (clock.status !== 'running') return clock;
  return { ...clock, status: 'paused', anchorElapsed: elapsedAt(clock, now), anchorReal: null };
}

/** Lets simulated time run again from where it was frozen. */
export function resumeClock(clock: ExerciseClock, now: number): ExerciseClock {
  if (clock.status !== 'paused') return clock;
  return { ...clock, status: 'running', anchorReal: now };
}

/** Changes speed at `now` without a jump: re-anchors on the current simulated time. */
export function setCompression(
  clock: ExerciseClock,
  compression: number,
  now: number,
): ExerciseClock {
  const value = clampCompression(compression);
  if (clock.status !== 'running') return { ...clock, compression: value };
  return { ...clock, compression: value, anchorElapsed: elapsedAt(clock, now), anchorReal: now };
}

/** Stops the clock for good at `now`. */
export function endClock(clock: ExerciseClock, now: number): ExerciseClock {
  if (clock.status === 'ended' || clock.status === 'ready') return clock;
  return { ...clock, status: 'ended', anchorElapsed: elapsedAt(clock, now), anchorReal: null };
}

/** Real time (ms since epoch) at which simulated elapsed time reaches `elapsed`; null if paused or past. */
export function realTimeOf(clock: ExerciseClock, elapsed: number): number | null {
  if (clock.status !== 'running' || clock.anchorReal === null) return null;
  return clock.anchorReal + Math.max(0, elapsed - clock.anchorElapsed) / clock.compression;
}
