import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIO_SOURCES, builtinScenarios } from '../../../../core/exercises/builtin';
import { validateScenario } from '../../../../core/exercises/validate';
import { builtinPlaybook } from '../../../../core/playbooks/builtin';
import { formatError } from '../../../../core/playbooks/validate';

const MINIMAL = readFileSync('test/fixtures/scenarios/minimal.yaml', 'utf8');

/** Replaces one exact piece of the minimal fixture (it must occur). */
function edit(from: string, to: string): string {
  expect(MINIMAL).toContain(from);
  return MINIMAL.replace(from, to);
}

function errors(text: string): string[] {
  const r = validateScenario(text, 'drill.yaml');
  if (r.ok) throw new Error('expected errors');
  return r.errors.map(formatError);
}

describe('validateScenario', () => {
  it('accepts the minimal fixture with its defaults', () => {
    const r = validateScenario(MINIMAL, 'minimal.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.injects.map((i) => i.id)).toEqual(['found', 'abused']);
    expect(r.scenario.injects[1]?.objectives).toEqual([]);
    expect(r.scenario.injects[1]?.deliverIf).toEqual({ inject: 'found', answer: 'later' });
  });

  it('names line, column and path of a syntax error', () => {
    expect(errors(edit('title: Key found', 'title: Key: found'))[0]).toMatch(
      /^drill\.yaml:26:\d+ \(file\) .*BLOCK_AS_IMPLICIT_KEY/,
    );
  });

  it('refuses an unknown playbook at the playbook line', () => {
    expect(errors(edit('playbook: leaked-api-credentials', 'playbook: no-such-playbook'))).toEqual([
      'drill.yaml:6:11 playbook Unknown playbook "no-such-playbook"; use a built-in playbook id (see bulwark playbook list).',
    ]);
  });

  it('refuses a playbook role the playbook does not have', () => {
    expect(errors(edit('playbookRole: incident-commander', 'playbookRole: captain'))).toEqual([
      'drill.yaml:16:19 participants[0].playbookRole The playbook "leaked-api-credentials" has no role "captain".',
    ]);
  });

  it('refuses unknown participants and objectives in injects', () => {
    const text = edit(
      '    from: scanner\n    to: [commander]\n    channel: alert\n    title: Key found',
      '    from: hacker\n    to: [commander, ceo]\n    channel: alert\n    title: Key found',
    );
    expect(errors(text.replace('objectives: [revoke]', 'objectives: [revoke, speed]'))).toEqual([
      'drill.yaml:23:11 injects[0].from Unknown participant "hacker".',
      'drill.yaml:24:21 injects[0].to[1] Unknown participant "ceo".',
      'drill.yaml:28:26 injects[0].objectives[1] Unknown objective "speed".',
    ]);
  });

  it('refuses a branch on an answer the question does not offer', () => {
    expect(errors(edit('answer: later }', 'answer: never }'))).toEqual([
      'drill.yaml:46:41 injects[1].deliverIf.answer "never" is not an answer of "found" (answers: now, later).',
    ]);
  });

  it('refuses a branch on a later inject or an inject without a question', () => {
    expect(errors(edit('deliverIf: { inject: found', 'deliverIf: { inject: abused'))).toEqual([
      'drill.yaml:46:26 injects[1].deliverIf.inject A branch can only depend on an earlier inject; "abused" is not listed before "abused".',
    ]);
    const noQuestion = MINIMAL.replace(/ {4}question:\n(?: {6}.*\n)+/, '');
    expect(noQuestion).not.toContain('question:');
    expect(errors(noQuestion)).toEqual([
      'drill.yaml:39:26 injects[1].deliverIf.inject The inject "found" asks no question, so it has no answer to branch on.',
    ]);
  });

  it('refuses injects out of time order and offsets past a week', () => {
    expect(errors(edit('at: PT30M', 'at: PT0S').replace('at: PT0M', 'at: PT1H'))).toEqual([
      "drill.yaml:40:9 injects[1].at Injects must be listed in time order: PT0S comes before the previous inject's time.",
    ]);
    expect(errors(edit('at: PT30M', 'at: P8D'))[0]).toMatch(
      /^drill\.yaml:40:9 injects\[1\]\.at at must be an ISO-8601 duration between PT0S and P7D/,
    );
  });

  it('refuses duplicate ids, unknown keys and missing fields', () => {
    expect(errors(edit('id: abused', 'id: found'))).toEqual([
      'drill.yaml:39:9 injects[1].id Duplicate inject id "found".',
    ]);
    expect(
      errors(
        edit(
          '    channel: alert\n    title: Key abused',
          '    chanel: alert\n    title: Key abused',
        ),
      ),
    ).toEqual([
      'drill.yaml:39:5 injects[1].channel "channel" is required.',
      'drill.yaml:43:13 injects[1].chanel Unknown key "chanel" (misspelt?).',
    ]);
  });

  it('refuses an objective no inject exercises', () => {
    const text = edit(
      '    capability: access-control-and-identity-verification\n',
      '    capability: access-control-and-identity-verification\n  - id: unused\n    text: Never tested.\n    capability: planning\n',
    );
    expect(errors(text)).toEqual([
      'drill.yaml:12:9 objectives[1].id No inject exercises the objective "unused" (list it in an inject\'s objectives).',
    ]);
  });

  it('refuses a capability outside the core capabilities', () => {
    expect(
      errors(
        edit('capability: access-control-and-identity-verification', 'capability: hacking'),
      )[0],
    ).toMatch(
      /^drill\.yaml:11:17 objectives\[0\]\.capability capability must be a core capability/,
    );
  });
});

describe('built-in scenarios', () => {
  it('are six, each valid, on an existing built-in playbook, with 10 to 16 injects', () => {
    expect(BUILTIN_SCENARIO_SOURCES).toHaveLength(6);
    const scenarios = builtinScenarios();
    expect(scenarios.map((s) => s.playbook)).toEqual([
      'bola-data-scraping',
      'leaked-api-credentials',
      'credential-stuffing-takeover',
      'shadow-zombie-api',
      'third-party-api-compromise',
      'api-resource-exhaustion',
    ]);
    for (const s of scenarios) {
      expect(builtinPlaybook(s.playbook)).toBeDefined();
      expect(s.injects.length).toBeGreaterThanOrEqual(10);
      expect(s.injects.length).toBeLessThanOrEqual(16);
      expect(s.injects.filter((i) => i.deliverIf ?? i.deliverUnless).length).toBeGreaterThanOrEqual(
        2,
      );
      expect(s.objectives.length).toBeGreaterThanOrEqual(3);
      expect(s.owasp.length).toBeGreaterThan(0);
    }
  });

  it('each file name matches its id', () => {
    for (const source of BUILTIN_SCENARIO_SOURCES) {
      const r = validateScenario(source.text, source.fileName);
      expect(r.ok && source.fileName).toBe(`playbooks/scenarios/${r.ok ? r.scenario.id : ''}.yaml`);
    }
  });
});
