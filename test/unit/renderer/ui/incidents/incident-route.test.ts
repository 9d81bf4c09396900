import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../../../renderer/ui/lib/route';
import { fromLocalInput, toLocalInput } from '../../../../../renderer/ui/incidents/time-format';

describe('incidents routes', () => {
  it('reads and writes the list, the declaration and a room tab', () => {
    expect(parseRoute('#/incidents')).toEqual({ area: 'incidents', view: { kind: 'list' } });
    expect(parseRoute('#/incidents/new')).toEqual({ area: 'incidents', view: { kind: 'new' } });
    expect(parseRoute('#/incidents/room/a%2Fb/timeline')).toEqual({
      area: 'incidents',
      view: { kind: 'room', id: 'a/b', tab: 'timeline' },
    });
    expect(
      formatRoute({ area: 'incidents', view: { kind: 'room', id: 'a/b', tab: 'review' } }),
    ).toBe('#/incidents/room/a%2Fb/review');
  });

  it('opens a room on its playbook tab, and reads anything unknown as the list', () => {
    expect(parseRoute('#/incidents/room/x')).toEqual({
      area: 'incidents',
      view: { kind: 'room', id: 'x', tab: 'playbook' },
    });
    for (const hash of [
      '#/incidents/room/x/nope',
      '#/incidents/room/%E0/timeline',
      '#/incidents/x/y/z/w',
    ])
      expect(parseRoute(hash)).toEqual({ area: 'incidents', view: { kind: 'list' } });
  });
});

describe('times typed in the incident time zone', () => {
  it('reads a local time on both sides of a daylight-saving change', () => {
    // Berlin: CET (+01:00) in January, CEST (+02:00) in July.
    expect(fromLocalInput('2026-01-15T10:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 0, 15, 9, 0));
    expect(fromLocalInput('2026-07-15T10:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 6, 15, 8, 0));
    // The night clocks go back (25 Oct 2026): 04:30 local is after the change, +01:00.
    expect(fromLocalInput('2026-10-25T04:30', 'Europe/Berlin')).toBe(Date.UTC(2026, 9, 25, 3, 30));
  });

  it('writes an instant as the local time of the zone, and refuses what is not a time', () => {
    expect(toLocalInput(Date.UTC(2026, 6, 15, 8, 0), 'Europe/Berlin')).toBe('2026-07-15T10:00');
    expect(toLocalInput(Date.UTC(2026, 6, 15, 8, 0), 'America/New_York')).toBe('2026-07-15T04:00');
    expect(fromLocalInput('yesterday', 'UTC')).toBeNull();
  });
});
