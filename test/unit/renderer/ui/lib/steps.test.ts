import { describe, expect, it } from 'vitest';
import { runInSlices, stepFor } from '../../../../../renderer/ui/lib/steps';

// A computation of `n` steps that sums 1..n, yielding how many it has added so far.
function* counting(n: number): Generator<number, number, void> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    if (i < n) yield i;
  }
  return sum;
}

// A clock that advances by `tick` milliseconds every time it is read.
function clock(tick: number): () => number {
  let t = 0;
  return () => (t += tick);
}

describe('stepFor', () => {
  it('stops once the budget is spent and returns the progress so far', () => {
    const steps = counting(100);
    // Each read advances 1 ms: the start, then one read per step; 5 ms is 5 steps.
    const r = stepFor(steps, 5, clock(1));
    expect(r).toEqual({ done: false, value: 5 });
    expect(stepFor(steps, 5, clock(1))).toEqual({ done: false, value: 10 });
  });

  it('returns the value when the computation ends inside the budget', () => {
    expect(stepFor(counting(10), 1000, clock(1))).toEqual({ done: true, value: 55 });
  });
});

describe('runInSlices', () => {
  it('pauses between slices, reports progress and resolves with the value', async () => {
    const progress: number[] = [];
    let pauses = 0;
    const value = await runInSlices(counting(1000), {
      isCancelled: () => false,
      onProgress: (p) => progress.push(p),
      budgetMs: 0, // one step per slice
      pause: () => {
        pauses += 1;
        return Promise.resolve();
      },
    });
    expect(value).toBe(500500);
    expect(pauses).toBe(999);
    expect(progress.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('stops at the next pause once cancelled and resolves undefined', async () => {
    let cancelled = false;
    const progress: number[] = [];
    const value = await runInSlices(counting(1000), {
      isCancelled: () => cancelled,
      onProgress: (p) => {
        progress.push(p);
        if (p === 3) cancelled = true;
      },
      budgetMs: 0,
      pause: () => Promise.resolve(),
    });
    expect(value).toBeUndefined();
    expect(progress).toEqual([1, 2, 3]);
  });
});
