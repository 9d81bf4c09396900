import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../bin/cli';
import { sharedFixture } from '../../fixtures/shared';
import { builtinPlaybooks } from '../../../core/playbooks/builtin';
import { countSteps } from '../../../core/playbooks/model';
import { validatePlaybook } from '../../../core/playbooks/validate';
import { cacaoValidator } from '../core/playbooks/helpers';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const FIX = 'test/fixtures/playbooks';
const EXAMPLES = sharedFixture('cacao', 'examples');

function expectOneLineReason(err: string) {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^bulwark: /);
  expect(err).not.toMatch(/\n\s+at /);
}

describe('bulwark playbook list', () => {
  it('prints the built-in playbooks as JSON: id, title, version, owasp, steps', async () => {
    const r = await cli('playbook', 'list', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows).toEqual(
      builtinPlaybooks().map((p) => ({
        id: p.id,
        title: p.title,
        version: p.version,
        owasp: [...p.appliesWhen.owasp],
        steps: countSteps(p),
      })),
    );
    expect(rows).toHaveLength(9);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(['id', 'title', 'version', 'owasp', 'steps']);
  });

  it('prints a table by default and refuses a bad format', async () => {
    const r = await cli('playbook', 'list');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(9);
    expect(r.out).toMatch(/^leaked-api-credentials +1\.0\.0 +\d+ steps +Compromised/);
    const bad = await cli('playbook', 'list', '--format=xml');
    expect(bad.code).toBe(2);
    expectOneLineReason(bad.err);
  });
});

describe('bulwark playbook validate', () => {
  it('exits 0 for valid files', async () => {
    const r = await cli(
      'playbook',
      'validate',
      'playbooks/bola-data-scraping.yaml',
      `${FIX}/minimal.yaml`,
    );
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(
      /^playbooks\/bola-data-scraping\.yaml: valid \(\d+ steps\)\n.*minimal\.yaml: valid \(6 steps\)\n$/,
    );
  });

  it('exits 1 and prints file:line:column path message for each error', async () => {
    const r = await cli(
      'playbook',
      'validate',
      `${FIX}/undeclared-role.yaml`,
      `${FIX}/minimal.yaml`,
    );
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe(
      `${FIX}/undeclared-role.yaml:29:19 phases[0].steps[0].sla.escalations[0].to The role "ciso" is not declared in roles (declared: incident-commander, communications).`,
    );
    expect(lines[1]).toMatch(
      /^test\/fixtures\/playbooks\/undeclared-role\.yaml:60:28 phases\[0\]\.steps\[2\]\.tracks\[0\]\.steps\[0\]\.tasks\[0\]\.owner /,
    );
    expect(lines[2]).toMatch(/minimal\.yaml: valid/);
  });

  it('exits 2 with a one-line reason for an unreadable file or no file', async () => {
    const r = await cli('playbook', 'validate', `${FIX}/missing.yaml`, `${FIX}/unknown-step.yaml`);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`bulwark: cannot read ${FIX}/missing.yaml (ENOENT)\n`);
    expect(r.out).toMatch(
      /unknown-step\.yaml:35:15 phases\[0\]\.steps\[0\]\.next Unknown step "seriuos"\./,
    );
    const dir = await cli('playbook', 'validate', FIX);
    expect(dir.code).toBe(2);
    expectOneLineReason(dir.err);
    const none = await cli('playbook', 'validate');
    expect(none.code).toBe(2);
    expectOneLineReason(none.err);
  });
});

describe('bulwark playbook export', () => {
  it('exports a built-in playbook as CACAO that passes the official schemas', async () => {
    const r = await cli('playbook', 'export', 'leaked-api-credentials', '--to', 'cacao');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as unknown;
    expect(cacaoValidator()(doc)).toEqual([]);
  });

  it('exports a file as Mermaid or YAML, to stdout or --out', async () => {
    const mermaid = await cli('playbook', 'export', `${FIX}/minimal.yaml`, '--to=mermaid');
    expect(mermaid.code).toBe(0);
    expect(mermaid.out).toMatch(/^stateDiagram-v2\n/);
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-'));
    const out = join(dir, 'copy.yaml');
    const yaml = await cli('playbook', 'export', 'shadow-zombie-api', '--to', 'yaml', '--out', out);
    expect(yaml).toEqual({ code: 0, out: '', err: '' });
    const again = validatePlaybook(readFileSync(out, 'utf8'), out);
    expect(again.ok && again.playbook.id).toBe('shadow-zombie-api');
  });

  it('exits 1 for an invalid file and 2 for bad arguments', async () => {
    const invalid = await cli('playbook', 'export', `${FIX}/cycle-no-exit.yaml`, '--to', 'yaml');
    expect(invalid.code).toBe(1);
    expect(invalid.out).toMatch(
      /cycle-no-exit\.yaml:\d+:\d+ phases\[0\]\.steps\[2\]\.id Steps "loop-a"/,
    );
    for (const argv of [
      ['export', 'no-such-playbook', '--to', 'yaml'],
      ['export', 'leaked-api-credentials'],
      ['export', 'leaked-api-credentials', '--to', 'pdf'],
      ['export', 'leaked-api-credentials', '--to'],
      ['export', '--to', 'yaml'],
      ['export', 'leaked-api-credentials', '--to', 'yaml', '--out', '/nonexistent-dir/x.yaml'],
      ['export', 'leaked-api-credentials', '--to', 'yaml', '--colour', 'red'],
    ]) {
      const r = await cli('playbook', ...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expectOneLineReason(r.err);
    }
  });
});

describe('bulwark playbook import', () => {
  it('imports a CACAO file as YAML, warnings on stderr', async () => {
    const r = await cli('playbook', 'import', `${EXAMPLES}/fin-playbook.json`);
    expect(r.code).toBe(0);
    expect(validatePlaybook(r.out, 'imported.yaml').ok).toBe(true);
    expect(r.err).toMatch(
      /fin-playbook\.json:14:\d+ agent_definitions\.soarca-fin-pong-[\w-]+ Warning: /,
    );
  });

  it('round-trips an export through import to the same playbook file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-'));
    await cli(
      'playbook',
      'export',
      'credential-stuffing-takeover',
      '--to',
      'cacao',
      '--out',
      join(dir, 'p.json'),
    );
    const r = await cli('playbook', 'import', join(dir, 'p.json'), '--out', join(dir, 'p.yaml'));
    expect(r).toEqual({ code: 0, out: '', err: '' });
    const back = validatePlaybook(readFileSync(join(dir, 'p.yaml'), 'utf8'), 'p.yaml');
    expect(back.ok && back.playbook).toEqual(
      builtinPlaybooks().find((p) => p.id === 'credential-stuffing-takeover'),
    );
  });

  it('exits 1 with precise errors for a broken graph and 2 for unreadable input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-'));
    const doc = JSON.parse(readFileSync(`${EXAMPLES}/basic-example-1.json`, 'utf8')) as {
      workflow_start?: string;
    };
    delete doc.workflow_start;
    writeFileSync(join(dir, 'no-start.json'), JSON.stringify(doc, null, 2));
    const r = await cli('playbook', 'import', join(dir, 'no-start.json'));
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `${join(dir, 'no-start.json')}:1:1 (file) No start step: workflow_start is missing.\n`,
    );
    const missing = await cli('playbook', 'import', join(dir, 'absent.json'));
    expect(missing.code).toBe(2);
    expectOneLineReason(missing.err);
  });
});

describe('bulwark playbook', () => {
  it('prints its usage on --help and refuses unknown or missing subcommands with exit 2', async () => {
    const help = await cli('playbook', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain(
      'bulwark playbook export <file|id> --to cacao|mermaid|yaml [--out file]',
    );
    for (const argv of [['playbook'], ['playbook', 'frobnicate']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expectOneLineReason(r.err);
    }
    expect((await cli('--help')).out).toMatch(/playbook +list, validate, export/);
  });
});
