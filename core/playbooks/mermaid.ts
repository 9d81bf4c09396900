import { mermaidLabel as sharedMermaidLabel } from '../shared/mermaid-label';
import { listSteps, type StepPlace } from './model';
import type { Playbook, StepId } from './types';

// A playbook as Mermaid `stateDiagram-v2` text. Phases are composite states, decisions
// are choice points, parallel steps are composite states with `--` regions. Mermaid
// cannot draw a transition between states of two different composites, so a jump to
// another phase leaves through the phase's [*] and the phase-to-phase edge carries it.
//
// No user text reaches the diagram unescaped: states get generated ids (p0, s3, c3),
// labels are quoted with every character outside a small safe set written as a Mermaid
// entity code (#59; for ";"), so titles cannot close a label, add statements or directives.

/** Labels longer than this are shortened: the diagram is an overview. */
const MAX_LABEL = 80;

/** Escapes text for a quoted Mermaid label or a transition label. */
export function mermaidLabel(text: string, max = MAX_LABEL): string {
  return sharedMermaidLabel(text, max);
}

/** Options: the ids of the current steps (highlighted), such as activeStepIds() returns. */
export type MermaidOptions = { readonly current?: readonly string[] };

/** The Mermaid state diagram of a playbook, with the current steps highlighted. */
export function toMermaidStateDiagram(playbook: Playbook, options: MermaidOptions = {}): string {
  const places = listSteps(playbook);
  const ids = new Map<string, string>();
  places.forEach((p, i) => ids.set(p.step.id, `s${i}`));
  const phaseIds = new Map<string, string>();
  playbook.phases.forEach((phase, i) => phaseIds.set(phase.id, `p${i}`));
  const placeOf = new Map(places.map((p) => [p.step.id, p]));
  const sid = (id: string) => ids.get(id) ?? 's_unknown';

  const lines = ['stateDiagram-v2'];
  const top: string[] = [];
  const seenTop = new Set<string>();
  const addTop = (line: string) => {
    if (!seenTop.has(line)) top.push(line);
    seenTop.add(line);
  };
  const entries = new Map<string, Set<string>>(); // phase → steps entered from outside
  const enterPhase = (phaseId: string, stepId: string) => {
    const set = entries.get(phaseId) ?? new Set<string>();
    set.add(stepId);
    entries.set(phaseId, set);
  };

  const start = playbook.phases[0]?.steps[0];
  if (start) {
    enterPhase(playbook.phases[0]?.id ?? '', start.id);
    addTop(`[*] --> ${phaseIds.get(playbook.phases[0]?.id ?? '') ?? 'p0'}`);
  }

  // An edge from a step in the main flow of `from`'s phase.
  const edge = (from: StepPlace, source: string, to: StepId | undefined, label?: string) => {
    const suffix = label ? ` : ${mermaidLabel(label, 40)}` : '';
    if (to === undefined) return [`${source} --> [*]${suffix}`];
    const target = placeOf.get(to);
    if (!target) return [];
    if (from.track || target.phase === from.phase) return [`${source} --> ${sid(to)}${suffix}`];
    enterPhase(target.phase.id, to);
    addTop(
      `${phaseIds.get(from.phase.id) ?? ''} --> ${phaseIds.get(target.phase.id) ?? ''}${suffix}`,
    );
    return [`${source} --> [*]${suffix}`];
  };

  const stepLines = (place: StepPlace, indent: string): string[] => {
    const { step } = place;
    const me = sid(step.id);
    const out = [`${indent}state "${mermaidLabel(step.title)}" as ${me}`];
    const push = (ls: string[]) => out.push(...ls.map((l) => indent + l));
    switch (step.kind) {
      case 'end':
        push([`${me} --> [*]`]);
        break;
      case 'decision': {
        const choice = `c${me.slice(1)}`;
        out.push(`${indent}state ${choice} <<choice>>`);
        push([`${me} --> ${choice}`]);
        for (const o of step.options) push(edge(place, choice, o.next, o.label));
        break;
      }
      case 'parallel':
        out[0] = `${indent}state "${mermaidLabel(step.title)}" as ${me} {`;
        step.tracks.forEach((track, t) => {
          if (t > 0) out.push(`${indent}  --`);
          const first = track.steps[0];
          if (first) out.push(`${indent}  [*] --> ${sid(first.id)}`);
          for (const inner of track.steps) {
            const innerPlace = placeOf.get(inner.id);
            if (innerPlace) out.push(...stepLines(innerPlace, `${indent}  `));
          }
        });
        out.push(`${indent}}`);
        push(edge(place, me, step.next));
        break;
      default:
        push(edge(place, me, step.next));
    }
    return out;
  };

  const blocks = playbook.phases.map((phase) => {
    const inner: string[] = [];
    for (const step of phase.steps) {
      const place = placeOf.get(step.id);
      if (place?.step === step) inner.push(...stepLines(place, '    '));
    }
    return { phase, pid: phaseIds.get(phase.id) ?? '', inner };
  });
  // Entries are known only once every edge is drawn, so phases are written last.
  for (const { phase, pid, inner } of blocks) {
    lines.push(`  state "${mermaidLabel(phase.title)}" as ${pid} {`);
    for (const stepId of entries.get(phase.id) ?? []) lines.push(`    [*] --> ${sid(stepId)}`);
    lines.push(...inner, '  }');
    if (phase.steps.some((s) => s.kind === 'end')) addTop(`${pid} --> [*]`);
  }
  lines.push(...top.map((l) => `  ${l}`));
  const current = (options.current ?? []).map((id) => ids.get(id)).filter((x) => x !== undefined);
  lines.push('  classDef current fill:#ffe8a3,stroke:#c2410c,stroke-width:3px,color:#111');
  if (current.length > 0) lines.push(`  class ${current.join(',')} current`);
  return lines.join('\n') + '\n';
}
