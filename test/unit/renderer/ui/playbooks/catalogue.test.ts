import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../../../renderer/ui/lib/route';
import { validatePlaybook } from '../../../../../core/playbooks';
import {
  builtinEntries,
  copyId,
  duplicateSource,
  entryFigures,
  matchesSearch,
  NEW_PLAYBOOK_SOURCE,
} from '../../../../../renderer/ui/playbooks/catalogue';
import {
  formatPlaybooksView,
  parsePlaybooksView,
} from '../../../../../renderer/ui/playbooks/playbook-route';

const leaked = builtinEntries().find((e) => e.id === 'leaked-api-credentials');

describe('the playbook catalogue', () => {
  it('lists every built-in playbook as read-only and valid', () => {
    expect(builtinEntries().length).toBeGreaterThanOrEqual(9);
    for (const e of builtinEntries()) {
      expect(e.builtin).toBe(true);
      expect(e.playbook).not.toBeNull();
    }
  });

  it('gives the figures of a row: OWASP ids, step count and phases', () => {
    if (!leaked) throw new Error('missing built-in');
    const f = entryFigures(leaked);
    expect(f.owasp).toContain('API2:2023');
    expect(f.steps).toBeGreaterThan(5);
    expect(f.phases.length).toBeGreaterThan(1);
  });

  it('searches titles, ids and OWASP ids without case', () => {
    if (!leaked) throw new Error('missing built-in');
    expect(matchesSearch(leaked, 'LEAKED')).toBe(true);
    expect(matchesSearch(leaked, 'api2:2023')).toBe(true);
    expect(matchesSearch(leaked, 'no such thing')).toBe(false);
  });

  it('duplicates a playbook under a free id with the title suffixed (copy), and it validates', () => {
    if (!leaked?.playbook) throw new Error('missing built-in');
    const taken = new Set(['leaked-api-credentials', 'leaked-api-credentials-copy']);
    expect(copyId('leaked-api-credentials', taken)).toBe('leaked-api-credentials-copy-2');
    const r = validatePlaybook(duplicateSource(leaked.playbook, taken), 'copy.yaml');
    expect(r.ok && [r.playbook.id, r.playbook.title]).toEqual([
      'leaked-api-credentials-copy-2',
      'Compromised or leaked API tokens or keys (copy)',
    ]);
  });

  it('offers a new-playbook template that validates', () => {
    const r = validatePlaybook(NEW_PLAYBOOK_SOURCE, 'new.yaml');
    expect(r.ok ? 'valid' : r.errors).toBe('valid');
  });
});

describe('the playbooks part of the route', () => {
  it('round-trips every view, encoding ids', () => {
    for (const view of [
      { kind: 'list' },
      { kind: 'new' },
      { kind: 'view', id: 'a/b c' },
      { kind: 'edit', id: 'x' },
      { kind: 'duplicate', id: 'y' },
    ] as const) {
      const hash = formatPlaybooksView(view);
      const parts = hash
        .replace(/^#\/playbooks\/?/, '')
        .split('/')
        .filter(Boolean);
      expect(parsePlaybooksView(parts)).toEqual(view);
    }
  });

  it('reads anything unknown or malformed as the list', () => {
    expect(parsePlaybooksView(['nope'])).toEqual({ kind: 'list' });
    expect(parsePlaybooksView(['view', '%E0%A4%A'])).toEqual({ kind: 'list' });
    expect(parsePlaybooksView(['view', 'a', 'b'])).toEqual({ kind: 'list' });
  });

  it('is part of the app route: a reload returns to the same playbook', () => {
    const route = parseRoute('#/playbooks/view/leaked-api-credentials');
    expect(route).toEqual({
      area: 'playbooks',
      view: { kind: 'view', id: 'leaked-api-credentials' },
    });
    expect(formatRoute(route)).toBe('#/playbooks/view/leaked-api-credentials');
    expect(formatRoute({ area: 'playbooks' })).toBe('#/playbooks');
  });
});
