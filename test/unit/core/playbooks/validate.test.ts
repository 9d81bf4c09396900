import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PLAYBOOK_SOURCES, builtinPlaybooks } from '../../../../core/playbooks/builtin';
import { MAX_SOURCE_BYTES } from '../../../../core/playbooks/source';
import type { PlaybookError } from '../../../../core/playbooks/types';
import { formatError, playbookToYaml, validatePlaybook } from '../../../../core/playbooks/validate';
import { fixture, lineOf } from './helpers';

function errorsOf(name: string): { text: string; errors: readonly PlaybookError[] } {
  const text = fixture(name);
  const result = validatePlaybook(text, name);
  if (result.ok) throw new Error(`${name} validated`);
  return { text, errors: result.errors };
}

describe('built-in playbooks', () => {
  it.each(BUILTIN_PLAYBOOK_SOURCES.map((s) => [s.fileName, s.text]))(
    '%s validates',
    (file, text) => {
      const result = validatePlaybook(text, file);
      expect(result.ok ? [] : result.errors.map(formatError)).toEqual([]);
    },
  );

  it('covers the nine API incident types, each with a parallel track, SLAs, a regulator branch and a review', () => {
    const playbooks = builtinPlaybooks();
    expect(playbooks.map((p) => p.id)).toEqual([
      'leaked-api-credentials',
      'bola-data-scraping',
      'credential-stuffing-takeover',
      'api-resource-exhaustion',
      'exposed-debug-endpoint',
      'third-party-api-compromise',
      'secret-leak-repo-logs',
      'mass-assignment-privilege-escalation',
      'shadow-zombie-api',
    ]);
    for (const p of playbooks) {
      const steps = p.phases.flatMap((ph) => ph.steps);
      const parallel = steps.find((s) => s.kind === 'parallel');
      expect(parallel, p.id).toBeDefined();
      expect(
        steps.some((s) => s.kind === 'decision'),
        p.id,
      ).toBe(true);
      expect(
        steps.some((s) => s.kind === 'notification' && s.clocks?.audiences.includes('regulators')),
        p.id,
      ).toBe(true);
      expect(
        steps.some((s) => s.kind !== 'end' && (s.sla?.escalations.length ?? 0) > 0),
        p.id,
      ).toBe(true);
      expect(
        p.phases.some((ph) => ph.picerl === 'lessons-learned'),
        p.id,
      ).toBe(true);
      expect(p.appliesWhen.owasp.length, p.id).toBeGreaterThan(0);
    }
  });

  it('writes a playbook back as YAML that validates to the same playbook', () => {
    for (const p of builtinPlaybooks()) {
      const again = validatePlaybook(playbookToYaml(p), `${p.id}.yaml`);
      expect(again.ok && again.playbook).toEqual(p);
    }
  });

  it('accepts JSON as well as YAML', () => {
    const p = builtinPlaybooks()[0];
    const again = validatePlaybook(JSON.stringify(p, null, 2), 'p.json');
    expect(again.ok && again.playbook).toEqual(p);
  });
});

describe('malformed playbooks are refused with file, line and path', () => {
  it('names an unknown step reference at the line of the reference', () => {
    const { text, errors } = errorsOf('unknown-step.yaml');
    expect(errors).toEqual([
      {
        file: 'unknown-step.yaml',
        line: lineOf(text, 'next: seriuos'),
        column: 15,
        path: 'phases[0].steps[0].next',
        message: 'Unknown step "seriuos".',
      },
    ]);
  });

  it('names a cycle without an exit, listing its steps', () => {
    const { text, errors } = errorsOf('cycle-no-exit.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      line: lineOf(text, 'id: loop-a'),
      path: 'phases[0].steps[2].id',
    });
    expect(errors[0]?.message).toMatch(
      /"loop-a" → "loop-b" → "loop-a" form a cycle with no way out/,
    );
  });

  it('names every duplicate id (step, task, role, option) at its second use', () => {
    const { text, errors } = errorsOf('duplicate-ids.yaml');
    const at = (path: string) => errors.find((e) => e.path === path);
    expect(at('roles[1].id')?.line).toBe(
      lineOf(text, 'id: incident-commander', text.indexOf('  - id: incident-commander') + 5),
    );
    expect(at('phases[0].steps[1].id')?.message).toMatch(
      /"triage" is already used at phases\[0\]\.steps\[0\]/,
    );
    expect(at('phases[0].steps[1].options[1].id')?.message).toMatch(
      /"serious-yes" is already used/,
    );
    expect(at('phases[0].steps[2].tracks[0].steps[0].tasks[0].id')?.message).toMatch(
      /task ids must be unique/,
    );
    expect(errors).toHaveLength(4);
  });

  it('names wrong types, unknown vocabulary and misspelt keys', () => {
    const { text, errors } = errorsOf('wrong-types.yaml');
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e]));
    expect(byPath.version).toMatchObject({
      line: lineOf(text, 'version: 1.0'),
      message: expect.stringMatching(/quote it/) as unknown,
    });
    expect(byPath['phases[0].nist']?.line).toBe(lineOf(text, 'nist: contain'));
    expect(byPath['phases[0].steps[0].nxt']).toMatchObject({
      line: lineOf(text, 'nxt: serious'),
      message: 'Unknown key "nxt" (misspelt?).',
    });
    expect(byPath['phases[0].steps[0].sla.within']?.line).toBe(lineOf(text, 'within: 30 minutes'));
    expect(byPath['phases[0].steps[0].tasks[0].required']?.line).toBe(
      lineOf(text, 'required: yes please'),
    );
    expect(byPath['phases[0].steps[3].kind']).toMatchObject({
      line: lineOf(text, 'kind: finish'),
      message: expect.stringMatching(/kind must be one of/) as unknown,
    });
    expect(errors).toHaveLength(6);
  });

  it('names owners and escalation targets that are not declared roles', () => {
    const { text, errors } = errorsOf('undeclared-role.yaml');
    expect(errors.map((e) => [e.line, e.path])).toEqual([
      [lineOf(text, 'to: ciso'), 'phases[0].steps[0].sla.escalations[0].to'],
      [lineOf(text, 'owner: sre'), 'phases[0].steps[2].tracks[0].steps[0].tasks[0].owner'],
    ]);
    expect(errors[0]?.message).toBe(
      'The role "ciso" is not declared in roles (declared: incident-commander, communications).',
    );
  });

  it('refuses a track step that jumps out of its track, unreachable steps and a playbook without an end', () => {
    const jump = errorsOf('track-jump.yaml');
    expect(jump.errors[0]).toMatchObject({
      path: 'phases[0].steps[2].tracks[0].steps[0].next',
      line: lineOf(jump.text, '                next: done'),
    });
    expect(jump.errors[0]?.message).toMatch(/outside track "act"/);
    const orphan = errorsOf('unreachable.yaml');
    expect(orphan.errors.map((e) => [e.line, e.message])).toEqual([
      [
        lineOf(orphan.text, 'id: orphan'),
        'Step "orphan" cannot be reached from the start step "triage".',
      ],
    ]);
    const noEnd = errorsOf('no-end.yaml');
    expect(noEnd.errors.map((e) => e.path)).toEqual(['phases', 'phases[0].steps[0].id']);
    expect(noEnd.errors[0]?.message).toMatch(/no end step/);
  });

  it('reports a YAML syntax error with its line and column', () => {
    // Kept inline rather than as a fixture: Prettier checks every YAML file in the repository.
    const text = [
      'id: syntax-error',
      'title: Broken YAML',
      'version: 0.1.0',
      'summary: The owasp list below is never closed.',
      'appliesWhen:',
      '  owasp: [API2:2023, API8:2023',
      '  signals: []',
      '',
    ].join('\n');
    const result = validatePlaybook(text, 'syntax-error.yaml');
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'syntax-error.yaml', line: 7, column: 3, path: '' });
    expect(errors[0]?.message).toMatch(/Flow sequence .* end with a \]/);
  });

  it('refuses a YAML alias bomb without expanding it (maxAliasCount)', () => {
    const { text, errors } = errorsOf('alias-bomb.yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: lineOf(text, '*a'), path: '' });
    expect(errors[0]?.message).toMatch(/resource exhaustion/);
  });

  it('refuses duplicate keys, empty files, non-objects and oversized files', () => {
    const dup = validatePlaybook('id: a\nid: b\n', 'dup.yaml');
    expect(!dup.ok && dup.errors[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/unique/) as unknown,
    });
    const empty = validatePlaybook('# nothing\n', 'empty.yaml');
    expect(!empty.ok && empty.errors[0]?.message).toBe('The file is empty.');
    const list = validatePlaybook('- a\n- b\n', 'list.yaml');
    expect(!list.ok && list.errors[0]).toMatchObject({ line: 1, path: '' });
    const big = validatePlaybook(`# ${'x'.repeat(MAX_SOURCE_BYTES)}`, 'big.yaml');
    expect(!big.ok && big.errors[0]?.message).toMatch(/larger than 2 MB/);
  });

  it('names a missing required key at its parent', () => {
    const text = fixture('minimal.yaml').replace('title: Minimal playbook\n', '');
    const result = validatePlaybook(text, 'm.yaml');
    expect(!result.ok && result.errors.map((e) => [e.path, e.message])).toEqual([
      ['title', '"title" is required.'],
    ]);
  });

  it('never throws and always places errors inside the file, whatever the input', () => {
    const base = fixture('minimal.yaml').split('\n');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc
            .tuple(fc.nat(base.length - 1), fc.string({ maxLength: 40 }))
            .map(([i, s]) => base.map((line, j) => (j === i ? s : line)).join('\n')),
        ),
        (text) => {
          const result = validatePlaybook(text, 'fuzz.yaml');
          if (result.ok) return;
          const lines = text.split('\n').length;
          for (const e of result.errors) {
            expect(e.file).toBe('fuzz.yaml');
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.line).toBeLessThanOrEqual(lines);
            expect(e.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
