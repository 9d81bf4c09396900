import { stringifyInParts } from '../shared/json-parts';
import type { TextPlace } from './json-locate';
import type { CatalogueThreat, ThreatModel } from './model';
import { OWASP_NAMES, STRIDE_NAMES } from './model';
import type { Severity } from './risk';
import { severity } from './risk';
import type { ThreatRow } from './views';

// SARIF 2.1.0 for code-scanning services. Rules carry help text and tags (STRIDE, OWASP,
// CWE in GitHub's external/cwe form) and a numeric security-severity; results point at
// the model file (with a region when the element can be found in the text) and name the
// element as a logical location. Decisions other than "open" become suppressions, so a
// code-scanning service shows an accepted risk as dismissed rather than as a new alert.

/** The SARIF schema this output follows. */
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** SARIF result level for a severity. */
export function sarifLevel(s: Severity): 'error' | 'warning' | 'note' {
  return s === 'critical' || s === 'high' ? 'error' : s === 'low' ? 'note' : 'warning';
}

// GitHub reads security-severity as a CVSS-like score: ≥ 9 critical, ≥ 7 high, ≥ 4 medium.
const SCORE: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  elevated: '6.0',
  medium: '4.0',
  low: '2.0',
};

/** Inputs beyond the threats themselves. */
export type SarifOptions = {
  readonly toolVersion: string;
  /** The analysed file as the results should name it (relative to the repository root). */
  readonly artifactUri: string;
  readonly locate?: (row: ThreatRow) => TextPlace | null;
};

/** A SARIF log object, ready for JSON.stringify. */
export type SarifLog = {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly Record<string, unknown>[];
};

/** One result of a run. */
type SarifResult = Record<string, unknown>;

const ruleName = (title: string) =>
  title
    .replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())
    .replace(/^./, (c) => c.toUpperCase()) || 'Threat';

function sarifRule(c: CatalogueThreat): Record<string, unknown> {
  const s = severity(c.likelihood, c.impact);
  const mitigations = c.mitigations.map((m) => `- ${m.title}: ${m.description}`).join('\n');
  const mapping = [
    `STRIDE: ${STRIDE_NAMES[c.stride]}`,
    c.owasp ? `OWASP API Security Top 10: ${c.owasp} ${OWASP_NAMES[c.owasp]}` : null,
    c.cwe.length > 0 ? `CWE: ${c.cwe.join(', ')}` : null,
    c.capec.length > 0 ? `CAPEC: ${c.capec.join(', ')}` : null,
  ].filter((x) => x !== null);
  const help = `${c.description}\n\n${mapping.join('\n')}${mitigations ? `\n\nMitigations:\n${mitigations}` : ''}`;
  const firstCwe = c.cwe[0]?.replace('CWE-', '');
  return {
    id: c.id,
    name: ruleName(c.title),
    shortDescription: { text: c.title },
    fullDescription: { text: c.description || c.title },
    help: { text: help },
    ...(firstCwe ? { helpUri: `https://cwe.mitre.org/data/definitions/${firstCwe}.html` } : {}),
    defaultConfiguration: { level: sarifLevel(s) },
    properties: {
      tags: [
        'security',
        `STRIDE/${STRIDE_NAMES[c.stride]}`,
        ...(c.owasp ? [`OWASP/${c.owasp}`] : []),
        ...c.cwe.map((x) => `external/cwe/${x.toLowerCase()}`),
        ...c.capec.map((x) => `external/capec/${x.toLowerCase()}`),
      ],
      'security-severity': SCORE[s],
      precision: c.ruleId === null ? 'high' : 'medium',
    },
  };
}

/** The analysis of one input file as a SARIF 2.1.0 log. */
export function toSarif(
  model: Pick<ThreatModel, 'threats'>,
  rows: readonly ThreatRow[],
  options: SarifOptions,
): SarifLog {
  const log = sarifShell(model, rows, options);
  const run = log.runs[0];
  return run
    ? { ...log, runs: [{ ...run, results: rows.map(sarifResultMaker(rows, options)) }] }
    : log;
}

/**
 * `JSON.stringify(toSarif(model, rows, options), null, 2)` in parts, `perPart` results
 * each, that joined are that text exactly: the results are made and stringified a slice
 * at a time (see stringifyInParts), never all held at once.
 */
export function toSarifParts(
  model: Pick<ThreatModel, 'threats'>,
  rows: readonly ThreatRow[],
  options: SarifOptions,
  perPart = 64,
): Generator<string> {
  return stringifyInParts(
    sarifShell(model, rows, options),
    ['runs', 0, 'results'],
    rows,
    sarifResultMaker(rows, options),
    perPart,
  );
}

/** The rules used by `rows`, in id order, and each one's index among them. */
function usedRules(rows: readonly ThreatRow[]): { ids: string[]; index: Map<string, number> } {
  const ids = [...new Set(rows.map((r) => r.threatId as string))].sort();
  return { ids, index: new Map(ids.map((id, i) => [id, i])) };
}

/** The SARIF log with its rules and an empty list of results. */
function sarifShell(
  model: Pick<ThreatModel, 'threats'>,
  rows: readonly ThreatRow[],
  options: SarifOptions,
): SarifLog {
  const catalogue = new Map(model.threats.catalogue.map((c) => [c.id as string, c]));
  const rules = usedRules(rows)
    .ids.map((id) => catalogue.get(id))
    .filter((c) => c !== undefined)
    .map(sarifRule);
  const results: SarifResult[] = [];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Bulwark',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            rules,
          },
        },
        artifacts: [{ location: { uri: options.artifactUri } }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** A function making each row's SARIF result. */
function sarifResultMaker(
  rows: readonly ThreatRow[],
  options: SarifOptions,
): (r: ThreatRow) => SarifResult {
  const ruleIndex = usedRules(rows).index;
  return (r) => {
    const place = options.locate?.(r) ?? null;
    const where = r.operation === null ? '' : ` (${r.operation})`;
    const kind = r.elementKind ?? 'element';
    return {
      ruleId: r.threatId,
      ruleIndex: ruleIndex.get(r.threatId) ?? 0,
      level: sarifLevel(r.severity),
      message: {
        text: `${r.title} on ${kind} "${r.elementName}"${where}: ${r.severity} (likelihood ${r.likelihood} × impact ${r.impact}). ${r.evidence}`,
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: options.artifactUri },
            ...(place ? { region: { startLine: place.line, startColumn: place.column } } : {}),
          },
          logicalLocations: [
            {
              name: r.elementName,
              fullyQualifiedName: `elements/${r.elementId}`,
              kind: 'resource',
            },
            ...(r.operation === null
              ? []
              : [
                  {
                    name: r.operation,
                    fullyQualifiedName: r.location ?? r.operation,
                    kind: 'function',
                  },
                ]),
          ],
        },
      ],
      partialFingerprints: { 'bulwarkThreatId/v1': r.id },
      ...(r.status === 'open'
        ? {}
        : {
            suppressions: [
              {
                kind: 'external',
                justification: r.acceptance?.rationale ?? `Marked ${r.status} in the threat model.`,
              },
            ],
          }),
      properties: {
        severity: r.severity,
        residualSeverity: r.residualSeverity,
        status: r.status,
        stride: r.stride,
        owasp: r.owasp,
        'security-severity': SCORE[r.severity],
      },
    };
  };
}
