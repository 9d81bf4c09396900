import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  createBackup,
  parseBackup,
  serializeBackup,
} from '../../../../core/backup/format';
import type { IsoTimestamp } from '../../../../core/shared/brand';
import { entry } from '../../../fixtures/inventory';

const at = '2026-11-23T10:00:00.000Z' as IsoTimestamp;
const good = () =>
  createBackup({ apis: [entry('a'), entry('b', { name: '<b>bold</b>' })] }, at, '0.1.0');

describe('backup format', () => {
  it('round-trips through JSON text', () => {
    const parsed = parseBackup(serializeBackup(good()), 'b.json');
    expect(parsed).toEqual({ ok: true, backup: good() });
  });

  it('names the line and column of broken JSON', () => {
    const r = parseBackup(
      '{\n  "format": "bulwark-workspace-backup",\n  "version": 1,,\n}',
      'broken.json',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^broken\.json is not valid JSON: line 3, column \d+/);
  });

  it('says a truncated file ends too early', () => {
    const text = serializeBackup(good());
    const r = parseBackup(text.slice(0, text.length / 2), 'cut.json');
    expect(!r.ok && r.error).toMatch(/cut\.json is not valid JSON: line \d+, column \d+/);
  });

  it('refuses a foreign JSON file', () => {
    const r = parseBackup(JSON.stringify({ summary: { title: 'Threat Dragon model' } }), 'td.json');
    expect(!r.ok && r.error).toMatch(/td\.json is not a Bulwark backup/);
  });

  it('refuses a backup from a newer format and says to update', () => {
    const r = parseBackup(JSON.stringify({ ...good(), version: 7 }), 'new.json');
    expect(!r.ok && r.error).toMatch(
      /newer Bulwark \(backup format 7; this version reads up to 1\)/,
    );
  });

  it('names the record and field of an invalid entry', () => {
    const b = good();
    const bad = { ...b, data: { apis: [b.data.apis[0], { ...b.data.apis[1], name: '' }] } };
    const r = parseBackup(JSON.stringify(bad), 'bad.json');
    expect(!r.ok && r.error).toBe(
      'bad.json, at data.apis[1].name: Give the API a name. Nothing was restored.',
    );
  });

  it('refuses duplicated ids', () => {
    const b = createBackup({ apis: [entry('same'), entry('same')] }, at, '0.1.0');
    const r = parseBackup(JSON.stringify(b), 'dup.json');
    expect(!r.ok && r.error).toMatch(/data\.apis\[1\]\.id: the id "same" appears twice/);
  });

  it('refuses non-object JSON and a marker without a version', () => {
    expect(parseBackup('42', 'n.json').ok).toBe(false);
    const r = parseBackup(JSON.stringify({ format: BACKUP_FORMAT }), 'nov.json');
    expect(!r.ok && r.error).toMatch(/without a valid format version/);
  });
});
