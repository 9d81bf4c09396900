import { describe, expect, it } from 'vitest';
import {
  elapsedAt,
  endClock,
  newClock,
  pauseClock,
  realTimeOf,
  resumeClock,
  setCompression,
  simulatedAt,
  startClock,
} from '../../../../core/exercises/clock';
import { MINUTE, SECOND, T0 } from './helpers';

describe('exercise clock', () => {
  it('runs simulated time compression times faster than real time', () => {
    const c = startClock(newClock(60), T0);
    expect(elapsedAt(c, T0)).toBe(0);
    expect(elapsedAt(c, T0 + 10 * SECOND)).toBe(10 * MINUTE);
    expect(simulatedAt(c, T0 + 10 * SECOND)).toBe(T0 + 10 * MINUTE);
  });

  it('keeps compression within 1× and 60×', () => {
    expect(newClock(0.2).compression).toBe(1);
    expect(newClock(500).compression).toBe(60);
    expect(newClock(Number.NaN).compression).toBe(1);
  });

  it('freezes simulated time while paused and resumes without a jump', () => {
    let c = startClock(newClock(10), T0);
    c = pauseClock(c, T0 + 6 * SECOND); // 60 s simulated
    expect(elapsedAt(c, T0 + 6 * SECOND)).toBe(MINUTE);
    expect(elapsedAt(c, T0 + 600 * SECOND)).toBe(MINUTE);
    c = resumeClock(c, T0 + 600 * SECOND);
    expect(elapsedAt(c, T0 + 600 * SECOND)).toBe(MINUTE);
    expect(elapsedAt(c, T0 + 603 * SECOND)).toBe(MINUTE + 30 * SECOND);
  });

  it('changes compression mid-run without a jump in simulated time', () => {
    let c = startClock(newClock(60), T0);
    c = setCompression(c, 1, T0 + 5 * SECOND); // 5 simulated minutes so far
    expect(elapsedAt(c, T0 + 5 * SECOND)).toBe(5 * MINUTE);
    expect(elapsedAt(c, T0 + 65 * SECOND)).toBe(6 * MINUTE);
    c = setCompression(c, 30, T0 + 65 * SECOND);
    expect(elapsedAt(c, T0 + 67 * SECOND)).toBe(7 * MINUTE);
  });

  it('computes when a simulated moment happens in real time, and none while paused', () => {
    const c = startClock(newClock(60), T0);
    expect(realTimeOf(c, 30 * MINUTE)).toBe(T0 + 30 * SECOND);
    expect(realTimeOf(pauseClock(c, T0 + SECOND), 30 * MINUTE)).toBeNull();
  });

  it('restores the same time from its anchors after a serialisation round trip', () => {
    const c = setCompression(startClock(newClock(60), T0), 20, T0 + 7 * SECOND);
    const restored = JSON.parse(JSON.stringify(c)) as typeof c;
    expect(elapsedAt(restored, T0 + 19 * SECOND)).toBe(7 * MINUTE + 12 * 20 * SECOND);
  });

  it('stops for good when ended', () => {
    const c = endClock(startClock(newClock(2), T0), T0 + 30 * SECOND);
    expect(c.status).toBe('ended');
    expect(elapsedAt(c, T0 + 3600 * SECOND)).toBe(MINUTE);
    expect(resumeClock(c, T0)).toBe(c);
  });
});
