import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  INTERNAL_PREFIX,
  jsonErrorOffset,
  importOtm,
  importThreatDragon,
  importTm7,
  type ImportOptions,
  type ImportResult,
} from '../../../../core/exchange';
import { validateThreatModel } from '../../../../core/threats';
import { sharedFixture } from '../../../fixtures/shared';

// Hundreds of imports per test on a shared machine: a generous time limit, not a speed claim.
vi.setConfig({ testTimeout: 60_000 });

// Property-based fuzzing of each importer: random and mutated inputs never make an
// importer throw or fail on its own account, and a result is either an error with a
// message or a whole model that validates (never a partial one).

type Importer = (text: string, file: string, options: ImportOptions) => ImportResult;
const OPTIONS = { modelId: 'fuzz', apiIds: ['api-1'] };
const read = (...p: string[]) => readFileSync(sharedFixture(...p), 'utf8');

function check(importer: Importer, text: string, file: string): void {
  let r: ImportResult | undefined;
  expect(() => {
    r = importer(text, file, OPTIONS);
  }).not.toThrow();
  if (!r) return;
  if (r.ok) {
    expect(validateThreatModel(r.model).ok).toBe(true);
  } else {
    expect(r.error.message.length).toBeGreaterThan(0);
    expect(r.error.message.startsWith(INTERNAL_PREFIX), r.error.message).toBe(false);
    expect(r.error.file).toBe(file);
    expect('model' in r).toBe(false);
  }
}

type Json = unknown;
/** Replaces, removes or retypes one value somewhere in a JSON tree. */
function mutate(tree: Json, path: readonly number[], replacement: Json): Json {
  if (path.length === 0 || tree === null || typeof tree !== 'object') return replacement;
  const [head = 0, ...rest] = path;
  if (Array.isArray(tree)) {
    if (tree.length === 0) return replacement;
    const i = head % tree.length;
    const copy = [...(tree as Json[])];
    if (rest.length === 0 && replacement === undefined) copy.splice(i, 1);
    else copy[i] = mutate(copy[i], rest, replacement);
    return copy;
  }
  const keys = Object.keys(tree);
  if (keys.length === 0) return replacement;
  const key = keys[head % keys.length] ?? '';
  const source = tree as Record<string, Json>;
  if (rest.length === 0 && replacement === undefined)
    return Object.fromEntries(Object.entries(source).filter(([k]) => k !== key));
  return { ...source, [key]: mutate(source[key], rest, replacement) };
}

const replacement = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string(),
  fc.integer(),
  fc.constantFrom(
    '',
    '\u0000',
    '<script>',
    'trust-broundary-curve',
    'flow',
    'actor',
    'Open',
    'x'.repeat(300),
  ),
);
const mutations = fc.array(
  fc.tuple(fc.array(fc.nat(50), { minLength: 1, maxLength: 9 }), replacement),
  {
    minLength: 1,
    maxLength: 6,
  },
);

function mutatedJson(base: string, importer: Importer, file: string, runs: number) {
  const tree = JSON.parse(base) as Json;
  fc.assert(
    fc.property(mutations, (ms) => {
      let t = tree;
      for (const [path, value] of ms) t = mutate(t, path, value);
      check(importer, JSON.stringify(t), file);
    }),
    { numRuns: runs },
  );
}

function textMutations(base: string, importer: Importer, file: string, runs: number) {
  fc.assert(
    fc.property(
      fc.nat(base.length),
      fc.nat(200),
      fc.string({ maxLength: 20 }),
      (at, cut, insert) => {
        check(
          importer,
          base.slice(0, at) + insert + base.slice(Math.min(base.length, at + cut)),
          file,
        );
      },
    ),
    { numRuns: runs },
  );
}

describe('fuzzing the Threat Dragon importer', () => {
  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        check(importThreatDragon, JSON.stringify(v), 'random.json');
      }),
      { numRuns: 300 },
    );
  });

  it('random objects shaped like a model', () => {
    const cell = fc.record(
      {
        shape: fc.constantFrom(
          'actor',
          'process',
          'store',
          'flow',
          'trust-boundary-box',
          'trust-boundary-curve',
          'trust-broundary-curve',
          'td-text-block',
          'x',
        ),
        id: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.string()),
        position: fc.record({ x: fc.integer(), y: fc.integer() }),
        size: fc.record({ width: fc.integer(), height: fc.integer() }),
        source: fc.oneof(
          fc.record({ cell: fc.constantFrom('a', 'b', 'c') }),
          fc.record({ x: fc.integer(), y: fc.integer() }),
        ),
        target: fc.oneof(
          fc.record({ cell: fc.constantFrom('a', 'b', 'c') }),
          fc.record({ x: fc.integer(), y: fc.integer() }),
        ),
        data: fc.record(
          {
            name: fc.string(),
            threats: fc.array(
              fc.dictionary(
                fc.constantFrom('id', 'title', 'type', 'status', 'severity', 'mitigation', 'score'),
                fc.oneof(fc.string(), fc.integer()),
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), fc.string(), (cells, title) => {
        const model = { version: '2.2.0', summary: { title }, detail: { diagrams: [{ cells }] } };
        check(importThreatDragon, JSON.stringify(model), 'shaped.json');
      }),
      { numRuns: 300 },
    );
  });

  it('mutated real models (v1 and v2)', () => {
    mutatedJson(read('threat-dragon', 'v2-threat-model.json'), importThreatDragon, 'v2.json', 150);
    mutatedJson(
      read('threat-dragon', 'demo-threat-model.json'),
      importThreatDragon,
      'v1.json',
      100,
    );
  });

  it('cut and spliced text', () => {
    textMutations(
      read('threat-dragon', 'test-reports.json'),
      importThreatDragon,
      'spliced.json',
      150,
    );
  });
});

describe('fuzzing the OTM importer', () => {
  it('random JSON values and random YAML text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        check(importOtm, JSON.stringify(v), 'random.json');
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        check(importOtm, `otmVersion: 0.2.0\n${s}`, 'random.yaml');
      }),
      { numRuns: 200 },
    );
  });

  it('mutated real models (JSON and YAML)', () => {
    mutatedJson(read('otm', 'EXAMPLE.json'), importOtm, 'otm.json', 200);
    textMutations(read('otm', 'EXAMPLE.yaml'), importOtm, 'otm.yaml', 150);
  });
});

describe('fuzzing the .tm7 importer', () => {
  // The real file without its template (which the importer skips anyway) keeps runs fast.
  const full = read('tm7', 'MTMT_example.tm7');
  const start = full.indexOf('<KnowledgeBase');
  const end = full.indexOf('</KnowledgeBase>') + '</KnowledgeBase>'.length;
  const small = full.slice(0, start) + '<KnowledgeBase/>' + full.slice(end);

  it('the trimmed sample still imports (the fuzz base is meaningful)', () => {
    const r = importTm7(small, 'small.tm7', OPTIONS);
    expect(r.ok && r.model.threats.instances.length).toBe(43);
  });

  it('random text and random XML-ish strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        check(importTm7, s, 'random.tm7');
        check(importTm7, `<ThreatModel>${s}</ThreatModel>`, 'wrapped.tm7');
      }),
      { numRuns: 200 },
    );
  });

  it('cut and spliced real XML', () => {
    textMutations(small, importTm7, 'spliced.tm7', 60);
  });

  it('tags renamed or removed in real XML', () => {
    const tags = [
      'Borders',
      'Lines',
      'Value',
      'Guid',
      'SourceGuid',
      'TargetGuid',
      'FlowGuid',
      'Properties',
      'Left',
      'Width',
      'State',
      'ThreatInstances',
      'DrawingSurfaceList',
      'GenericTypeId',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...tags),
        fc.constantFrom('Other', 'Value', 'Guid', 'a:Value'),
        fc.nat(3),
        (tag, other, nth) => {
          let n = 0;
          const re = new RegExp(`<(/?)((?:\\w+:)?)${tag}([ >/])`, 'g');
          const text = small.replace(re, (m, slash: string, prefix: string, after: string) =>
            n++ % 4 === nth ? `<${slash}${prefix}${other}${after}` : m,
          );
          check(importTm7, text, 'renamed.tm7');
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('finding the place of a JSON syntax error', () => {
  it('agrees with the engine wherever the engine names a position', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 3 }),
        fc.nat(),
        fc.constantFrom('}', ']', ',', ':', '"', 'x', '{', '[', ' '),
        (v, at, ch) => {
          const valid = JSON.stringify(v, null, 1);
          const i = at % (valid.length + 1);
          const text = valid.slice(0, i) + ch + valid.slice(i);
          let message = '';
          try {
            JSON.parse(text);
            return;
          } catch (e) {
            message = (e as Error).message;
          }
          const engine = /position (\d+)/.exec(message);
          fc.pre(engine !== null);
          expect(jsonErrorOffset(text)).toBe(Number(engine[1]));
        },
      ),
      { numRuns: 400 },
    );
  });
});
