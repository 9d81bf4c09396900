import { stringifyInParts } from '../shared/json-parts';
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

/**
 * `JSON.stringify(analysisJson(analysis), null, 2)` in parts, `perPart` threats each: the
 * parts joined are that text exactly (stringifyInParts). Written part by part, a large
 * analysis (8.8 MB of JSON for GitHub's API) never exists as one string, nor do its threats
 * as JSON objects all at once; and the parts without a character beyond Latin-1 stay one
 * byte per character, which UTF-8 encodes fast.
 */
export function analysisJsonParts(analysis: Analysis, perPart = 64): Generator<string> {
  return stringifyInParts(
    { model: { elements: analysis.model.elements }, threats: [] },
    ['threats'],
    analysis.rows,
    threatJsonMaker(),
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
