import { describe, expect, it } from 'vitest';
import {
  acknowledgedAt,
  aggregateMetrics,
  incidentMetrics,
  median,
  percentile,
} from '../../../../core/incidents/metrics';
import type { Incident } from '../../../../core/incidents/types';
import { HOUR, MINUTE, T0, sampleIncident, timelineOf } from './helpers';

describe('metrics of one incident', () => {
  it('measures detect from start, the rest from detection', () => {
    // started T0, detected +20 min, declared +30 min, aware +50 min, contained +3 h, resolved +26 h.
    expect(incidentMetrics(sampleIncident())).toEqual({
      timeToDetectMs: 20 * MINUTE,
      timeToAcknowledgeMs: 10 * MINUTE,
      timeToContainMs: 3 * HOUR - 20 * MINUTE,
      timeToResolveMs: 26 * HOUR - 20 * MINUTE,
    });
  });

  it('acknowledges at the first commander assignment in the timeline when earlier', () => {
    const incident = sampleIncident();
    const timeline = timelineOf(incident, [
      {
        at: T0 + 22 * MINUTE,
        recordedAt: T0 + 31 * MINUTE,
        actor: 'Ana',
        kind: 'role-assigned',
        text: 'Scribe: Ben',
        data: { roleId: 'scribe' },
      },
      {
        at: T0 + 25 * MINUTE,
        recordedAt: T0 + 31 * MINUTE,
        actor: 'Ana',
        kind: 'role-assigned',
        text: 'Commander: Ana',
        data: { roleId: 'incident-commander' },
      },
    ]);
    expect(acknowledgedAt(incident, timeline)).toBe(T0 + 25 * MINUTE);
    expect(incidentMetrics(incident, timeline).timeToAcknowledgeMs).toBe(5 * MINUTE);
  });

  it('acknowledges at awareness when that came before the declaration', () => {
    const incident = sampleIncident({
      keyTimes: { ...sampleIncident().keyTimes, aware: { at: T0 + 21 * MINUTE, by: 'Ana' } },
    });
    expect(incidentMetrics(incident).timeToAcknowledgeMs).toBe(MINUTE);
  });

  it('is null where a time is missing and zero when times are out of order', () => {
    const incident = sampleIncident({
      keyTimes: { detected: { at: T0 + HOUR, by: 'A' }, contained: { at: T0, by: 'A' } },
    });
    expect(incidentMetrics(incident)).toEqual({
      timeToDetectMs: null,
      timeToAcknowledgeMs: 0,
      timeToContainMs: 0,
      timeToResolveMs: null,
    });
    expect(incidentMetrics(sampleIncident({ keyTimes: {} })).timeToAcknowledgeMs).toBeNull();
  });
});

describe('aggregating many incidents', () => {
  const withDetect = (
    minutes: number,
    mode: Incident['mode'] = 'live',
    severity: Incident['severity'] = 'SEV2',
  ) =>
    sampleIncident({
      mode,
      severity,
      keyTimes: { started: { at: T0, by: 'A' }, detected: { at: T0 + minutes * MINUTE, by: 'A' } },
    });

  it('gives median and p90 of live incidents only; exercises are left out', () => {
    const items = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((m) => ({
      incident: withDetect(m),
    }));
    items.push({ incident: withDetect(10_000, 'exercise') });
    const agg = aggregateMetrics(items);
    expect(agg.incidents).toBe(10);
    expect(agg.exercisesExcluded).toBe(1);
    expect(agg.metrics.timeToDetectMs).toEqual({
      count: 10,
      medianMs: 55 * MINUTE,
      p90Ms: 90 * MINUTE,
    });
    expect(agg.metrics.timeToResolveMs).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect(agg.bySeverity).toEqual({ SEV1: 0, SEV2: 10, SEV3: 0, SEV4: 0 });
  });

  it('computes median and nearest-rank percentiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([], 90)).toBeNull();
  });
});
