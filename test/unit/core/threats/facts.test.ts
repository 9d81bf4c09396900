import { describe, expect, it } from 'vitest';
import type { ElementId } from '../../../../core/threats';
import { deriveFacts, newElement } from '../../../../core/threats';
import { asset, modelOf } from '../../../fixtures/threats/models';

const id = (s: string) => s as ElementId;

describe('derived facts', () => {
  it('sees a boundary crossing through nested boundaries, and not between siblings inside one', () => {
    const m = modelOf([
      newElement('external-entity', 'u', 'User'),
      newElement('process', 'gw', 'Gateway'),
      newElement('process', 'svc', 'Service'),
      newElement('process', 'svc2', 'Service 2'),
      newElement('data-flow', 'f1', 'a', { source: 'u', target: 'gw' } as never),
      newElement('data-flow', 'f2', 'b', { source: 'gw', target: 'svc' } as never),
      newElement('data-flow', 'f3', 'c', { source: 'svc', target: 'svc2' } as never),
      newElement('trust-boundary', 'cloud', 'Cloud', { contains: ['gw', 'inner'] } as never),
      newElement('trust-boundary', 'inner', 'Inner', { contains: ['svc', 'svc2'] } as never),
    ]);
    const f = deriveFacts(m);
    expect(f.get(id('f1'))?.crossesBoundary).toBe(true);
    expect(f.get(id('f2'))?.crossesBoundary).toBe(true);
    expect(f.get(id('f3'))?.crossesBoundary).toBe(false);
  });

  it('honours crossings stored on the flow (boundaries drawn as curves)', () => {
    const m = modelOf([
      newElement('process', 'a', 'A'),
      newElement('process', 'b', 'B'),
      newElement('trust-boundary', 'curve', 'Curve'),
      newElement('data-flow', 'f', 'F', {
        source: 'a',
        target: 'b',
        crossesBoundaries: ['curve'],
      } as never),
    ]);
    expect(deriveFacts(m).get(id('f'))?.crossesBoundary).toBe(true);
  });

  it('stops anonymous reachability at a process that authenticates callers', () => {
    const m = modelOf([
      newElement('external-entity', 'anon', 'Anon', { authenticated: false }),
      newElement('process', 'gw', 'Gateway', { authenticatesCallers: true }),
      newElement('process', 'open', 'Open service'),
      newElement('process', 'behind', 'Behind gateway'),
      newElement('data-store', 'db', 'DB'),
      newElement('data-flow', 'f1', '1', { source: 'anon', target: 'gw' } as never),
      newElement('data-flow', 'f2', '2', { source: 'gw', target: 'behind' } as never),
      newElement('data-flow', 'f3', '3', { source: 'anon', target: 'open' } as never),
      newElement('data-flow', 'f4', '4', { source: 'open', target: 'db' } as never),
    ]);
    const f = deriveFacts(m);
    expect(f.get(id('gw'))?.reachableFromUnauthenticated).toBe(true);
    expect(f.get(id('behind'))?.reachableFromUnauthenticated).toBe(false);
    expect(f.get(id('open'))?.reachableFromUnauthenticated).toBe(true);
    expect(f.get(id('db'))?.reachableFromUnauthenticated).toBe(true);
  });

  it('treats a bidirectional flow as going both ways', () => {
    const m = modelOf([
      newElement('external-entity', 'anon', 'Anon'),
      newElement('process', 'p', 'P'),
      newElement('data-flow', 'f', 'F', {
        source: 'p',
        target: 'anon',
        bidirectional: true,
      } as never),
    ]);
    const f = deriveFacts(m).get(id('p'));
    expect(f?.receivesFromExternal).toBe(true);
    expect(f?.reachableFromUnauthenticated).toBe(true);
  });

  it('exposes processes behind forwarding processes to untrusted actors, not behind stores', () => {
    const m = modelOf([
      newElement('external-entity', 'admin', 'Admin', { actor: 'admin' }),
      newElement('external-entity', 'user', 'User', { actor: 'user' }),
      newElement('process', 'admin-api', 'Admin API'),
      newElement('process', 'gw', 'Gateway'),
      newElement('process', 'svc', 'Service'),
      newElement('data-store', 'q', 'Queue'),
      newElement('process', 'worker', 'Worker'),
      newElement('data-flow', 'f1', '1', { source: 'admin', target: 'admin-api' } as never),
      newElement('data-flow', 'f2', '2', { source: 'user', target: 'gw' } as never),
      newElement('data-flow', 'f3', '3', { source: 'gw', target: 'svc' } as never),
      newElement('data-flow', 'f4', '4', { source: 'svc', target: 'q' } as never),
      newElement('data-flow', 'f5', '5', { source: 'q', target: 'worker' } as never),
    ]);
    const f = deriveFacts(m);
    expect(f.get(id('admin-api'))?.exposedToUntrustedActors).toBe(false);
    expect(f.get(id('gw'))?.exposedToUntrustedActors).toBe(true);
    expect(f.get(id('svc'))?.exposedToUntrustedActors).toBe(true);
    expect(f.get(id('worker'))?.exposedToUntrustedActors).toBe(false);
    expect(f.get(id('gw'))?.receivesFromExternal).toBe(true);
    expect(f.get(id('svc'))?.receivesFromExternal).toBe(false);
  });

  it('derives sensitivity from assets on flows, stores and the stores a process touches', () => {
    const m = modelOf(
      [
        newElement('process', 'p', 'P'),
        newElement('process', 'r', 'Reporter'),
        newElement('data-store', 'db', 'DB', { assets: ['card'] } as never),
        newElement('data-store', 'cache', 'Cache'),
        newElement('data-flow', 'f1', '1', { source: 'p', target: 'db' } as never),
        newElement('data-flow', 'f2', '2', {
          source: 'r',
          target: 'cache',
          dataCarried: ['pub'],
        } as never),
        newElement('data-flow', 'f3', '3', {
          source: 'p',
          target: 'r',
          dataCarried: ['tok'],
        } as never),
      ],
      [
        asset('card', { sensitivity: 'restricted', dataClasses: ['payment-card'] }),
        asset('pub', { sensitivity: 'public' }),
        asset('tok', { sensitivity: 'internal', dataClasses: ['credentials'] }),
      ],
    );
    const f = deriveFacts(m);
    expect(f.get(id('db'))?.sensitive).toBe(true);
    expect(f.get(id('p'))?.sensitive).toBe(true);
    expect(f.get(id('cache'))?.sensitive).toBe(false);
    expect(f.get(id('f2'))?.sensitive).toBe(false);
    // A credentials-class asset is sensitive whatever its label, and marks the flow.
    expect(f.get(id('f3'))?.sensitive).toBe(true);
    expect(f.get(id('f3'))?.carriesCredentials).toBe(true);
    expect(f.get(id('r'))?.sensitive).toBe(true);
  });

  it('names the ends of a flow and grades its authentication', () => {
    const m = modelOf([
      newElement('external-entity', 'partner', 'Partner', { actor: 'partner' }),
      newElement('process', 'p', 'P', { validatesInput: true }),
      newElement('data-store', 's', 'S'),
      newElement('data-flow', 'f1', '1', {
        source: 'partner',
        target: 'p',
        authentication: 'api-key',
      } as never),
      newElement('data-flow', 'f2', '2', {
        source: 'p',
        target: 's',
        authentication: 'mtls',
      } as never),
      newElement('data-flow', 'f3', '3', { source: 'p', target: 'partner' } as never),
    ]);
    const f = deriveFacts(m);
    expect(f.get(id('f1'))).toMatchObject({
      sourceKind: 'external-entity',
      targetKind: 'process',
      sourceActor: 'partner',
      targetActor: undefined,
      authStrength: 'weak',
      targetValidatesInput: true,
    });
    expect(f.get(id('f2'))).toMatchObject({ authStrength: 'strong', targetValidatesInput: true });
    expect(f.get(id('f3'))).toMatchObject({ authStrength: 'none', targetActor: 'partner' });
    expect(f.get(id('p'))).toMatchObject({ writesToStore: true, writesToLog: false });
  });
});
