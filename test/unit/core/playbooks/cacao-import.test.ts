import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCacao } from '../../../../core/playbooks/cacao-import';
import { compilePlaybook } from '../../../../core/playbooks/compile';
import { listSteps } from '../../../../core/playbooks/model';
import { playbookToYaml, validatePlaybook } from '../../../../core/playbooks/validate';
import { CACAO_DIR, lineOf } from './helpers';

// Import of CACAO 2.0: lenient on the schema (warnings), strict on the graph (errors),
// every problem at its file, line and JSON path. The shared examples are read in place.

const EXAMPLES = join(CACAO_DIR, 'examples');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');

describe('CACAO import of the shared examples', () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'));

  it('finds the examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  it.each(files)('%s imports, or is refused with file, line and path', (file) => {
    const text = example(file);
    const result = importCacao(text, file);
    const problems = result.ok ? result.warnings : result.errors;
    for (const p of problems) {
      expect(p.file).toBe(file);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(text.split('\n').length);
      expect(p.message.length).toBeGreaterThan(0);
    }
    expect(result.ok, JSON.stringify(result.ok ? '' : result.errors)).toBe(true);
    if (!result.ok) return;
    const again = validatePlaybook(playbookToYaml(result.playbook), `${file}.yaml`);
    expect(again.ok && again.playbook).toEqual(result.playbook);
    expect(() => compilePlaybook(result.playbook)).not.toThrow();
  });

  it('warns about schema deviations at their line, without refusing the file', () => {
    const text = example('fin-playbook.json');
    const result = importCacao(text, 'fin-playbook.json');
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.line, w.path])).toEqual([
      [
        lineOf(text, '"soarca-fin-pong-f896bb3b-bb37-429e-8ece-2d4286cf326d": {'),
        'agent_definitions.soarca-fin-pong-f896bb3b-bb37-429e-8ece-2d4286cf326d',
      ],
      [
        lineOf(text, '"agent": "soarca-fin-pong'),
        'workflow.action--2fd6bca0-24ed-4d74-8eae-da126a84f7c4.agent',
      ],
    ]);
    const layout = importCacao(
      example('playbook--aa1898b6-5251-49b4-aeb7-fd5e912583ff.json'),
      'layout.json',
    );
    expect(layout.warnings.filter((w) => w.message.includes('no commands'))).toHaveLength(4);
  });

  it('maps a switch whose branches end back onto its continuation', () => {
    const result = importCacao(
      example('playbook--aa1898b6-5251-49b4-aeb7-fd5e912583ff.json'),
      'layout.json',
    );
    if (!result.ok) throw new Error('refused');
    const steps = listSteps(result.playbook).map((p) => p.step);
    const decision = steps.find((s) => s.kind === 'decision');
    expect(decision?.kind === 'decision' && decision.options.map((o) => [o.id, o.next])).toEqual([
      ['1', 'action-4005472a'],
      ['2', 'action-63483dce'],
      ['default', 'action-9a4ef680'],
    ]);
    for (const id of ['action-4005472a', 'action-63483dce', 'action-9a4ef680'])
      expect(steps.find((s) => s.id === id)).toMatchObject({
        kind: 'task',
        next: 'action-9ae9e500',
      });
    expect(steps.filter((s) => s.kind === 'end').map((s) => s.id)).toEqual(['end-b09eaa5d']);
  });
});

describe('CACAO graph errors', () => {
  const base = () =>
    JSON.parse(example('spec-3.1-example.json')) as Record<string, unknown> & {
      workflow: Record<string, Record<string, unknown>>;
    };
  const start = 'start--07bea005-4a36-4a77-bd1f-79a6e4682a13';
  const action = 'action--7f40f9d7-de39-4027-ab97-15035beff2ff';
  const refuse = (doc: unknown) => {
    const text = JSON.stringify(doc, null, 2);
    const result = importCacao(text, 'bad.json');
    if (result.ok) throw new Error('imported');
    return { text, errors: result.errors };
  };

  it('refuses a playbook without a start step', () => {
    const doc = base();
    delete doc.workflow_start;
    expect(refuse(doc).errors.map((e) => [e.line, e.path, e.message])).toEqual([
      [1, '', 'No start step: workflow_start is missing.'],
    ]);
    doc.workflow_start = 'start--00000000-0000-4000-8000-000000000000';
    const missing = refuse(doc);
    expect(missing.errors[0]).toMatchObject({
      path: 'workflow_start',
      line: lineOf(missing.text, '"workflow_start"'),
    });
  });

  it('refuses a dangling reference at its line', () => {
    const doc = base();
    (doc.workflow[action] as { on_completion: string }).on_completion =
      'end--00000000-0000-4000-8000-000000000000';
    const { text, errors } = refuse(doc);
    expect(errors.map((e) => [e.line, e.path])).toEqual([
      [lineOf(text, '"on_completion": "end--00000000'), `workflow.${action}.on_completion`],
    ]);
    expect(errors[0]?.message).toMatch(/Dangling reference/);
  });

  it('refuses unreachable steps and branches that never end', () => {
    const doc = base();
    doc.workflow['action--11111111-1111-4111-8111-111111111111'] = {
      type: 'action',
      name: 'Orphan',
      on_completion: action,
    };
    const orphan = refuse(doc);
    expect(orphan.errors.map((e) => e.message)).toEqual([
      'Step "action--11111111-1111-4111-8111-111111111111" cannot be reached from the start step.',
    ]);

    const looping = base();
    looping.workflow[action] = {
      ...looping.workflow[action],
      on_completion: 'action--22222222-2222-4222-8222-222222222222',
    };
    looping.workflow['action--22222222-2222-4222-8222-222222222222'] = {
      type: 'action',
      name: 'Back',
      on_completion: action,
    };
    const loop = refuse(looping);
    expect(
      loop.errors.some((e) => e.message.includes('loop without an exit: this branch never ends')),
    ).toBe(true);

    const stuck = base();
    delete stuck.workflow[action]?.on_completion;
    const dead = refuse(stuck);
    expect(dead.errors.map((e) => [e.path, e.message])).toContainEqual([
      `workflow.${action}`,
      `The action step "${action}" leads nowhere and is not an end step: this branch never ends.`,
    ]);
  });

  it('refuses a start that is not a start step, unknown step types and JSON syntax errors', () => {
    const doc = base();
    doc.workflow_start = action;
    expect(refuse(doc).errors[0]?.message).toBe(
      'workflow_start names a action step, not a start step.',
    );
    const odd = base();
    (odd.workflow[start] as { type: string }).type = 'begin';
    expect(refuse(odd).errors.map((e) => e.message)).toContain('Unknown step type "begin".');
    const broken = importCacao('{\n  "type": "playbook",\n  "workflow": {\n}', 'broken.json');
    expect(!broken.ok && broken.errors[0]).toMatchObject({ file: 'broken.json', line: 4 });
  });

  it('imports CACAO branches: if, while, parallel and success/failure paths', () => {
    const id = (type: string, n: number) =>
      `${type}--${String(n).repeat(8)}-0000-4000-8000-000000000000`;
    const w: Record<string, unknown> = {
      [id('start', 1)]: { type: 'start', on_completion: id('if-condition', 2) },
      [id('if-condition', 2)]: {
        type: 'if-condition',
        name: 'Public?',
        condition: '__public__:value = true',
        on_true: id('action', 3),
        on_false: id('action', 4),
        on_completion: id('parallel', 5),
      },
      [id('action', 3)]: {
        type: 'action',
        name: 'A',
        commands: [{ type: 'manual', command: 'Do A' }],
        agent: 'x',
        on_completion: id('end', 6),
      },
      [id('action', 4)]: {
        type: 'action',
        name: 'B',
        commands: [{ type: 'bash', command: 'echo b' }],
        on_completion: id('end', 6),
      },
      [id('end', 6)]: { type: 'end' },
      [id('parallel', 5)]: {
        type: 'parallel',
        name: 'Both',
        next_steps: [id('action', 7), id('action', 8)],
        on_completion: id('while-condition', 9),
      },
      [id('action', 7)]: { type: 'action', name: 'C', on_completion: id('end', 6) },
      [id('action', 8)]: { type: 'action', name: 'D', on_completion: id('end', 6) },
      [id('while-condition', 9)]: {
        type: 'while-condition',
        name: 'Again?',
        condition: 'more',
        on_true: id('action', 1),
        on_completion: id('playbook-action', 2),
      },
      [id('action', 1)]: { type: 'action', name: 'E', on_completion: id('end', 6) },
      [id('playbook-action', 2)]: {
        type: 'playbook-action',
        name: 'F',
        playbook_id: 'playbook--12345678-0000-4000-8000-000000000000',
        on_success: id('end', 3),
        on_failure: id('action', 9),
      },
      [id('action', 9)]: { type: 'action', name: 'H', on_completion: id('end', 3) },
      [id('end', 3)]: { type: 'end', name: 'Finished' },
    };
    const result = importCacao(
      JSON.stringify({
        type: 'playbook',
        spec_version: 'cacao-2.0',
        name: 'Branches',
        workflow_start: id('start', 1),
        workflow: w,
      }),
      'branches.json',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const steps = new Map(listSteps(result.playbook).map((p) => [p.step.id as string, p]));
    const s = (key: string) => steps.get(key)?.step;
    expect(s('if-condition-22222222')).toMatchObject({
      kind: 'decision',
      options: [
        { id: 'true', next: 'action-33333333' },
        { id: 'false', next: 'action-44444444' },
      ],
    });
    expect(s('action-33333333')).toMatchObject({
      next: 'parallel-55555555',
      tasks: [{ text: 'Do A' }],
    });
    expect(s('action-44444444')).toMatchObject({
      next: 'parallel-55555555',
      tasks: [{ text: 'Run the bash command: echo b' }],
    });
    const parallel = s('parallel-55555555');
    expect(
      parallel?.kind === 'parallel' &&
        parallel.tracks.map((t) => t.steps.map((x) => [x.id, 'next' in x ? x.next : undefined])),
    ).toEqual([[['action-77777777', undefined]], [['action-88888888', undefined]]]);
    expect(s('while-condition-99999999')).toMatchObject({
      kind: 'decision',
      options: [
        { id: 'true', next: 'action-11111111' },
        { id: 'false', next: 'playbook-action-22222222' },
      ],
    });
    expect(s('action-11111111')).toMatchObject({ next: 'while-condition-99999999' });
    expect(s('playbook-action-22222222')).toMatchObject({
      next: 'playbook-action-22222222-result',
    });
    expect(s('playbook-action-22222222-result')).toMatchObject({
      options: [
        { id: 'succeeded', next: 'end-33333333' },
        { id: 'failed', next: 'action-99999999' },
      ],
    });
    expect(result.warnings.some((x) => x.message.includes('names no agent'))).toBe(true);
  });
});
