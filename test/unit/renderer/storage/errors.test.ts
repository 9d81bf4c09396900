import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  classifyStorageError,
  reportStorageProblem,
  subscribeStorageProblems,
  QUOTA_PROBLEM,
} from '../../../../renderer/storage/errors';

describe('classifyStorageError', () => {
  it.each([
    ['a DOMException named QuotaExceededError', new DOMException('quota', 'QuotaExceededError')],
    ["Dexie's QuotaExceededError", new Dexie.QuotaExceededError('quota')],
    [
      'a quota error nested inside an AbortError',
      new Dexie.AbortError('Transaction aborted', new DOMException('quota', 'QuotaExceededError')),
    ],
    [
      'a quota error two levels down',
      new Dexie.DatabaseClosedError(
        'closed',
        new Dexie.AbortError('aborted', new DOMException('q', 'QuotaExceededError')),
      ),
    ],
  ])('recognises %s as a full disk', (_label, error) => {
    const problem = classifyStorageError(error);
    expect(problem.kind).toBe('quota');
    expect(problem.message).toBe(
      'Your disk or browser storage is full. Export a backup, free some space, then retry. Nothing was half-saved.',
    );
  });

  it.each([
    ['a DOMException VersionError', new DOMException('newer', 'VersionError')],
    ["Dexie's VersionError", new Dexie.VersionError('newer')],
    [
      'a VersionError behind a DatabaseClosedError',
      new Dexie.DatabaseClosedError('closed', new Dexie.VersionError('x')),
    ],
  ])('recognises %s as a database from a newer Bulwark', (_label, error) => {
    const problem = classifyStorageError(error);
    expect(problem.kind).toBe('newer-database');
    expect(problem.message).toBe(
      'This workspace was last opened by a newer Bulwark. Update the app; your data is untouched.',
    );
  });

  it.each([
    ["Dexie's DatabaseClosedError", new Dexie.DatabaseClosedError()],
    [
      'an error that says the upgrade is blocked',
      new Error('Upgrade blocked by another connection'),
    ],
    ['a blocked event name', { name: 'blocked', message: '' }],
  ])('recognises %s as blocked by another window', (_label, error) => {
    const problem = classifyStorageError(error);
    expect(problem.kind).toBe('blocked');
    expect(problem.remedy).toBe('Close other Bulwark windows or tabs, then retry.');
  });

  it.each([
    ["Dexie's MissingAPIError", new Dexie.MissingAPIError()],
    ['an InvalidStateError (private browsing)', new DOMException('no idb', 'InvalidStateError')],
    [
      'a MissingAPIError behind an OpenFailedError',
      new Dexie.OpenFailedError(new Dexie.MissingAPIError()),
    ],
  ])('recognises %s as storage unavailable', (_label, error) => {
    const problem = classifyStorageError(error);
    expect(problem.kind).toBe('unavailable');
    expect(problem.remedy).toMatch(/private/);
  });

  it.each([
    ['an ordinary error', new Error('boom'), 'Error: boom'],
    ['a string', 'weird', 'weird'],
    ['null', null, 'null'],
  ])('falls back to an unknown problem with the details for %s', (_label, error, detail) => {
    const problem = classifyStorageError(error);
    expect(problem.kind).toBe('unknown');
    expect(problem.message).toContain(detail);
    expect(problem.title).not.toBe('');
    expect(problem.remedy).not.toBe('');
  });

  it('survives an error whose inner chain loops', () => {
    const a: { name: string; message: string; inner?: unknown } = {
      name: 'AbortError',
      message: 'a',
    };
    a.inner = a;
    expect(classifyStorageError(a).kind).toBe('unknown');
  });
});

describe('storage problem subscriptions', () => {
  it('delivers reported problems until unsubscribed', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeStorageProblems(listener);
    reportStorageProblem(QUOTA_PROBLEM);
    unsubscribe();
    reportStorageProblem(QUOTA_PROBLEM);
    expect(listener).toHaveBeenCalledOnce();
    expect(listener).toHaveBeenCalledWith(QUOTA_PROBLEM);
  });
});
