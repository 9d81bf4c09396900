import { describe, expect, it } from 'vitest';
import { parseOpenApi, walkSchema } from '../../../../core/openapi';
import { fixture, fixtureText, parsed } from './helpers';

const error = (text: string, name = 'bad.yaml') => {
  const r = parseOpenApi(text, name);
  if (r.ok) throw new Error('expected an error');
  return r.error;
};

describe('parseOpenApi: versions', () => {
  it('reads OpenAPI 3.0 YAML into operations with pointers', () => {
    const doc = fixture('insecure.yaml');
    expect(doc.version).toBe('3.0');
    expect(doc.title).toBe('Shop API');
    const get = doc.operations.find((o) => o.key === 'GET /v1/users/{userId}');
    expect(get?.pointer).toBe('/paths/~1v1~1users~1{userId}/get');
    expect(get?.operationId).toBe('getUser');
    expect(get?.tags).toEqual(['users']);
    expect(get?.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:userId', 'query:token']);
    expect(get?.responses.map((r) => r.status)).toEqual(['200']);
    const upload = doc.operations.find((o) => o.key === 'POST /v1/files');
    expect(upload?.requestBody?.content[0]?.contentType).toBe('multipart/form-data');
    expect(doc.operations.find((o) => o.key === 'POST /v1/subscriptions')?.callbacks).toEqual([
      { name: 'onEvent', pointer: '/paths/~1v1~1subscriptions/post/callbacks/onEvent' },
    ]);
    expect(doc.operations.find((o) => o.key === 'GET /v1/legacy')?.deprecated).toBe(true);
    expect(doc.servers.map((s) => s.url)).toEqual([
      'http://api.shop.example/v1',
      'https://staging.shop.example/v2',
    ]);
    expect(
      doc.securitySchemes.map((s) => [s.name, s.type, s.in ?? s.scheme ?? s.flows.join()]),
    ).toEqual([
      ['apiKeyQuery', 'apiKey', 'query'],
      ['basicAuth', 'http', 'basic'],
      ['oauth', 'oauth2', 'implicit,password'],
    ]);
  });

  it('reads OpenAPI 3.1 with webhooks and a mutualTLS scheme', () => {
    const doc = fixture('events.yaml');
    expect(doc.version).toBe('3.1');
    expect(doc.webhooks.map((w) => w.key)).toEqual(['POST webhook:orderShipped']);
    expect(doc.webhooks[0]?.pointer).toBe('/webhooks/orderShipped/post');
    expect(doc.securitySchemes[0]?.type).toBe('mutualTLS');
    expect(doc.contact?.url).toBe('https://events.example/support');
  });

  it('maps Swagger 2.0 JSON: servers, schemes, formData uploads, path-level parameters', () => {
    const doc = fixture('swagger.json');
    expect(doc.version).toBe('2.0');
    expect(doc.servers).toEqual([
      { url: 'https://files.example.com/api', description: '', pointer: '/schemes/0' },
    ]);
    expect(
      doc.securitySchemes.map((s) => [s.name, s.type, s.scheme ?? s.in ?? s.flows.join()]),
    ).toEqual([
      ['basic', 'http', 'basic'],
      ['key', 'apiKey', 'header'],
      ['partner', 'oauth2', 'clientCredentials'],
    ]);
    const upload = doc.operations.find((o) => o.key === 'POST /files');
    expect(upload?.requestBody?.content[0]?.contentType).toBe('multipart/form-data');
    const del = doc.operations.find((o) => o.key === 'DELETE /files/{fileId}');
    expect(del?.parameters.map((p) => p.name)).toEqual(['fileId']);
    expect(del?.parameters[0]?.pointer).toBe('/paths/~1files~1{fileId}/parameters/0');
    const list = doc.operations.find((o) => o.key === 'GET /files');
    expect(list?.responses[0]?.content[0]?.contentType).toBe('application/json');
  });

  it('reads JSON descriptions by content, and numbers as versions', () => {
    const doc = parsed(
      JSON.stringify({ openapi: '3.0.0', info: { title: 'T', version: 2 }, paths: {} }),
      'x.json',
    );
    expect(doc.apiVersion).toBe('2');
    expect(doc.operations).toEqual([]);
  });
});

describe('parseOpenApi: security', () => {
  const ops = (security: string, global = '') =>
    parsed(
      `openapi: 3.0.0\ninfo: { title: S, version: '1' }\n${global}paths:\n  /a:\n    get:\n${security}      responses: { '200': { description: ok } }\n`,
    ).operations[0]?.security;

  it('distinguishes none declared, inherited, explicit [] and [{}]', () => {
    expect(ops('')).toEqual({ source: 'none', requirements: [], pointer: null });
    expect(ops('', 'security: [{ k: [] }]\n')).toEqual({
      source: 'global',
      requirements: [{ k: [] }],
      pointer: '/security',
    });
    expect(ops('      security: []\n', 'security: [{ k: [] }]\n')).toEqual({
      source: 'operation',
      requirements: [],
      pointer: '/paths/~1a/get/security',
    });
    expect(ops('      security: [{}]\n')?.requirements).toEqual([{}]);
  });
});

describe('parseOpenApi: references', () => {
  it('handles circular schemas without looping', () => {
    const doc = fixture('events.yaml');
    const tree = doc.operations.find((o) => o.key === 'GET /trees/{treeId}');
    const nodes = walkSchema(doc.root, tree?.responses[0]?.content[0]?.schema ?? null);
    expect(nodes.map((n) => n.pointer)).toEqual([
      '/components/schemas/Node',
      // The array under children; its items are Node again and are not walked twice.
      '/components/schemas/Node/properties/children',
    ]);
    const a = walkSchema(doc.root, doc.webhooks[0]?.requestBody?.content[0]?.schema ?? null);
    // A → b → B → a → A: A is not walked again.
    expect(a.map((n) => n.name)).toEqual([null, 'b']);
  });

  it('warns about external references and never fetches them', () => {
    const doc = fixture('events.yaml');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatchObject({
      line: 33,
      pointer: '/paths/~1remote/get/responses/200/content/application~1json/schema',
    });
    expect(doc.warnings[0]?.message).toMatch(/external \$ref .* never fetched/);
  });

  it('refuses a $ref to itself, with its place', () => {
    const e = error(fixtureText('self-ref.yaml'), 'self-ref.yaml');
    expect(e).toMatchObject({
      file: 'self-ref.yaml',
      line: 14,
      pointer: '/components/schemas/Loop',
    });
    expect(e.message).toMatch(/refers to itself/);
  });

  it('reports a $ref problem once per place, and once for a YAML alias shared by two', () => {
    const yaml = parsed(
      "openapi: 3.0.0\ninfo: { title: T, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200': &r { description: ok, content: { application/json: { schema: { $ref: 'other.yaml#/X' } } } }\n        '201': *r\n",
    );
    expect(yaml.warnings).toHaveLength(1);
    expect(yaml.warnings[0]?.pointer).toMatch(
      /^\/paths\/~1a\/get\/responses\/20[01]\/content\/application~1json\/schema$/,
    );
    const response =
      '{"description":"ok","content":{"application/json":{"schema":{"$ref":"other.json#/X"}}}}';
    const json = parsed(
      `{"openapi":"3.0.0","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"responses":{"200":${response},"201":${response}}}}}}`,
      'twice.json',
    );
    expect(json.warnings.map((w) => w.pointer)).toEqual([
      '/paths/~1a/get/responses/200/content/application~1json/schema',
      '/paths/~1a/get/responses/201/content/application~1json/schema',
    ]);
  });

  it('checks the $refs of a JSON description outside examples only, each placed', () => {
    // One external and one dangling reference, each used twice; references inside an
    // `example` or `examples` value are sample data and never checked.
    const examples = '"example":{"$ref":"nowhere.json"},"examples":{"a":{"value":{"$ref":"#/x"}}}';
    const gone = '{"$ref":"#/components/parameters/Gone"}';
    const text = `{"openapi":"3.0.0","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"parameters":[${gone},${gone}],"responses":{"200":{"description":"ok","content":{"application/json":{${examples},"schema":{"$ref":"far.json#/S"}}}},"201":{"$ref":"far.json#/S"}}}}},"components":{"schemas":{"S":{${examples}}}}}`;
    const json = parsed(text, 'refs.json');
    const missing = '$ref "#/components/parameters/Gone" points at nothing in this description';
    const external =
      'external $ref "far.json#/S" not followed (external references are never fetched)';
    expect(json.warnings.map((w) => [w.pointer, w.message])).toEqual([
      ['/paths/~1a/get/parameters/0', missing],
      ['/paths/~1a/get/parameters/1', missing],
      ['/paths/~1a/get/responses/200/content/application~1json/schema', external],
      ['/paths/~1a/get/responses/201', external],
    ]);
    // Array items are placed at their value, object members at their key (1-based columns).
    const column = (from: string, what: string) => text.indexOf(what, text.indexOf(from)) + 1;
    expect(json.warnings.map((w) => [w.line, w.column])).toEqual([
      [1, column('[', gone)],
      [1, column(`${gone},`, `,${gone}`) + 1],
      [1, column('"200"', '"schema"')],
      [1, column('"201"', '"201"')],
    ]);
  });

  it('refuses a JSON loop of $refs found only through a $ref, at the first in pointer order', () => {
    const text =
      '{"openapi":"3.0.0","info":{"title":"T","version":"1"},"paths":{},"components":{"schemas":{"B":{"$ref":"#/components/schemas/C"},"C":{"$ref":"#/components/schemas/B"}}}}';
    const e = error(text, 'loop.json');
    expect(e).toMatchObject({
      line: 1,
      column: text.indexOf('"B":') + 1,
      pointer: '/components/schemas/B',
    });
    expect(e.message).toBe(
      '$ref "#/components/schemas/C" refers to itself through $refs only and never reaches a value',
    );
  });

  it('warns about a $ref to nothing', () => {
    const doc = parsed(
      "openapi: 3.0.0\ninfo: { title: M, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200': { $ref: '#/components/responses/Nope' }\n",
    );
    expect(doc.warnings[0]?.message).toMatch(/points at nothing/);
  });
});

describe('parseOpenApi: hostile and malformed input', () => {
  it('places truncated JSON', () => {
    const e = error(fixtureText('truncated.json'), 'truncated.json');
    expect(e.line).toBe(5);
    expect(e.message).toMatch(/^invalid JSON/);
  });

  it('refuses a YAML alias bomb quickly', () => {
    const lines = ['openapi: 3.0.0', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      const prev = `*a${String(i - 1)}`;
      lines.push(`a${String(i)}: &a${String(i)} [${Array(10).fill(prev).join(', ')}]`);
    }
    const started = performance.now();
    const e = error(lines.join('\n'));
    expect(e.message).toMatch(/alias bomb/);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('refuses 10,000-level nesting in JSON and YAML without overflowing the stack', () => {
    const deepJson = `{"openapi":"3.0.0","x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(error(deepJson, 'deep.json').message).toMatch(/nesting deeper than/);
    const deepFlow = `openapi: 3.0.0\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    expect(error(deepFlow).message).toMatch(/nest/);
    const deepBlock = [
      'openapi: 3.0.0',
      ...Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k${String(i)}:`),
    ].join('\n');
    expect(error(deepBlock).message).toMatch(/nest/);
    // Parsing 10,000 levels of YAML takes about a second alone; on a shared machine more.
  }, 30_000);

  it('reads JSON nested 256 levels deep and refuses 257, placed at the 257th bracket', () => {
    const head = '{"openapi":"3.0.0","info":{"title":"T","version":"1"},"paths":{},"x":';
    // The top-level object is level 1: 255 arrays under it make 256 levels.
    expect(parsed(`${head}${'['.repeat(255)}${']'.repeat(255)}}`, 'deep.json').title).toBe('T');
    const e = error(`${head}${'['.repeat(256)}${']'.repeat(256)}}`, 'deeper.json');
    expect(e.message).toBe('nesting deeper than 256 levels; refused');
    expect([e.line, e.column]).toEqual([1, head.length + 256]);
  });

  it('refuses unknown and missing versions', () => {
    expect(error(fixtureText('unknown-version.yaml'))).toMatchObject({
      pointer: '/openapi',
      line: 1,
    });
    expect(error('swagger: "1.2"\n').message).toMatch(/unsupported version 1\.2/);
    expect(error('info: { title: x }\n').message).toMatch(/neither an `openapi` nor a `swagger`/);
    expect(error('- a list\n').message).toMatch(/top level is not an object/);
    expect(error('   \n').message).toMatch(/empty/);
  });

  it('refuses incomplete descriptions: no info, no paths (3.1: no paths, components or webhooks)', () => {
    expect(error('{"openapi": "3.1.0"}', 'bare.json')).toMatchObject({ line: 1, column: 1 });
    expect(error('{"openapi": "3.1.0"}', 'bare.json').message).toMatch(
      /^incomplete OpenAPI description: the required `info` object/,
    );
    expect(error("openapi: 3.0.3\ninfo: { title: T, version: '1' }\n").message).toBe(
      'incomplete OpenAPI 3.0 description: the required `paths` object is not there',
    );
    expect(error('{"swagger": "2.0", "info": {"title": "T", "version": "1"}}').message).toMatch(
      /^incomplete Swagger 2\.0 description: the required `paths`/,
    );
    expect(error("openapi: 3.1.0\ninfo: { title: T, version: '1' }\n").message).toMatch(
      /none of `paths`, `components` or `webhooks`/,
    );
    // 3.1 allows a description of components or webhooks only.
    expect(
      parsed("openapi: 3.1.0\ninfo: { title: T, version: '1' }\nwebhooks: {}\n").webhooks,
    ).toEqual([]);
  });

  it('refuses binary files (NUL bytes or invalid UTF-8)', () => {
    expect(error('openapi: 3.0.0\n\u0000\u0001\u0002').message).toMatch(/binary file/);
    const invalid = Buffer.from([0x6f, 0x70, 0xff, 0xfe, 0x80]).toString('utf8');
    expect(error(invalid).message).toMatch(/binary file or not UTF-8/);
  });

  it('places YAML syntax errors', () => {
    const e = error('openapi: 3.0.0\ninfo:\n  title: [unclosed\n');
    expect(e.message).toMatch(/^invalid YAML/);
    expect(e.line).not.toBeNull();
  });
});

describe('locate', () => {
  it('finds a pointer in YAML and JSON text (or its nearest ancestor)', () => {
    const y = parseOpenApi(fixtureText('insecure.yaml'), 'insecure.yaml');
    if (!y.ok) throw new Error('parse');
    expect(y.locate('/paths/~1v1~1users~1{userId}/get')).toEqual({ line: 14, column: 5 });
    expect(y.locate('/paths/~1v1~1users~1{userId}/get/nothing/here')).toEqual({
      line: 14,
      column: 5,
    });
    const j = parseOpenApi(fixtureText('swagger.json'), 'swagger.json');
    if (!j.ok) throw new Error('parse');
    expect(j.locate('/paths/~1files/post')).toEqual({ line: 25, column: 7 });
    expect(j.locate('/securityDefinitions/basic')).toEqual({ line: 14, column: 5 });
  });
});
