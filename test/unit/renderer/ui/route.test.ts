import { describe, expect, it } from 'vitest';
import type { ApiId } from '../../../../core/inventory';
import { formatRoute, HOME, parseRoute, type Route } from '../../../../renderer/ui/lib/route';

describe('routes', () => {
  const routes: Route[] = [
    HOME,
    { area: 'workspace' },
    { area: 'inventory', panel: { kind: 'new' } },
    { area: 'inventory', panel: { kind: 'view', id: 'api-1' as ApiId } },
    { area: 'inventory', panel: { kind: 'edit', id: 'a/b?c#d' as ApiId } },
  ];

  it('round-trips every route through the hash', () => {
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it('encodes ids so an id cannot add path segments', () => {
    expect(
      formatRoute({ area: 'inventory', panel: { kind: 'view', id: '../workspace' as ApiId } }),
    ).toBe('#/inventory/..%2Fworkspace');
  });

  it('falls back to the inventory for anything unknown or malformed', () => {
    expect(parseRoute('')).toEqual(HOME);
    expect(parseRoute('#/nowhere')).toEqual(HOME);
    expect(parseRoute('#/inventory/x/y/z')).toEqual(HOME);
    expect(parseRoute('#/inventory/%E0%A4%A')).toEqual(HOME);
    expect(parseRoute('#main')).toEqual(HOME);
  });
});
