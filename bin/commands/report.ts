import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseBackup } from '../../core/backup/format';
import {
  calendarPeriod,
  checkPeriod,
  computePosture,
  postureHtmlReport,
  postureMarkdownReport,
  postureWorkspaceOf,
  type Period,
  type Posture,
  type PostureWorkspace,
} from '../../core/posture';
import type { IsoDate, IsoTimestamp } from '../../core/shared/brand';
import type { CliIo } from '../cli';
import { UsageError } from '../cli';
import { oneOf, readOptions } from './rules';

const USAGE = `Usage: bulwark report posture <backup.json> [--format json|markdown|html] [--out file]
                      [--period quarter|half|year] [--from YYYY-MM-DD --to YYYY-MM-DD]
                      [--now ISO-TIMESTAMP] [--review-days N]

Computes the security posture figures (inventory, design, response, preparedness,
regulatory scope) from a workspace backup, compared with the period before. Live
incidents only: exercises are never counted.

Options:
  --format json|markdown|html   output format (default: json: the figures with their
                                definitions, values, previous values and drill-down ids)
  --out <file>                  write to a file instead of standard output
  --period quarter|half|year    the calendar period containing --now (default: quarter)
  --from, --to                  a custom period instead (both days included, UTC)
  --now <timestamp>             the time to report at (default: the current time)
  --review-days <n>             a threat model is current when signed off within n days
                                (default: 365)
  -h, --help                    show this help

Exit codes: 0 written, 2 bad arguments or a backup that cannot be read.
`;

const oneLine = (text: string) => text.replace(/\p{Cc}+/gu, ' ').trim();

/** The JSON form: every figure with its definition, and the records behind it. */
export function postureJson(p: Posture): string {
  return (
    JSON.stringify(
      {
        format: 'bulwark-posture',
        period: p.period,
        previous: p.previous,
        asOf: p.asOf,
        reviewPeriodDays: p.reviewPeriodDays,
        figures: p.figures.map((f) => ({
          id: f.id,
          section: f.section,
          label: f.label,
          value: f.value,
          unit: f.unit,
          definition: f.definition,
          previous: f.previous,
          better: f.better,
          drill: f.drill,
        })),
        trend: p.trend,
      },
      null,
      2,
    ) + '\n'
  );
}

function periodOf(values: Record<string, string | boolean | undefined>, now: number): Period {
  const { from, to } = values;
  if (from !== undefined || to !== undefined) {
    if (values.period !== undefined)
      throw new UsageError('report posture: give either --period or --from and --to, not both');
    if (typeof from !== 'string' || typeof to !== 'string')
      throw new UsageError('report posture: --from and --to go together');
    const reason = checkPeriod({ from, to });
    if (reason !== null) throw new UsageError(`report posture: ${reason}`);
    return { from: from as IsoDate, to: to as IsoDate };
  }
  const kind = oneOf(values.period, ['quarter', 'half', 'year'] as const, 'quarter', '--period');
  return calendarPeriod(new Date(now).toISOString().slice(0, 10) as IsoDate, kind);
}

/** `bulwark report posture`: the posture figures of a workspace backup. */
export const reportCommand = {
  usage: USAGE,
  run: (args: readonly string[], io: CliIo): Promise<number> => {
    const { values, positionals } = readOptions(
      args,
      {
        format: { type: 'string' },
        out: { type: 'string' },
        period: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        now: { type: 'string' },
        'review-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      'report',
    );
    if (values.help === true) {
      io.out(USAGE);
      return Promise.resolve(0);
    }
    const [what, file, extra] = positionals;
    if (what !== 'posture')
      throw new UsageError(
        what === undefined
          ? 'report: name the report (bulwark report posture <backup.json>)'
          : `report: unknown report '${what}' (the one report is 'posture')`,
      );
    if (file === undefined) throw new UsageError('report posture: name the backup file');
    if (extra !== undefined) throw new UsageError(`report posture: unexpected argument '${extra}'`);
    const format = oneOf(values.format, ['json', 'markdown', 'html'] as const, 'json', '--format');
    const out = values.out;
    if (out !== undefined && (typeof out !== 'string' || out === ''))
      throw new UsageError('--out needs a file name');
    let now = Date.now();
    if (values.now !== undefined) {
      now = Date.parse(String(values.now));
      if (Number.isNaN(now))
        throw new UsageError(`--now must be an ISO timestamp (got '${String(values.now)}')`);
    }
    let reviewDays: number | undefined;
    if (values['review-days'] !== undefined) {
      reviewDays = Number(values['review-days']);
      if (!Number.isInteger(reviewDays) || reviewDays < 1 || reviewDays > 3650)
        throw new UsageError(
          `--review-days must be a whole number from 1 to 3650 (got '${String(values['review-days'])}')`,
        );
    }
    const period = periodOf(values, now);

    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(e);
      io.err(`bulwark: cannot read ${oneLine(file)}: ${oneLine(reason)}\n`);
      return Promise.resolve(2);
    }
    const parsed = parseBackup(text, basename(file));
    if (!parsed.ok) {
      io.err(`bulwark: ${oneLine(parsed.error.replace(/ Nothing was restored\.$/, ''))}\n`);
      return Promise.resolve(2);
    }
    const workspace: PostureWorkspace = postureWorkspaceOf(parsed.backup.data);
    const posture = computePosture(workspace, {
      period,
      now: new Date(now).toISOString() as IsoTimestamp,
      reviewPeriodDays: reviewDays,
    });
    const generatedAt = new Date(now).toISOString();
    const output =
      format === 'json'
        ? postureJson(posture)
        : format === 'markdown'
          ? postureMarkdownReport(posture, { generatedAt })
          : postureHtmlReport(posture, { generatedAt });
    if (out === undefined) io.out(output);
    else
      try {
        writeFileSync(out, output);
      } catch (e) {
        io.err(`bulwark: cannot write ${oneLine(out)}: ${oneLine(String(e))}\n`);
        return Promise.resolve(2);
      }
    return Promise.resolve(0);
  },
};
