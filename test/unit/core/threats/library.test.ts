import { describe, expect, it } from 'vitest';
import type { ThreatModel } from '../../../../core/threats';
import {
  BUILTIN_RULES,
  createLibrary,
  generateThreats,
  newElement,
} from '../../../../core/threats';
import { modelOf } from '../../../fixtures/threats/models';

const custom = {
  id: 'ACME-001',
  title: 'Legacy SOAP bridge without schema validation',
  stride: 'T',
  appliesTo: ['process'],
  when: {
    all: [
      { prop: 'validatesInput', eq: false },
      { prop: 'isGateway', eq: true },
    ],
  },
  owasp: 'API8:2023',
  cwe: ['CWE-20'],
  likelihood: 3,
  impact: 3,
  mitigations: [{ id: 'M-ACME', title: 'Put the bridge behind the schema-validating gateway' }],
};

describe('workspace rule libraries', () => {
  it('removes disabled built-ins and adds custom rules that then fire', () => {
    const r = createLibrary({ disabled: ['BW-I-019'], custom: [custom] });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.library.rules).toHaveLength(BUILTIN_RULES.length);
    expect(r.library.rules.some((x) => x.id === 'BW-I-019')).toBe(false);
    const m: ThreatModel = modelOf([
      newElement('process', 'bridge', 'Bridge', { isGateway: true }),
    ]);
    const ids = generateThreats(m, r.library).threats.instances.map((t) => t.id);
    expect(ids).toContain('ACME-001@bridge');
    expect(ids).not.toContain('BW-I-019@bridge');
  });

  it('refuses to disable the STRIDE baseline', () => {
    expect(createLibrary({ disabled: ['BW-S-002'] })).toEqual({
      ok: false,
      errors: [
        {
          path: 'disabled',
          message: 'BW-S-002 is part of the STRIDE-per-element baseline and cannot be disabled.',
        },
      ],
    });
  });

  it('warns about unknown ids to disable instead of failing', () => {
    const r = createLibrary({ disabled: ['BW-X-999'] });
    expect(r.ok && r.warnings).toEqual(['No built-in rule "BW-X-999" to disable; ignored.']);
  });

  it('validates custom rules with the built-ins schema and names the path', () => {
    const bad = (rule: unknown) => {
      const r = createLibrary({ custom: [rule] });
      return r.ok ? [] : r.errors;
    };
    expect(bad({ ...custom, when: { prop: 'tls', eq: 'none' } })).toEqual([
      { path: 'custom[0].when.prop', message: 'A process has no fact "tls".' },
    ]);
    expect(bad({ ...custom, when: { prop: 'environment', eq: 'prod' } })).toEqual([
      {
        path: 'custom[0].when.eq',
        message:
          '"environment" of a process is production, staging, development, test; "prod" never matches.',
      },
    ]);
    expect(bad({ ...custom, when: { all: [{ prop: 'rateLimited', in: [1] }] } })[0]?.path).toBe(
      'custom[0].when.all[0].in',
    );
    expect(bad({ ...custom, stride: 'X' })[0]).toEqual({
      path: 'custom[0].stride',
      message: 'Use one STRIDE letter: S, T, R, I, D or E.',
    });
    expect(bad({ ...custom, id: 'BW-E-010' })).toEqual([
      { path: 'custom[0].id', message: 'The rule id "BW-E-010" is already taken.' },
    ]);
    expect(bad({ ...custom, appliesTo: ['trust-boundary'] })[0]?.path).toBe(
      'custom[0].appliesTo[0]',
    );
    expect(bad({ ...custom, when: { prop: 'isGateway', matches: '.*' } })[0]?.path).toBe(
      'custom[0].when',
    );
  });

  it('refuses conditions nested deeper than the limit before parsing them', () => {
    let when: unknown = { prop: 'isGateway', eq: true };
    for (let i = 0; i < 10_000; i++) when = { not: when };
    const r = createLibrary({ custom: [{ ...custom, when }] });
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'custom[0].when', message: 'The condition is nested too deeply.' },
    ]);
  });
});
