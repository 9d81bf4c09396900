import { describe, expect, it } from 'vitest';
import type { ApiId } from '../../../../../core/inventory';
import type { ThreatModelId } from '../../../../../core/threats';
import { formatRoute, parseRoute, type Route } from '../../../../../renderer/ui/lib/route';
import { fileStem } from '../../../../../renderer/ui/threats/exchange/reports';

describe('threat model routes', () => {
  const routes: Route[] = [
    { area: 'threats', view: { kind: 'list' } },
    { area: 'threats', view: { kind: 'rules' } },
    { area: 'threats', view: { kind: 'new', apiId: null } },
    { area: 'threats', view: { kind: 'new', apiId: 'a/b?c' as ApiId } },
    { area: 'threats', view: { kind: 'model', id: 'tm-1' as ThreatModelId, step: 'rate' } },
    { area: 'threats', view: { kind: 'model', id: '../x#y' as ThreatModelId, step: 'scope' } },
  ];

  it('round-trip through the hash', () => {
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it('fall back to the list for unknown steps and malformed ids', () => {
    const list = { area: 'threats', view: { kind: 'list' } };
    expect(parseRoute('#/threats/model/tm-1/nowhere')).toEqual(list);
    expect(parseRoute('#/threats/model/%E0%A4%A/scope')).toEqual(list);
    expect(parseRoute('#/threats/rules/extra')).toEqual(list);
    expect(parseRoute('#/threats/model/tm-1/scope/extra')).toEqual(list);
  });

  it('open a model at its first step when no step is given', () => {
    expect(parseRoute('#/threats/model/tm-1')).toEqual({
      area: 'threats',
      view: { kind: 'model', id: 'tm-1', step: 'scope' },
    });
  });
});

describe('fileStem', () => {
  it('makes a safe file name from any title', () => {
    expect(fileStem('Orders API threat model')).toBe('orders-api-threat-model');
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem('<img src=x onerror=alert(1)>')).toBe('img-src-x-onerror-alert-1');
    expect(fileStem('日本語')).toBe('threat-model');
    expect(fileStem('x'.repeat(500))).toHaveLength(60);
  });
});
