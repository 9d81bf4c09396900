import { useMemo } from 'react';
import {
  builtinCoverage,
  compareWithSnapshot,
  computePosture,
  postureWorkspaceOf,
  type Period,
  type Posture,
  type PostureSnapshot,
} from '../../../core/posture';
import type { IsoTimestamp } from '../../../core/shared/brand';
import type { PostureRecords } from '../../storage/posture';

/** The posture of the workspace for a period, compared with a snapshot when one is chosen. */
export function usePosture(
  records: PostureRecords | undefined,
  period: Period | null,
  snapshot: PostureSnapshot | null,
  now: IsoTimestamp,
): Posture | null {
  const coverage = useMemo(() => builtinCoverage(), []);
  return useMemo(() => {
    if (records === undefined || period === null) return null;
    const posture = computePosture(postureWorkspaceOf(records), {
      period,
      now,
      builtinPlaybooks: coverage,
    });
    return snapshot === null ? posture : compareWithSnapshot(posture, snapshot);
  }, [records, period, snapshot, now, coverage]);
}
