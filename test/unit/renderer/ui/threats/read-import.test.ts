import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  UNLINKED_API,
  readImportFile,
} from '../../../../../renderer/ui/threats/exchange/read-import';
import { sharedFixture } from '../../../../fixtures/shared';
import { PAYMENTS_FILE } from '../../../../fixtures/threats/models';

// The import flow decides what a chosen file becomes before anything is written.

describe('readImportFile', () => {
  it('reads a Bulwark model file as it is', () => {
    const c = readImportFile(
      'payments.bulwark.json',
      readFileSync(PAYMENTS_FILE, 'utf8'),
      'tm-new',
    );
    expect(c.kind).toBe('bulwark');
    if (c.kind === 'bulwark') expect(c.model.title).toBe('Payments API');
  });

  it('converts a Threat Dragon model under the given id, unlinked until the person chooses APIs', () => {
    const text = readFileSync(sharedFixture('threat-dragon', 'v2-threat-model.json'), 'utf8');
    const c = readImportFile('v2-threat-model.json', text, 'tm-new');
    expect(c.kind).toBe('exchange');
    if (c.kind !== 'exchange') return;
    expect(c.formatName).toBe('Threat Dragon v2 JSON');
    expect(c.model.id).toBe('tm-new');
    expect(c.model.apiIds).toEqual([UNLINKED_API]);
    expect(c.notCarried.some((n) => n.message.includes('Mike Goodwin'))).toBe(true);
  });

  it('converts a .tm7 and an OTM YAML file', () => {
    const tm7 = readImportFile(
      'm.tm7',
      readFileSync(sharedFixture('tm7', 'MTMT_example.tm7'), 'utf8'),
      'a',
    );
    expect(tm7.kind === 'exchange' && tm7.formatName).toBe('Microsoft Threat Modeling Tool (.tm7)');
    const otm = readImportFile(
      'e.yaml',
      readFileSync(sharedFixture('otm', 'EXAMPLE.yaml'), 'utf8'),
      'b',
    );
    expect(otm.kind === 'exchange' && otm.model.elements.length).toBe(8);
  });

  it('names the file and the place of a malformed file', () => {
    const text = readFileSync(sharedFixture('threat-dragon', 'malformed-new-model.json'), 'utf8');
    const c = readImportFile('malformed-new-model.json', text, 'x');
    expect(c).toEqual({
      kind: 'error',
      message: expect.stringMatching(
        /^malformed-new-model\.json:3:\d+: a Threat Dragon model needs a "summary" object/,
      ) as string,
    });
    const other = readImportFile('notes.json', '{"hello": 1}', 'x');
    expect(other.kind === 'error' && other.message).toMatch(/not a Bulwark model file/);
  });
});
