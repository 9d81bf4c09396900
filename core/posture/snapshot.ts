import { z } from 'zod';
import type { IsoTimestamp } from '../shared/brand';
import type { Period, Posture, Unit } from './types';
import { UNITS } from './types';

// A kept snapshot of the figures, so that next quarter's report compares with what this
// quarter's report said rather than with today's reading of last quarter's records.

/** One figure as a snapshot keeps it: enough to compare and to label. */
export type SnapshotFigure = {
  readonly id: string;
  readonly label: string;
  readonly unit: Unit;
  readonly value: number | null;
};

/** The figures of a report at the time it was kept. */
export type PostureSnapshot = {
  readonly id: string;
  readonly takenAt: IsoTimestamp;
  readonly period: Period;
  readonly figures: readonly SnapshotFigure[];
};

const date = z.iso.date();

export const postureSnapshotSchema = z.strictObject({
  id: z.string().min(1).max(100),
  takenAt: z.iso.datetime({ offset: true }),
  period: z.strictObject({ from: date, to: date }),
  figures: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(300),
        label: z.string().max(500),
        unit: z.enum(UNITS),
        value: z.number().nullable(),
      }),
    )
    .max(10_000),
});

/** Keeps the figures of a computed posture under the given id and time. */
export function takeSnapshot(posture: Posture, id: string, takenAt: IsoTimestamp): PostureSnapshot {
  return {
    id,
    takenAt,
    period: posture.period,
    figures: posture.figures.map((f) => ({
      id: f.id,
      label: f.label,
      unit: f.unit,
      value: f.value,
    })),
  };
}

/**
 * The posture compared with a snapshot instead of the previous period: each figure's
 * `previous` becomes the snapshot's value (null when the snapshot did not have it).
 */
export function compareWithSnapshot(posture: Posture, snapshot: PostureSnapshot): Posture {
  const values = new Map(snapshot.figures.map((f) => [f.id, f.value]));
  return {
    ...posture,
    previous: snapshot.period,
    figures: posture.figures.map((f) => ({ ...f, previous: values.get(f.id) ?? null })),
    comparedWith: { kind: 'snapshot', id: snapshot.id, takenAt: snapshot.takenAt },
  };
}
