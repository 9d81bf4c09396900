import { bench, describe } from 'vitest';
import { parseBackup } from '../../core/backup/format';
import { computePosture, postureHtmlReport, postureWorkspaceOf } from '../../core/posture';
import type { IsoDate, IsoTimestamp } from '../../core/shared/brand';
import { serializeBackup } from '../../core/backup/format';
import { largePostureBackup } from '../fixtures/posture/large';

// The core of the dashboard's figure (issue 9: under 1 s to render over 2,000 APIs, 500
// threat models and 300 incidents): computing every figure for a period and its
// comparison, and writing the board report.
const parsed = parseBackup(serializeBackup(largePostureBackup(2000, 500, 300)), 'bench.json');
if (!parsed.ok) throw new Error(parsed.error);
const ws = postureWorkspaceOf(parsed.backup.data);
const options = {
  period: { from: '2026-07-01' as IsoDate, to: '2026-09-30' as IsoDate },
  now: '2026-11-23T00:00:00.000Z' as IsoTimestamp,
};
const posture = computePosture(ws, options);

describe('posture over 2,000 APIs, 500 threat models, 300 incidents', () => {
  bench('computePosture (period and comparison)', () => {
    computePosture(ws, options);
  });
  bench('postureHtmlReport', () => {
    postureHtmlReport(posture);
  });
});
