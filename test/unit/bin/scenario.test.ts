import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../bin/cli';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const MINIMAL = 'test/fixtures/scenarios/minimal.yaml';

function expectOneLineReason(err: string) {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^bulwark: /);
}

describe('bulwark scenario list', () => {
  it('prints the built-in scenarios as JSON: id, title, playbook, injects, objectives', async () => {
    const r = await cli('scenario', 'list', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows).toHaveLength(6);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(['id', 'title', 'playbook', 'injects', 'objectives']);
    // Counted by hand from playbooks/scenarios/bola-customer-scraping.yaml.
    expect(rows[0]).toEqual({
      id: 'bola-customer-scraping',
      title: 'Customer records scraped through a BOLA flaw',
      playbook: 'bola-data-scraping',
      injects: 14,
      objectives: 4,
    });
    expect(rows.map((row) => row.id)).toEqual([
      'bola-customer-scraping',
      'partner-key-leak',
      'credential-stuffing-wave',
      'zombie-v1-api',
      'webhook-provider-compromise',
      'launch-resource-exhaustion',
    ]);
  });

  it('prints a table by default and refuses a bad format or arguments', async () => {
    const r = await cli('scenario', 'list');
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(6);
    expect(r.out).toMatch(
      /^bola-customer-scraping +bola-data-scraping +14 injects +4 objectives +Customer/,
    );
    const bad = await cli('scenario', 'list', '--format=xml');
    expect(bad.code).toBe(2);
    expectOneLineReason(bad.err);
    const extra = await cli('scenario', 'list', 'more');
    expect(extra.code).toBe(2);
  });
});

describe('bulwark scenario validate', () => {
  it('exits 0 for valid files', async () => {
    const r = await cli(
      'scenario',
      'validate',
      'playbooks/scenarios/partner-key-leak.yaml',
      MINIMAL,
    );
    expect(r).toEqual({
      code: 0,
      err: '',
      out: `playbooks/scenarios/partner-key-leak.yaml: valid (11 injects)\n${MINIMAL}: valid (2 injects)\n`,
    });
  });

  it('exits 1 and prints file:line:column path message for each error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-scenario-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'id: bad\ntitle: Bad\nversion: 1.0.0\nsummary: s\nowasp: []\nplaybook: nope\nsituation: s\nobjectives: []\nparticipants: []\ninjects: []\n',
    );
    const r = await cli('scenario', 'validate', bad, MINIMAL);
    expect(r.code).toBe(1);
    expect(r.out.split('\n').filter(Boolean)).toEqual([
      `${bad}:8:13 objectives objectives needs at least one entry.`,
      `${bad}:9:15 participants participants needs at least 2 entries.`,
      `${bad}:10:10 injects injects needs at least one entry.`,
      `${MINIMAL}: valid (2 injects)`,
    ]);
  });

  it('exits 2 for an unreadable file but still checks the others', async () => {
    const r = await cli('scenario', 'validate', 'no/such/file.yaml', MINIMAL);
    expect(r.code).toBe(2);
    expectOneLineReason(r.err);
    expect(r.err).toContain('cannot read no/such/file.yaml (ENOENT)');
    expect(r.out).toBe(`${MINIMAL}: valid (2 injects)\n`);
  });

  it('exits 2 without files, on unknown verbs and options', async () => {
    for (const argv of [
      ['scenario', 'validate'],
      ['scenario'],
      ['scenario', 'run'],
      ['scenario', 'validate', '--strict', MINIMAL],
    ]) {
      const r = await cli(...argv);
      expect(r.code).toBe(2);
      expectOneLineReason(r.err);
    }
  });

  it('is listed in the help', async () => {
    const r = await cli('--help');
    expect(r.out).toMatch(/scenario +list and validate tabletop exercise scenarios/);
  });
});
