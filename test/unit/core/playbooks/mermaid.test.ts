import { describe, expect, it } from 'vitest';
import { builtinPlaybooks } from '../../../../core/playbooks/builtin';
import { mermaidLabel, toMermaidStateDiagram } from '../../../../core/playbooks/mermaid';
import { listSteps } from '../../../../core/playbooks/model';
import type { Playbook } from '../../../../core/playbooks/types';
import { checkPlaybookValue } from '../../../../core/playbooks/validate';
import { builtin, fixture, viaJson } from './helpers';
import { parse } from 'yaml';

// Every line the generator may write; anything else would be injected.
const LINE_SHAPES = [
  /^stateDiagram-v2$/,
  /^\s*state "[^"]*" as [ps]\d+( \{)?$/,
  /^\s*state c\d+ <<choice>>$/,
  /^\s*(\[\*\]|[psc]\d+) --> (\[\*\]|[psc]\d+)( : [^"]*)?$/,
  /^\s*\}$/,
  /^\s*--$/,
  /^\s*classDef current fill:#ffe8a3,stroke:#c2410c,stroke-width:3px,color:#111$/,
  /^\s*class s\d+(,s\d+)* current$/,
];
// Label text: letters, digits, a few safe marks, and Mermaid entity codes.
const SAFE_LABEL = /^(?:[\p{L}\p{N} .,'!?()/+_*=…-]|#\d+;)*$/u;

function checkShape(text: string) {
  for (const line of text.trimEnd().split('\n')) {
    expect(
      LINE_SHAPES.some((re) => re.test(line)),
      line,
    ).toBe(true);
    const label = /"([^"]*)"/.exec(line)?.[1] ?? /--> \S+ : (.*)$/.exec(line)?.[1];
    if (label !== undefined) expect(SAFE_LABEL.test(label), label).toBe(true);
  }
}

const HOSTILE = [
  'Evil"]; click s0 call alert(1)',
  '%%{init: {"securityLevel": "loose"}}%%',
  '<img src=x onerror=alert(1)>',
  'two\nlines --> [*]',
  '} state "x" as s999 {',
  '#quot;#59; entity smuggling &lt;b&gt;',
  'class s0 current; classDef x fill:red',
  '`backticks` and \\backslashes\\ and :colons:',
];

function hostilePlaybook(): Playbook {
  const value = parse(fixture('minimal.yaml')) as {
    title: string;
    phases: {
      title: string;
      steps: {
        title: string;
        options?: { label: string }[];
        tracks?: { title: string; steps: { title: string }[] }[];
      }[];
    }[];
  };
  let i = 0;
  const next = () => HOSTILE[i++ % HOSTILE.length] ?? '';
  const phase = value.phases[0];
  if (!phase) throw new Error('fixture changed');
  phase.title = next();
  for (const step of phase.steps) {
    step.title = next();
    for (const o of step.options ?? []) o.label = next();
    for (const t of step.tracks ?? []) for (const s of t.steps) s.title = next();
  }
  const result = checkPlaybookValue(value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.playbook;
}

describe('Mermaid state diagrams', () => {
  it('draw phases as composite states, decisions as choices and parallel tracks as regions', () => {
    const text = toMermaidStateDiagram(builtin('leaked-api-credentials'));
    expect(text).toMatch(/^stateDiagram-v2\n/);
    expect(text).toContain('  state "Identify and scope" as p0 {');
    expect(text).toContain(
      '    state "Was the credential usable?" as s1\n    state c1 <<choice>>\n    s1 --> c1\n',
    );
    expect(text).toContain('    state "Revoke and hunt while keeping people informed" as s3 {');
    expect(text).toMatch(/\n {6}--\n/);
    expect(text).toContain('  [*] --> p0');
    expect(text).toContain('  p0 --> p1');
    expect(text).toContain('  p5 --> [*]');
    checkShape(text);
  });

  it('write only generated ids and well-formed lines for every built-in playbook', () => {
    for (const p of builtinPlaybooks()) {
      const text = toMermaidStateDiagram(p);
      checkShape(text);
      expect(text.match(/ as s\d+/g)?.length, p.id).toBe(listSteps(p).length);
      for (const { step } of listSteps(p))
        expect(text.includes(` as ${step.id}`), `${p.id} uses id ${step.id}`).toBe(false);
    }
  });

  it('highlight the current steps with a class and ignore unknown ids', () => {
    const p = builtin('leaked-api-credentials');
    const text = toMermaidStateDiagram(p, {
      current: ['contain-and-communicate', 'revoke-credential', 'brief-internal', 'nope"; x'],
    });
    expect(text.trimEnd().split('\n').at(-1)).toBe('  class s3,s4,s7 current');
    expect(toMermaidStateDiagram(p)).not.toMatch(/^\s*class /m);
  });

  it('neutralise hostile titles and labels: no quote, semicolon, bracket, directive or newline gets through', () => {
    const text = toMermaidStateDiagram(hostilePlaybook(), { current: ['triage'] });
    checkShape(text);
    expect(text).not.toMatch(/%%|<img|"\]|^\s*click/m);
    expect(text.split('\n').filter((l) => /^\s*state "/.test(l))).toHaveLength(7);
    expect(mermaidLabel('a"b;c#d<e>f{g}h[i]j:k\nl')).toBe(
      'a#34;b#59;c#35;d#60;e#62;f#123;g#125;h#91;i#93;j#58;k l',
    );
  });

  it('shorten very long labels', () => {
    // 79 characters and an ellipsis, which is entity-coded like every non-plain character.
    expect(mermaidLabel('x'.repeat(500))).toBe(`${'x'.repeat(79)}#8230;`);
    const deep = viaJson(builtin('leaked-api-credentials'));
    expect(toMermaidStateDiagram(deep).length).toBeLessThan(50_000);
  });
});
