import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../core/inventory';
import {
  daysOverdue,
  describeDue,
  formatIsoDate,
  localToday,
} from '../../../../renderer/ui/lib/dates';
import { formatBytes, resultSummary, workspaceCounts } from '../../../../renderer/ui/lib/format';
import { clip } from '../../../../renderer/ui/lib/labels';
import { parsePreferences } from '../../../../renderer/ui/lib/preferences';

const d = (s: string): IsoDate => s as IsoDate;

describe('result summary', () => {
  it('says how many of how many are shown', () => {
    expect(resultSummary(1234, 10000)).toBe('1,234 of 10,000 APIs');
    expect(resultSummary(10000, 10000)).toBe('10,000 APIs');
    expect(resultSummary(1, 1)).toBe('1 API');
    expect(resultSummary(0, 1)).toBe('0 of 1 API');
  });

  it('formats byte counts', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 ** 3)).toBe('10.0 GB');
  });
});

describe('dates', () => {
  it('uses the local calendar date, not UTC', () => {
    expect(localToday(new Date(2025, 2, 9, 23, 30))).toBe('2025-03-09');
  });

  it('describes how far a review is', () => {
    expect(describeDue(d('2025-03-09'), d('2025-03-09'))).toBe('due today');
    expect(describeDue(d('2025-03-10'), d('2025-03-09'))).toBe('in 1 day');
    expect(describeDue(d('2025-03-01'), d('2025-03-09'))).toBe('8 days overdue');
    expect(daysOverdue(d('2025-03-01'), d('2025-03-09'))).toBe(8);
    expect(daysOverdue(null, d('2025-03-09'))).toBe(0);
  });

  it('formats a calendar date without shifting it by the time zone', () => {
    expect(formatIsoDate(d('2025-03-09'))).toBe('9 Mar 2025');
  });
});

describe('hostile text helpers', () => {
  it('clips a 100 kB name for a one-line message', () => {
    const clipped = clip('A'.repeat(100_000));
    expect(Array.from(clipped)).toHaveLength(60);
    expect(clipped.endsWith('…')).toBe(true);
  });
});

describe('parsePreferences', () => {
  it('accepts stored choices and ignores anything malformed', () => {
    expect(parsePreferences('{"theme":"dark","presentation":true}')).toEqual({
      theme: 'dark',
      presentation: true,
    });
    expect(parsePreferences('{"theme":"neon","presentation":"yes"}')).toEqual({
      theme: null,
      presentation: false,
    });
    expect(parsePreferences('not json')).toEqual({ theme: null, presentation: false });
    expect(parsePreferences(null)).toEqual({ theme: null, presentation: false });
  });
});

describe('workspace counts for the restore confirmation', () => {
  it('names APIs always and the other tables only when they hold something', () => {
    expect(workspaceCounts({ apis: 0, threatModels: 0, playbooks: 0 })).toBe('0 APIs');
    expect(workspaceCounts({ apis: 12, threatModels: 1, playbooks: 0 })).toBe(
      '12 APIs and 1 threat model',
    );
    expect(workspaceCounts({ apis: 1, threatModels: 3, playbooks: 2 })).toBe(
      '1 API, 3 threat models and 2 playbooks',
    );
  });
});
