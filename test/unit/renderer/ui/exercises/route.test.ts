import { describe, expect, it } from 'vitest';
import {
  parseParticipantHash,
  participantHash,
} from '../../../../../renderer/ui/exercises/exercise-route';
import { formatRoute, parseRoute } from '../../../../../renderer/ui/lib/route';

describe('exercise routes', () => {
  it('reads and writes the library, a scenario and a console tab', () => {
    expect(parseRoute('#/exercises')).toEqual({ area: 'exercises', view: { kind: 'library' } });
    expect(parseRoute('#/exercises/scenario/zombie-v1-api')).toEqual({
      area: 'exercises',
      view: { kind: 'scenario', id: 'zombie-v1-api' },
    });
    expect(parseRoute('#/exercises/run/ex%201/evaluate')).toEqual({
      area: 'exercises',
      view: { kind: 'run', id: 'ex 1', tab: 'evaluate' },
    });
    expect(parseRoute('#/exercises/run/ex-1')).toEqual({
      area: 'exercises',
      view: { kind: 'run', id: 'ex-1', tab: 'msel' },
    });
    expect(formatRoute({ area: 'exercises', view: { kind: 'run', id: 'a/b', tab: 'room' } })).toBe(
      '#/exercises/run/a%2Fb/room',
    );
  });

  it('falls back to the library on anything unknown', () => {
    for (const hash of [
      '#/exercises/run/ex-1/nope',
      '#/exercises/run/%E0%A4%A/msel',
      '#/exercises/other/x',
      '#/exercises/scenario/x/y',
    ])
      expect(parseRoute(hash)).toEqual({ area: 'exercises', view: { kind: 'library' } });
  });

  it('names the participant view by exercise id, encoded both ways', () => {
    expect(participantHash('a b/c')).toBe('#/participant/a%20b%2Fc');
    expect(parseParticipantHash('#/participant/a%20b%2Fc')).toBe('a b/c');
    expect(parseParticipantHash('#/participant/x/y')).toBeNull();
    expect(parseParticipantHash('#/exercises')).toBeNull();
    expect(parseParticipantHash('#/participant/%E0%A4%A')).toBeNull();
  });
});
