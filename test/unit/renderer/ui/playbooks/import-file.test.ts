import { describe, expect, it } from 'vitest';
import {
  builtinPlaybooks,
  exportCacao,
  validatePlaybook,
  type Playbook,
} from '../../../../../core/playbooks';
import {
  describeError,
  readImport,
  sourceToStore,
} from '../../../../../renderer/ui/playbooks/exchange/import-file';

function firstBuiltin(): Playbook {
  const first = builtinPlaybooks()[0];
  if (!first) throw new Error('no built-in playbook');
  return first;
}
const builtin = firstBuiltin();
let n = 0;
const cacaoText = JSON.stringify(
  exportCacao(builtin, {
    now: Date.UTC(2026, 10, 23),
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  }),
);

describe('reading an import file', () => {
  it('imports our own CACAO export back to the same playbook id and steps', () => {
    const r = readImport('cacao', cacaoText, 'leaked.cacao.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.playbook.id).toBe(builtin.id);
    expect(r.source).toBeNull();
  });

  it('refuses malformed CACAO with errors naming the file and a line', () => {
    const r = readImport('cacao', '{ "type": "playbook", ', 'broken.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const first = r.errors[0];
    if (!first) throw new Error('no error');
    expect(first.file).toBe('broken.json');
    expect(describeError(first)).toMatch(/^broken\.json, line \d+, column \d+ — /);
  });

  it('refuses a YAML playbook with a bad field, naming its path and line', () => {
    const r = readImport('yaml', 'id: x\ntitle: [3]\n', 'bad.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.path === 'title' && e.line === 2)).toBe(true);
  });

  it('stores an import whose id is taken as a copy under a free id', () => {
    const r = readImport('cacao', cacaoText, 'leaked.cacao.json');
    if (!r.ok) throw new Error('import failed');
    const stored = sourceToStore(r, new Set([builtin.id]));
    expect(stored.id).toBe(`${builtin.id}-copy`);
    const v = validatePlaybook(stored.source, 'x.yaml');
    expect(v.ok && v.playbook.title).toBe(`${builtin.title} (copy)`);
  });
});
