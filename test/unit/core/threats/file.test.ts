import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaultLibrary,
  generateThreats,
  locateJsonPath,
  parseModelFile,
  serializeModelFile,
  validateThreatModel,
} from '../../../../core/threats';
import { PAYMENTS_FILE, paymentsModel } from '../../../fixtures/threats/models';

const sample = () =>
  JSON.parse(readFileSync(PAYMENTS_FILE, 'utf8')) as { model: Record<string, unknown> };
const withModel = (patch: (m: Record<string, unknown>) => void) => {
  const file = sample();
  patch(file.model);
  return JSON.stringify(file, null, 2);
};
const errorOf = (text: string, name = 'm.bulwark.json') => {
  const r = parseModelFile(text, name);
  return r.ok ? null : r;
};

describe('the .bulwark.json model file', () => {
  it('round-trips a generated model exactly', () => {
    const model = generateThreats(paymentsModel(), defaultLibrary());
    const text = serializeModelFile(model);
    expect(text.startsWith('{\n  "format": "bulwark-threat-model",\n  "version": 1,')).toBe(true);
    expect(parseModelFile(text, 'x.bulwark.json')).toEqual({ ok: true, model });
  });

  it('names the line and column of broken JSON', () => {
    const e = errorOf('{\n  "format": "bulwark-threat-model",\n  "version": 1,,\n}');
    expect(e?.error).toMatch(/^m\.bulwark\.json is not valid JSON: line 3, column \d+/);
    expect(e?.place.line).toBe(3);
    const cut = readFileSync(PAYMENTS_FILE, 'utf8').slice(0, 500);
    expect(errorOf(cut)?.error).toMatch(/is not valid JSON: line \d+, column \d+/);
  });

  it('refuses foreign and newer files', () => {
    expect(errorOf('{"summary":{"title":"Threat Dragon"}}', 'td.json')?.error).toBe(
      'td.json is not a Bulwark model file (it has no "format": "bulwark-threat-model" marker).',
    );
    expect(errorOf('{"format":"bulwark-threat-model","version":3,"model":{}}')?.error).toMatch(
      /newer Bulwark \(model file version 3; this version reads up to 1\)/,
    );
  });

  it('names the path, line and column of a flow pointing at a missing element', () => {
    const text = withModel((m) => {
      const elements = m.elements as Record<string, unknown>[];
      const flow = elements.find((e) => e.id === 'f-internal');
      if (flow) flow.source = 'ghost';
    });
    const e = errorOf(text);
    const index = (sample().model.elements as { id: string }[]).findIndex(
      (x) => x.id === 'f-internal',
    );
    const place = locateJsonPath(text, ['model', 'elements', index, 'source']);
    expect(e?.error).toBe(
      `m.bulwark.json, at model.elements[${index}].source (line ${place?.line}, column ${place?.column}): There is no element with id "ghost".`,
    );
    expect(e?.place).toEqual({
      path: `model.elements[${index}].source`,
      line: place?.line,
      column: place?.column,
    });
    expect(text.split('\n')[(place?.line ?? 0) - 1]).toContain('"source": "ghost"');
  });

  it('names the path of schema problems anywhere in the model', () => {
    const cases: [(m: Record<string, unknown>) => void, RegExp][] = [
      [
        (m) => {
          m.apiIds = [];
        },
        /at model\.apiIds \(line \d+, column \d+\): Link at least one inventory API\./,
      ],
      [
        (m) => {
          (m.elements as Record<string, unknown>[])[0] = { kind: 'cloud', id: 'x', name: 'X' };
        },
        /at model\.elements\[0\]\.kind .*kind must be one of external-entity/,
      ],
      [
        (m) => {
          (m.elements as Record<string, unknown>[])[4] = {
            ...(m.elements as object[])[4],
            rateLimited: 'yes',
          };
        },
        /at model\.elements\[4\]\.rateLimited .*Use true or false\./,
      ],
      [
        (m) => {
          (m.elements as Record<string, unknown>[])[4] = {
            ...(m.elements as object[])[4],
            authenticatesCaller: true,
          };
        },
        /at model\.elements\[4\] .*authenticatesCaller/,
      ],
      [
        (m) => {
          (m.elements as Record<string, unknown>[])[1] = {
            ...(m.elements as object[])[1],
            name: 'x\u0007',
          };
        },
        /at model\.elements\[1\]\.name .*control characters/,
      ],
      [
        (m) => {
          (m.elements as Record<string, unknown>[])[10] = {
            ...(m.elements as object[])[10],
            dataCarried: ['nope'],
          };
        },
        /at model\.elements\[10\]\.dataCarried\[0\].*no asset with id "nope"/,
      ],
      [
        (m) => {
          (m.elements as Record<string, unknown>[]).push(
            { kind: 'trust-boundary', id: 'loop', name: 'L', contains: ['internet', 'loop2'] },
            { kind: 'trust-boundary', id: 'loop2', name: 'L2', contains: ['loop'] },
          );
        },
        /contains.*ends up containing itself/,
      ],
      [
        (m) => {
          (m.elements as Record<string, unknown>[]).push({
            kind: 'data-flow',
            id: 'fx',
            name: 'F',
            source: 'internet',
            target: 'db',
          });
        },
        /"internet" is a trust-boundary; a flow connects external entities, processes and data stores/,
      ],
      [
        (m) => {
          (m.elements as Record<string, unknown>[]).push({
            kind: 'process',
            id: 'gateway',
            name: 'Twin',
          });
        },
        /at model\.elements\[21\]\.id.*The element id "gateway" appears twice/,
      ],
    ];
    for (const [patch, expected] of cases)
      expect(errorOf(withModel(patch))?.error).toMatch(expected);
  });

  it('checks threat instances: identity, catalogue entry, live element', () => {
    const model = generateThreats(paymentsModel(), defaultLibrary());
    const t = model.threats.instances[0];
    if (!t) throw new Error('no threats');
    const bad = (patch: object) =>
      validateThreatModel({
        ...model,
        threats: { ...model.threats, instances: [{ ...t, ...patch }] },
      });
    const errs = (patch: object) => {
      const r = bad(patch);
      return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(errs({ id: 'other' })).toEqual([
      `threats.instances[0].id: The id must be "${t.id}" (threat id @ element id, then # operation).`,
    ]);
    expect(errs({ threatId: 'NOPE', id: `NOPE@${t.elementId}` })).toEqual([
      'threats.instances[0].threatId: There is no catalogue threat with id "NOPE".',
    ]);
    expect(errs({ elementId: 'gone', id: `${t.threatId}@gone` })[0]).toMatch(
      /There is no element with id "gone"/,
    );
    expect(errs({ elementId: 'gone', id: `${t.threatId}@gone`, stale: true })).toEqual([]);
    expect(errs({ location: 'paths/x' })[0]).toMatch(/JSON pointer/);
  });

  it('locates values in JSON text without recursion', () => {
    const text = '{"a": [1, {"b": "x\\"}"}, [2]], "c": {"d": null}}';
    expect(locateJsonPath(text, ['a', 1, 'b'])).toEqual({ line: 1, column: 17, offset: 16 });
    expect(locateJsonPath(text, ['c', 'd'])?.offset).toBe(text.indexOf('null'));
    expect(locateJsonPath(text, ['a', 5])).toBeNull();
    expect(locateJsonPath(text, ['zz'])).toBeNull();
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    expect(locateJsonPath(`{"x": ${deep}, "y": 1}`, ['y'])?.offset).toBe(6 + deep.length + 7);
  });
});
