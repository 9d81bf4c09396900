import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  EMPTY_WORKSPACE,
  createBackup,
  parseBackup,
  serializeBackup,
  type WorkspaceData,
} from '../../../../core/backup/format';
import type { IsoTimestamp } from '../../../../core/shared/brand';
import { emptyModel } from '../../../../core/threats/factory';
import { BUILTIN_RULES } from '../../../../core/threats/rules/library';
import type { OpenApiSourceRecord, ThreatModelRecord } from '../../../../core/workspace/records';
import { entry } from '../../../fixtures/inventory';

const at = '2026-11-23T10:00:00.000Z' as IsoTimestamp;
const workspace = (data: Partial<WorkspaceData>): WorkspaceData => ({
  ...EMPTY_WORKSPACE,
  ...data,
});
const good = () =>
  createBackup(workspace({ apis: [entry('a'), entry('b', { name: '<b>bold</b>' })] }), at, '0.1.0');
const model = (id: string): ThreatModelRecord => ({
  ...emptyModel(id, 'Payments design review', [entry('a').id]),
  createdAt: at,
  updatedAt: at,
});

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
      /newer Bulwark \(backup format 7; this version reads up to 3\)/,
    );
  });

  it('names the record and field of an invalid entry', () => {
    const b = good();
    const bad = {
      ...b,
      data: { ...b.data, apis: [b.data.apis[0], { ...b.data.apis[1], name: '' }] },
    };
    const r = parseBackup(JSON.stringify(bad), 'bad.json');
    expect(!r.ok && r.error).toBe(
      'bad.json, at data.apis[1].name: Give the API a name. Nothing was restored.',
    );
  });

  it('refuses duplicated ids', () => {
    const b = createBackup(workspace({ apis: [entry('same'), entry('same')] }), at, '0.1.0');
    const r = parseBackup(JSON.stringify(b), 'dup.json');
    expect(!r.ok && r.error).toMatch(/data\.apis\[1\]\.id: the id "same" appears twice/);
  });

  it('refuses non-object JSON and a marker without a version', () => {
    expect(parseBackup('42', 'n.json').ok).toBe(false);
    const r = parseBackup(JSON.stringify({ format: BACKUP_FORMAT }), 'nov.json');
    expect(!r.ok && r.error).toMatch(/without a valid format version/);
  });

  it('reads a version 1 backup (inventory only) as a workspace with nothing else', () => {
    const v1 = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: at,
      appVersion: '0.1.0',
      data: { apis: [entry('a')] },
    };
    const r = parseBackup(JSON.stringify(v1), 'old.json');
    expect(r.ok && r.backup.version).toBe(3);
    expect(r.ok && r.backup.data).toEqual({ ...EMPTY_WORKSPACE, apis: [entry('a')] });
  });

  it('round-trips threat models and names the place of an invalid one', () => {
    const b = createBackup(workspace({ threatModels: [model('tm-1')] }), at, '0.1.0');
    expect(parseBackup(serializeBackup(b), 'tm.json')).toEqual({ ok: true, backup: b });
    const bad = {
      ...b,
      data: { ...b.data, threatModels: [{ ...model('tm-1'), elements: 'nope' }] },
    };
    const r = parseBackup(JSON.stringify(bad), 'tm.json');
    expect(!r.ok && r.error).toMatch(/^tm\.json, at data\.threatModels\[0\]\.elements: /);
  });

  it('refuses a rule library that disables the STRIDE baseline', () => {
    const b = createBackup(
      workspace({
        ruleLibrary: {
          disabled: [BUILTIN_RULES.find((r) => r.baseline)?.id ?? 'none'],
          custom: [],
        },
      }),
      at,
      '0.1.0',
    );
    const r = parseBackup(JSON.stringify(b), 'rules.json');
    expect(r.ok).toBe(false);
  });

  describe('the OpenAPI description each imported model came from', () => {
    const source = (modelId: string): OpenApiSourceRecord => ({
      modelId,
      apiId: entry('a').id,
      fileName: 'shop.yaml',
      text: 'openapi: 3.0.3\ninfo: { title: Shop, version: "1" }\npaths: {}\n',
      importedAt: at,
    });
    const withSources = (...sources: OpenApiSourceRecord[]) =>
      createBackup(
        workspace({ threatModels: [model('tm-1'), model('tm-2')], openapiSources: sources }),
        at,
        '0.1.0',
      );

    it('round-trips', () => {
      const b = withSources(source('tm-1'));
      expect(parseBackup(serializeBackup(b), 's.json')).toEqual({ ok: true, backup: b });
    });

    it('reads a version 3 file written without them as none', () => {
      const b = withSources(source('tm-1'));
      const data: Record<string, unknown> = { ...b.data };
      delete data.openapiSources;
      const r = parseBackup(JSON.stringify({ ...b, data }), 'older3.json');
      expect(r.ok && r.backup.data.openapiSources).toEqual([]);
    });

    it('reads a version 2 file as none', () => {
      const v2 = {
        format: BACKUP_FORMAT,
        version: 2,
        exportedAt: at,
        appVersion: '0.1.0',
        data: {
          apis: [],
          threatModels: [model('tm-1')],
          playbooks: [],
          ruleLibrary: { disabled: [], custom: [] },
        },
      };
      const r = parseBackup(JSON.stringify(v2), 'v2.json');
      expect(r.ok && r.backup.data.openapiSources).toEqual([]);
      expect(r.ok && r.backup.data.threatModels.map((m) => m.id)).toEqual(['tm-1']);
    });

    it('refuses two descriptions for one model', () => {
      const r = parseBackup(
        JSON.stringify(withSources(source('tm-1'), source('tm-2'), source('tm-1'))),
        'dup.json',
      );
      expect(!r.ok && r.error).toBe(
        'dup.json, at data.openapiSources[2].modelId: the id "tm-1" appears twice. Nothing was restored.',
      );
    });

    it('refuses a description of a model the backup does not hold', () => {
      const r = parseBackup(JSON.stringify(withSources(source('tm-9'))), 'orphan.json');
      expect(!r.ok && r.error).toBe(
        'orphan.json, at data.openapiSources[0].modelId: no threat model "tm-9" in this backup. Nothing was restored.',
      );
    });

    it('names the field of an invalid description', () => {
      const b = withSources(source('tm-1'));
      const bad = {
        ...b,
        data: { ...b.data, openapiSources: [{ ...source('tm-1'), importedAt: 'yesterday' }] },
      };
      const r = parseBackup(JSON.stringify(bad), 'bad.json');
      expect(!r.ok && r.error).toMatch(/^bad\.json, at data\.openapiSources\[0\]\.importedAt: /);
    });
  });
});
