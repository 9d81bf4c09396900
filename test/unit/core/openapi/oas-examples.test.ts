import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkDescription, openApiToModel, parseOpenApi } from '../../../../core/openapi';
import { threatModelSchema } from '../../../../core/threats';

// Every description shipped in @readme/oas-examples (2.0, 3.0, 3.1; JSON and YAML) imports:
// it parses, the rules run and the model it builds is a valid threat model.

const root = dirname(createRequire(import.meta.url).resolve('@readme/oas-examples/package.json'));
const files = ['2.0', '3.0', '3.1'].flatMap((v) =>
  readdirSync(join(root, v), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .map((f) => join(root, v, f)),
);

describe('@readme/oas-examples', () => {
  it('ships descriptions of every version, in JSON and YAML, and all of them are tried', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const v of ['2.0', '3.0', '3.1'])
      for (const ext of ['json', 'yaml'])
        expect(
          files.filter((f) => relative(root, f).startsWith(`${v}/${ext}/`)).length,
          `${v}/${ext}`,
        ).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s imports', (name, path) => {
    const r = parseOpenApi(readFileSync(path, 'utf8'), name);
    if (!r.ok) throw new Error(`${name}: ${r.error.message} (at ${r.error.pointer})`);
    // Read as the version its folder says.
    expect(r.doc.version).toBe(name.slice(0, 3));
    checkDescription(r.doc);
    const { model } = openApiToModel(r.doc, { apiId: 'a', modelId: 'm' });
    const valid = threatModelSchema.safeParse(model);
    expect(valid.error?.issues.slice(0, 3) ?? []).toEqual([]);
  });
});
