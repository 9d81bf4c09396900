import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../bin/cli';
import { yamlPlace } from './yaml-place';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const FIXTURES = join(__dirname, '../../fixtures/openapi');
const fx = (name: string) => join(FIXTURES, name);
const dir = mkdtempSync(join(tmpdir(), 'bulwark-analyze-openapi-'));
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

type Json = { model: { elements: { id: string }[] }; threats: Record<string, unknown>[] };

describe('bulwark analyze <openapi>', () => {
  it('prints the analysis JSON with operation and location on per-operation threats', async () => {
    const r = await cli('analyze', fx('insecure.yaml'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as Json;
    expect(Object.keys(json)).toEqual(['model', 'threats']);
    const bola = json.threats.find((t) => t.id === 'OAS-API1-001@api#GET /v1/users/{userId}');
    expect(bola).toMatchObject({
      ruleId: 'OAS-API1-001',
      owasp: 'API1:2023',
      operation: 'GET /v1/users/{userId}',
      location: '/paths/~1v1~1users~1{userId}/get/parameters/0',
      status: 'open',
    });
    expect(
      json.threats.some((t) => typeof t.ruleId === 'string' && !t.ruleId.startsWith('OAS-')),
    ).toBe(true);
  });

  it('reads Swagger 2.0 JSON and detects OpenAPI by content whatever the name', async () => {
    expect((await cli('analyze', fx('swagger.json'))).code).toBe(0);
    const renamed = file('description.txt', readFileSync(fx('secure.yaml')));
    const r = await cli('analyze', renamed);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Json).model.elements.map((e) => e.id)).toContain('api');
  });

  it('writes SARIF located in the description, with rules that carry help', async () => {
    const r = await cli('analyze', fx('insecure.yaml'), '--format', 'sarif');
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.out) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; help: { text: string } }[] } };
        results: {
          ruleId: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region?: { startLine: number; startColumn: number };
            };
            logicalLocations: { name: string; kind: string }[];
          }[];
        }[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const run0 = sarif.runs[0];
    const rule = run0?.tool.driver.rules.find((x) => x.id === 'OAS-API1-001');
    expect(rule?.help.text).toMatch(/API1:2023/);
    const result = run0?.results.find(
      (x) =>
        x.ruleId === 'OAS-API1-001' &&
        x.locations[0]?.logicalLocations.some((l) => l.name === 'GET /v1/users/{userId}'),
    );
    const loc = result?.locations[0];
    expect(loc?.physicalLocation.artifactLocation.uri).toMatch(/insecure\.yaml$/);
    expect(loc?.physicalLocation.region).toEqual({ startLine: 18, startColumn: 11 });
    expect(loc?.logicalLocations.find((l) => l.kind === 'function')?.name).toBe(
      'GET /v1/users/{userId}',
    );
  });

  it.each(['insecure.yaml', 'swagger.json', 'events.yaml'])(
    'SARIF for %s: rules with help, every per-operation result at its pointer in the file',
    async (name) => {
      const r = await cli('analyze', fx(name), '--format', 'sarif');
      expect(r.code).toBe(0);
      type Result = {
        ruleId: string;
        ruleIndex: number;
        message: { text: string };
        locations: {
          physicalLocation: {
            artifactLocation: { uri: string };
            region?: { startLine: number; startColumn: number };
          };
          logicalLocations: { name: string; kind: string; fullyQualifiedName: string }[];
        }[];
      }[];
      const log = JSON.parse(r.out) as {
        $schema: string;
        version: string;
        runs: {
          tool: {
            driver: {
              name: string;
              rules: { id: string; shortDescription: { text: string }; help: { text: string } }[];
            };
          };
          results: Result;
        }[];
      };
      expect(log.version).toBe('2.1.0');
      expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
      expect(log.runs).toHaveLength(1);
      const [run0] = log.runs;
      if (!run0) throw new Error('no run');
      const rules = run0.tool.driver.rules;
      for (const rule of rules) {
        expect(rule.shortDescription.text.length).toBeGreaterThan(5);
        expect(rule.help.text.length).toBeGreaterThan(20);
      }
      const text = readFileSync(fx(name), 'utf8');
      let operations = 0;
      for (const result of run0.results) {
        expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
        expect(result.message.text.length).toBeGreaterThan(0);
        const [loc] = result.locations;
        expect(loc?.physicalLocation.artifactLocation.uri).toMatch(new RegExp(`(^|/)${name}$`));
        const pointer = loc?.logicalLocations.find(
          (l) => l.kind === 'function',
        )?.fullyQualifiedName;
        if (!pointer?.startsWith('/')) continue;
        operations++;
        expect(loc?.physicalLocation.region, `${result.ruleId} at ${pointer}`).toEqual(
          yamlPlace(text, pointer),
        );
      }
      expect(operations).toBeGreaterThan(2);
    },
  );

  it('writes markdown and csv, and --out', async () => {
    expect((await cli('analyze', fx('insecure.yaml'), '--format', 'markdown')).out).toMatch(
      /GET \/v1\/users/,
    );
    expect((await cli('analyze', fx('insecure.yaml'), '--format', 'csv')).out).toMatch(
      /OAS-API1-001/,
    );
    const out = join(dir, 'out.json');
    expect((await cli('analyze', fx('secure.yaml'), '--out', out)).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('--fail-on gates on open threats', async () => {
    const r = await cli('analyze', fx('insecure.yaml'), '--fail-on', 'high');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/open threats? at or above high/);
  });

  it.each([
    ['truncated.json', /truncated\.json:5:\d+: invalid JSON/],
    [
      'self-ref.yaml',
      /self-ref\.yaml:14:5: .*refers to itself .*\(at \/components\/schemas\/Loop\)/,
    ],
    ['unknown-version.yaml', /unknown-version\.yaml:1:1: unsupported version 4\.0\.0/],
  ])('exits 2 on %s with the reason and the place', async (name, message) => {
    const r = await cli('analyze', fx(name));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on hostile files with the reason, the file and the place, writing nothing', async () => {
    const out = join(dir, 'never.json');
    const bomb = ['openapi: 3.0.0', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      bomb.push(
        `a${String(i)}: &a${String(i)} [${Array(10)
          .fill(`*a${String(i - 1)}`)
          .join(', ')}]`,
      );
    const info = '"info":{"title":"D","version":"1"}';
    // [file, line, column, reason]: places counted by hand in each text.
    const cases: [string, number, number, RegExp][] = [
      // The first alias: `*a0` on line 3 after `a1: &a1 [`.
      [file('bomb.yaml', bomb.join('\n')), 3, 10, /alias bomb/],
      // The object is level 1, so the 256th `[` (offset 58 + 255) is level 257: column 314.
      [
        file(
          'deep.json',
          `{"openapi":"3.0.0",${info},"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
        ),
        1,
        314,
        /nesting deeper than 256 levels/,
      ],
      [
        file(
          'deep.yaml',
          [
            'openapi: 3.0.0',
            ...Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${String(i)}:`),
          ].join('\n'),
        ),
        -1,
        -1,
        /nests too deeply|nesting deeper/,
      ],
      [file('binary.yaml', Buffer.from([0x6f, 0x00, 0xff, 0x00, 0x13])), 1, 2, /binary file/],
      [file('binary.json', Buffer.from('{"openapi": "3.0.0", \u0000\u0001')), 1, 22, /binary file/],
      [file('broken.yml', 'openapi: 3.0.0\ninfo: [\n'), -1, -1, /invalid YAML/],
      [
        file('truncated-inline.json', `{"openapi":"3.0.0",${info.slice(0, 20)}`),
        1,
        40,
        /invalid JSON/,
      ],
      [
        file(
          'self.json',
          `{"openapi":"3.0.0",${info},"paths":{},"components":{"schemas":{"A":{"$ref":"#/components/schemas/A"}}}}`,
        ),
        1,
        91,
        /refers to itself .*\(at \/components\/schemas\/A\)/,
      ],
      [
        file('v4.json', `{"openapi":"4.0.0",${info},"paths":{}}`),
        1,
        2,
        /unsupported version 4\.0\.0/,
      ],
      [file('v1.yaml', 'swagger: "1.2"\ninfo: {title: D}\n'), 1, 1, /unsupported version 1\.2/],
    ];
    for (const [path, line, column, reason] of cases) {
      const r = await cli('analyze', path, '--out', out);
      expect(r.code, path).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.err.trim().split('\n'), path).toHaveLength(1);
      expect(r.err, path).toMatch(reason);
      const place = /^bulwark: (.*):(\d+):(\d+): /.exec(r.err);
      expect(place?.[1], path).toBe(path);
      if (line > 0) expect([Number(place?.[2]), Number(place?.[3])], path).toEqual([line, column]);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('reports external $refs as warnings on stderr and still analyses', async () => {
    const r = await cli('analyze', fx('events.yaml'));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^bulwark: warning: .*events\.yaml:33:\d+: external \$ref "https:\/\/schemas\.example\/remote\.yaml#\/Thing" not followed/,
    );
    expect((JSON.parse(r.out) as Json).threats.length).toBeGreaterThan(0);
  });

  it('still reads model files', async () => {
    const r = await cli('analyze', file('not-openapi.json', '{"hello": 1}'));
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/OpenAPI/);
  });
});
