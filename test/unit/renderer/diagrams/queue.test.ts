import { describe, expect, it } from 'vitest';
import { createSerialQueue } from '../../../../renderer/diagrams/queue';

/** A promise with its resolve and reject at hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createSerialQueue', () => {
  it('starts a task only after the one before it has settled, in order', async () => {
    const queue = createSerialQueue();
    const log: string[] = [];
    const first = deferred<string>();
    const second = deferred<string>();
    const a = queue.run(() => {
      log.push('a started');
      return first.promise;
    });
    const b = queue.run(() => {
      log.push('b started');
      return second.promise;
    });
    const c = queue.run(() => {
      log.push('c started');
      return Promise.resolve('c');
    });
    await tick();
    expect(log).toEqual(['a started']);
    expect(queue.pending).toBe(3);
    second.resolve('b'); // finishing out of order changes nothing: b has not started
    await tick();
    expect(log).toEqual(['a started']);
    first.resolve('a');
    expect(await Promise.all([a, b, c])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a started', 'b started', 'c started']);
    expect(queue.pending).toBe(0);
  });

  it('goes on after a task that rejects or throws, and hands each caller its own outcome', async () => {
    const queue = createSerialQueue();
    const failing = queue.run(() => Promise.reject(new Error('first failed')));
    const throwing = queue.run((): Promise<never> => {
      throw new Error('second threw');
    });
    const fine = queue.run(() => Promise.resolve(42));
    await expect(failing).rejects.toThrow('first failed');
    await expect(throwing).rejects.toThrow('second threw');
    expect(await fine).toBe(42);
  });

  it('runs a task queued while another runs after it', async () => {
    const queue = createSerialQueue();
    const log: number[] = [];
    await queue.run(async () => {
      log.push(1);
      void queue.run(() => {
        log.push(3);
        return Promise.resolve();
      });
      await tick();
      log.push(2);
    });
    await queue.run(() => Promise.resolve());
    expect(log).toEqual([1, 2, 3]);
  });
});
