import { jsonAt, jsonString, writeInParts } from '../shared/json-parts';
import { generateThreats } from './generate';
import type { Element, Mitigation, ThreatModel } from './model';
import type { Severity } from './risk';
import { atLeast } from './risk';
import type { RuleLibrary } from './rules/types';
import type { ThreatRow } from './views';
import { bySeverity, threatRows } from './views';

// Headless analysis, as `bulwark analyze` runs it: generate, then flatten. The JSON shape
// is a public contract (CI pipelines parse it), so it is built here, field by field.

/** One threat in the analysis JSON. */
export type AnalysisThreat = {
  readonly id: string;
  readonly ruleId: string | null;
  readonly elementId: string;
  readonly stride: string;
  readonly owasp: string | null;
  readonly cwe: readonly string[];
  readonly capec: readonly string[];
  readonly likelihood: number;
  readonly impact: number;
  readonly severity: Severity;
  readonly residualSeverity: Severity;
  readonly status: string;
  readonly title: string;
  readonly evidence: string;
  readonly mitigations: readonly {
    readonly id: string;
    readonly title: string;
    readonly description: string;
    readonly status: string;
    readonly owner: string;
    readonly due: string | null;
  }[];
  readonly operation?: string;
  readonly location?: string;
};

/** The analysis JSON: `{ model: { elements }, threats }`. */
export type AnalysisJson = {
  readonly model: { readonly elements: readonly Element[] };
  readonly threats: readonly AnalysisThreat[];
};

/** The result of analysing a model: the regenerated model and its current threats. */
export type Analysis = { readonly model: ThreatModel; readonly rows: readonly ThreatRow[] };

/** Generates threats and lists the current (non-stale) ones, most severe first. */
export function analyzeModel(model: ThreatModel, library: RuleLibrary): Analysis {
  const generated = generateThreats(model, library);
  return { model: generated, rows: bySeverity(threatRows(generated)) };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Each row's threat as the JSON prints it; a rule's shared mitigation list copied once. */
function threatJsonMaker(): (r: ThreatRow) => AnalysisThreat {
  const copies = new Map<readonly Mitigation[], AnalysisThreat['mitigations']>();
  const mitigationsOf = (list: readonly Mitigation[]) => {
    let copy = copies.get(list);
    if (!copy)
      copies.set(
        list,
        (copy = list.map((m) => ({
          id: m.id,
          title: m.title,
          description: m.description,
          status: m.status,
          owner: m.owner,
          due: m.due,
        }))),
      );
    return copy;
  };
  return (r) => {
    const threat: Mutable<AnalysisThreat> = {
      id: r.id,
      ruleId: r.ruleId,
      elementId: r.elementId,
      stride: r.stride,
      owasp: r.owasp,
      cwe: r.cwe,
      capec: r.capec,
      likelihood: r.likelihood,
      impact: r.impact,
      severity: r.severity,
      residualSeverity: r.residualSeverity,
      status: r.status,
      title: r.title,
      evidence: r.evidence,
      mitigations: mitigationsOf(r.mitigations),
    };
    if (r.operation !== null) threat.operation = r.operation;
    if (r.location !== null) threat.location = r.location;
    return threat;
  };
}

/** The analysis as the CLI prints it with `--format json`. */
export function analysisJson(analysis: Analysis): AnalysisJson {
  return {
    model: { elements: analysis.model.elements },
    threats: analysis.rows.map(threatJsonMaker()),
  };
}

const isString = (v: unknown) => typeof v === 'string';

/** Whether a row's values are all of the types it promises (so threatTextMaker may write it). */
function plain(r: ThreatRow): boolean {
  return (
    Number.isFinite(r.likelihood) &&
    Number.isFinite(r.impact) &&
    isString(r.id) &&
    isString(r.elementId) &&
    isString(r.stride) &&
    isString(r.severity) &&
    isString(r.residualSeverity) &&
    isString(r.status) &&
    isString(r.title) &&
    isString(r.evidence) &&
    (r.ruleId === null || isString(r.ruleId)) &&
    (r.owasp === null || isString(r.owasp)) &&
    (r.operation === null || isString(r.operation)) &&
    (r.location === null || isString(r.location)) &&
    r.cwe.every(isString) &&
    r.capec.every(isString)
  );
}

/**
 * Each row's threat as `jsonAt(threat, 2)` writes it (its place in the analysis JSON: an
 * item of the top-level `threats` array), field by field in the order of threatJsonMaker,
 * without making the threat object. A rule's shared mitigation list is written once and
 * its text reused; strings go through jsonString. Property tests hold it to JSON.stringify.
 */
function threatTextMaker(): (r: ThreatRow) => string {
  const copies = threatJsonMaker();
  const lists = new Map<readonly Mitigation[], string>();
  const F = '\n      ';
  // Strings that many threats share (a rule's title, a severity) are escaped once.
  const shared = new Map<string, string>();
  const text = (v: string | null) => {
    if (v === null) return 'null';
    let t = shared.get(v);
    if (t === undefined) shared.set(v, (t = jsonString(v)));
    return t;
  };
  const strings = (list: readonly string[]) => {
    if (list.length === 0) return '[]';
    let out = '';
    for (const item of list) out += `${out === '' ? '[' : ','}\n        ${jsonString(item)}`;
    return `${out}\n      ]`;
  };
  return (r) => {
    // Anything beyond the types' promise (a number that is not finite, a field left
    // undefined) is written by JSON.stringify itself.
    if (!plain(r)) return jsonAt(copies(r), 2);
    let mitigations = lists.get(r.mitigations);
    if (mitigations === undefined)
      lists.set(r.mitigations, (mitigations = jsonAt(copies(r).mitigations, 3)));
    let out =
      `{${F}"id": ${jsonString(r.id)},${F}"ruleId": ${text(r.ruleId)},` +
      `${F}"elementId": ${jsonString(r.elementId)},${F}"stride": ${text(r.stride)},` +
      `${F}"owasp": ${text(r.owasp)},${F}"cwe": ${strings(r.cwe)},` +
      `${F}"capec": ${strings(r.capec)},${F}"likelihood": ${r.likelihood},` +
      `${F}"impact": ${r.impact},${F}"severity": ${text(r.severity)},` +
      `${F}"residualSeverity": ${text(r.residualSeverity)},` +
      `${F}"status": ${text(r.status)},${F}"title": ${text(r.title)},` +
      `${F}"evidence": ${text(r.evidence)},${F}"mitigations": ${mitigations}`;
    if (r.operation !== null) out += `,${F}"operation": ${jsonString(r.operation)}`;
    if (r.location !== null) out += `,${F}"location": ${jsonString(r.location)}`;
    return `${out}\n    }`;
  };
}

/**
 * `JSON.stringify(analysisJson(analysis), null, 2)` in parts, `perPart` threats each: the
 * parts joined are that text exactly (writeInParts, threatTextMaker). Written part by part,
 * a large analysis (8.8 MB of JSON for GitHub's API) never exists as one string, nor do its
 * threats as JSON objects; and the parts without a character beyond Latin-1 stay one byte
 * per character, which UTF-8 encodes fast.
 */
export function analysisJsonParts(analysis: Analysis, perPart = 64): Generator<string> {
  return writeInParts(
    { model: { elements: analysis.model.elements }, threats: [] },
    ['threats'],
    analysis.rows,
    threatTextMaker(),
    perPart,
  );
}

/**
 * Threats that fail a CI gate: still open (not mitigated, accepted, transferred or not
 * applicable) and at or above the threshold. A decision recorded in the model therefore
 * clears the gate, which is what lets a team adopt `--fail-on` on an existing model.
 */
export function failingThreats(rows: readonly ThreatRow[], threshold: Severity): ThreatRow[] {
  return rows.filter((r) => !r.stale && r.status === 'open' && atLeast(r.severity, threshold));
}
