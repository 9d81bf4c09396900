import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../bin/cli';
import { yamlPlace } from './yaml-place';

// `bulwark analyze` reads JSON as an ASCII-escaped copy (bin/json-text.ts). Its outputs must
// be those of the plain decoding, byte for byte: the plain path is forced here by decoding
// the file as `readFileSync(file, 'utf8')` did, and places are also checked against the
// yaml library's node ranges and against columns counted by hand.

const { state } = vi.hoisted(() => ({ state: { plain: false, copies: 0 } }));

vi.mock('../../../bin/json-text', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../bin/json-text')>();
  return {
    ...real,
    decodeText: (bytes: Buffer) => {
      if (state.plain) return { text: bytes.toString('utf8') };
      const read = real.decodeText(bytes);
      if (read.origin !== undefined) state.copies++;
      return read;
    },
  };
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** The run as the copy makes it, and as the plain decoding does. */
async function both(...argv: string[]) {
  state.plain = false;
  const copied = await cli(...argv);
  state.plain = true;
  const plain = await cli(...argv);
  state.plain = false;
  return { copied, plain };
}

const dir = mkdtempSync(join(tmpdir(), 'bulwark-analyze-escaped-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

// Non-ASCII characters before located results on their lines (😀 is two UTF-16 units),
// and an external $ref after them.
const DESCRIPTION = `{"openapi": "3.0.3", "info": {"title": "Café — 😀", "version": "1"},
  "servers": [{"url": "http://api.example.com"}],
  "paths": {
    "/v1/usërs/{userId}": {"get": {"summary": "Ça 😀", "parameters": [{"name": "userId", "in": "path", "required": true, "schema": {"type": "integer"}}], "responses": {"200": {"description": "ok ✓", "content": {"application/json": {"schema": {"$ref": "https://schemas.example/ß.json#/User"}}}}}}},
    "/v1/ドキュメント": {"post": {"description": "日本", "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}}, "responses": {"200": {"description": "é"}}}}
  }
}
`;

type Sarif = {
  runs: {
    results: {
      locations: {
        physicalLocation: { region?: { startLine: number; startColumn: number } };
        logicalLocations: { kind: string; fullyQualifiedName: string }[];
      }[];
    }[];
  }[];
};

describe('bulwark analyze <json with non-ASCII characters>', () => {
  beforeEach(() => {
    state.copies = 0;
  });

  it('writes the SARIF, warnings and exit code of the plain decoding, byte for byte', async () => {
    const path = file('api.json', DESCRIPTION);
    const { copied, plain } = await both('analyze', path, '--format', 'sarif');
    expect(state.copies).toBe(1);
    expect(copied).toEqual(plain);
    expect(copied.code).toBe(0);
    // Counted by hand: the key "schema" of the $ref is the 233rd UTF-16 unit of line 4.
    expect(copied.err).toBe(
      `bulwark: warning: ${path}:4:233: external $ref "https://schemas.example/ß.json#/User" not followed (external references are never fetched) (at /paths/~1v1~1usërs~1{userId}/get/responses/200/content/application~1json/schema)\n`,
    );
    const log = JSON.parse(copied.out) as Sarif;
    const located = (log.runs[0]?.results ?? []).flatMap((r) => r.locations);
    let afterNonAscii = 0;
    for (const loc of located) {
      const pointer = loc.logicalLocations.find((l) => l.kind === 'function')?.fullyQualifiedName;
      if (!pointer?.startsWith('/')) continue;
      const region = loc.physicalLocation.region;
      expect(region, pointer).toEqual(yamlPlace(DESCRIPTION, pointer));
      const line = DESCRIPTION.split('\n')[(region?.startLine ?? 1) - 1] ?? '';
      if (/[\u0080-\uffff]/.test(line.slice(0, (region?.startColumn ?? 1) - 1))) afterNonAscii++;
    }
    expect(afterNonAscii).toBeGreaterThan(2);
    // Counted by hand: the parameter object opens at column 71 of line 4.
    expect(
      located.some(
        (l) =>
          l.logicalLocations.some((x) => x.fullyQualifiedName.endsWith('/get/parameters/0')) &&
          l.physicalLocation.region?.startLine === 4 &&
          l.physicalLocation.region.startColumn === 71,
      ),
    ).toBe(true);
  });

  it.each(['json', 'csv', 'markdown'])('writes the same %s as the plain decoding', async (f) => {
    const path = file('api.json', DESCRIPTION);
    const { copied, plain } = await both('analyze', path, '--format', f);
    expect(state.copies).toBe(1);
    expect(copied).toEqual(plain);
  });

  it('writes the same file with --out, and --fail-on gives the same exit and message', async () => {
    const path = file('api.json', DESCRIPTION);
    const [a, b] = [join(dir, 'a.sarif'), join(dir, 'b.sarif')];
    state.plain = false;
    const copied = await cli('analyze', path, '--format', 'sarif', '--out', a, '--fail-on', 'low');
    state.plain = true;
    const plain = await cli('analyze', path, '--format', 'sarif', '--out', b, '--fail-on', 'low');
    expect(copied).toEqual(plain);
    expect(copied.code).toBe(1);
    expect(readFileSync(a)).toEqual(readFileSync(b));
  });

  it('reports invalid JSON with non-ASCII characters at the place the plain decoding gives', async () => {
    const path = file('bad.json', DESCRIPTION.replace('"Ça 😀",', '"Ça 😀" "oops": 1,'));
    const { copied, plain } = await both('analyze', path);
    expect(state.copies).toBe(1);
    expect(copied).toEqual(plain);
    // Counted by hand: "oops" opens at the 55th UTF-16 unit of line 4.
    expect(copied).toEqual({
      code: 2,
      out: '',
      err: `bulwark: ${path}:4:55: invalid JSON: Expected ',' or '}' after property value\n`,
    });
  });

  it('reads model, Threat Dragon and other JSON files from the original text', async () => {
    const notes = file('notes.json', '{"é": [1, 2,, 3]}');
    const { copied, plain } = await both('analyze', notes);
    expect(state.copies).toBe(1);
    expect(copied).toEqual(plain);
    // Counted by hand: the second comma is the 13th character.
    expect(copied.err).toBe(
      `bulwark: ${notes} is not valid JSON: line 1, column 13: Unexpected token ',', "{"é": [1, 2,, 3]}" is not valid JSON.\n`,
    );
    const model = readFileSync(
      join(__dirname, '../../fixtures/threats/payments.bulwark.json'),
      'utf8',
    )
      .replace('Payments API', 'Paiements — Café 😀')
      .replace('"Card data"', '"Données de carte ✓"');
    const modelFile = file('model.bulwark.json', model);
    const converted = await cli('convert', modelFile, '--to', 'threat-dragon');
    const dragon = file('dragon.json', converted.out);
    expect(converted.out).toMatch(/Café 😀/);
    for (const path of [modelFile, dragon])
      for (const format of ['sarif', 'json']) {
        state.copies = 0;
        const r = await both('analyze', path, '--format', format);
        expect(state.copies).toBe(1);
        expect(r.copied).toEqual(r.plain);
        expect(r.copied.code).toBe(0);
      }
  });
});
