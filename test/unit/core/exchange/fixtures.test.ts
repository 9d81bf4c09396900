import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  detectFormat,
  MAX_EXCHANGE_BYTES,
  formatExchangeError,
  importExchange,
  importOtm,
  importThreatDragon,
  importTm7,
  type ImportResult,
} from '../../../../core/exchange';
import { ratedSeverity, validateThreatModel, type ThreatModel } from '../../../../core/threats';
import { sharedFixture } from '../../../fixtures/shared';

// Every real file in ../shared/fixtures/{threat-dragon,otm,tm7} imports (the malformed
// Threat Dragon test files fail with their place); expected figures were counted from the
// files by hand, not by the importers.

const OPTIONS = { modelId: 'imported', apiIds: ['api-1'] };
const read = (...p: string[]) => readFileSync(sharedFixture(...p), 'utf8');
const TD = readdirSync(sharedFixture('threat-dragon')).filter((f) => f.endsWith('.json'));
const MALFORMED = ['malformed-new-model.json', 'v2-malformed-new-model.json'];

function ok(r: ImportResult): ThreatModel {
  if (!r.ok) throw new Error(formatExchangeError(r.error));
  // The model is whole and valid: exactly what would be stored.
  expect(validateThreatModel(r.model).ok).toBe(true);
  return r.model;
}
const count = (m: ThreatModel, kind: string) => m.elements.filter((e) => e.kind === kind).length;
const byName = (m: ThreatModel, name: string) => {
  const e = m.elements.find((x) => x.name === name);
  if (!e) throw new Error(`no element ${name}`);
  return e;
};

describe('Threat Dragon fixtures', () => {
  it('has the files the issue names', () => {
    expect(TD).toEqual(
      expect.arrayContaining([
        'demo-threat-model.json',
        'new-model.json',
        'enter-the-dragon-1.json',
        'v2-threat-model.json',
        'v2-new-model.json',
        'test-reports.json',
        ...MALFORMED,
      ]),
    );
  });

  it.each(TD.filter((f) => !MALFORMED.includes(f)))('imports %s as a whole model', (f) => {
    const text = read('threat-dragon', f);
    const r = importThreatDragon(text, f, OPTIONS);
    ok(r);
    expect(detectFormat(f, text)).toMatch(/^threat-dragon-v[12]$/);
  });

  it('reads the v2 demo: 7 nodes, 10 flows, 3 boundary curves, 14 threats from data.threats', () => {
    const m = ok(
      importThreatDragon(read('threat-dragon', 'v2-threat-model.json'), 'v2.json', OPTIONS),
    );
    expect(count(m, 'external-entity')).toBe(1);
    expect(count(m, 'process')).toBe(2);
    expect(count(m, 'data-store')).toBe(4);
    expect(count(m, 'data-flow')).toBe(10);
    expect(count(m, 'trust-boundary')).toBe(3);
    expect(m.title).toBe('Demo Threat Model');
    expect(m.threats.instances).toHaveLength(14);
    expect(m.threats.instances.filter((t) => t.status === 'mitigated')).toHaveLength(4);
    const config = byName(m, 'Worker Config');
    expect(config.kind).toBe('data-store');
    if (config.kind === 'data-store') expect(config.holdsCredentials).toBe(true);
    const t = m.threats.instances.find((i) => i.elementId === config.id);
    const c = m.threats.catalogue.find((x) => x.id === t?.threatId);
    expect(c?.title).toBe('Accessing DB credentials');
    expect(c?.stride).toBe('I');
    expect(t && ratedSeverity(t.rating)).toBe('high');
    // The mitigation text has two paragraphs: two mitigations.
    expect(t?.mitigations.map((x) => x.title)).toEqual([
      'Encrypt the DB credentials in the configuration file.',
      'Expire and replace the DB credentials regularly.',
    ]);
    const web = byName(m, 'Web Request');
    expect(web.kind).toBe('data-flow');
    if (web.kind === 'data-flow') {
      expect(byName(m, 'Browser').id).toBe(web.source);
      expect(web.tls).toBe('tls');
      expect(web.tags).toContain('public-network');
      // The Browser/Web Application curve crosses the web request.
      expect(web.crossesBoundaries).toHaveLength(1);
    }
    const read2 = byName(m, 'Read web app config');
    expect(read2.outOfScope).toBe(true);
    expect(read2.outOfScopeReason).toBe('This data flow represents a read from the file system');
  });

  it('reads the v1 demo (diagramJson cells, threats on the cell)', () => {
    const r = importThreatDragon(
      read('threat-dragon', 'demo-threat-model.json'),
      'demo.json',
      OPTIONS,
    );
    const m = ok(r);
    expect(r.ok && r.format).toBe('threat-dragon-v1');
    expect(count(m, 'trust-boundary')).toBe(4);
    expect(count(m, 'data-flow')).toBe(10);
    expect(m.threats.instances).toHaveLength(14);
    // "Background\nWorker Process" keeps its line break, as Threat Dragon draws it.
    expect(m.elements.some((e) => e.name === 'Background\nWorker Process')).toBe(true);
    if (r.ok) expect(r.notCarried.map((n) => n.message).join('\n')).toMatch(/Privilege level/);
  });

  it('reads every shape of test-reports.json, including the trust-broundary-curve typo', () => {
    const r = importThreatDragon(
      read('threat-dragon', 'test-reports.json'),
      'test-reports.json',
      OPTIONS,
    );
    const m = ok(r);
    if (!r.ok) return;
    // 2 boxes + 1 typo curve + 1 curve.
    expect(count(m, 'trust-boundary')).toBe(4);
    expect(m.threats.instances).toHaveLength(8);
    const notes = r.notCarried.map((n) => n.message).join('\n');
    expect(notes).toMatch(/Text block "Arbitrary Text"/);
    expect(notes).toMatch(/Threat type "Distributed"/);
    // Flows drawn with a loose end are reported with their line, not imported.
    const loose = r.warnings.filter((w) => w.message.includes('does not connect'));
    expect(loose.length).toBeGreaterThan(0);
    for (const w of loose) {
      expect(w.line).toBeGreaterThan(1);
      expect(w.pointer).toMatch(/^\/detail\/diagrams\/\d+\/cells\/\d+$/);
    }
  });

  it('reads Not Applicable threats (enter-the-dragon-3)', () => {
    const m = ok(
      importThreatDragon(read('threat-dragon', 'enter-the-dragon-3.json'), 'e3.json', OPTIONS),
    );
    expect(m.threats.instances.map((t) => t.status).sort()).toEqual([
      'mitigated',
      'not-applicable',
      'open',
    ]);
  });

  it('refuses the malformed v1 test model with the misspelt key and its line', () => {
    const r = importThreatDragon(
      read('threat-dragon', 'malformed-new-model.json'),
      'malformed-new-model.json',
      OPTIONS,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      file: 'malformed-new-model.json',
      pointer: '/summarize',
      line: 3,
    });
    expect(r.error.message).toMatch(/"summary".*found "summarize"/);
    expect(formatExchangeError(r.error)).toMatch(/^malformed-new-model\.json:3:\d+: /);
  });

  it('refuses the malformed v2 test model at its summary', () => {
    const r = importThreatDragon(
      read('threat-dragon', 'v2-malformed-new-model.json'),
      'v2-bad.json',
      OPTIONS,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ pointer: '/summary', line: 3 });
    expect(r.error.message).toMatch(/"title".*found "titled"/);
  });

  it('reads files that start with a byte-order mark, as Windows tools write them', () => {
    const text = '\uFEFF' + read('threat-dragon', 'v2-threat-model.json');
    expect(detectFormat('bom.json', text)).toBe('threat-dragon-v2');
    expect(ok(importThreatDragon(text, 'bom.json', OPTIONS)).threats.instances).toHaveLength(14);
    const yaml = '\uFEFF' + read('otm', 'EXAMPLE.yaml');
    expect(detectFormat('bom.yaml', yaml)).toBe('otm');
    expect(ok(importOtm(yaml, 'bom.yaml', OPTIONS)).elements).toHaveLength(8);
  });

  it('refuses broken JSON at its line and column', () => {
    const text = read('threat-dragon', 'v2-threat-model.json').replace(
      '"Worker Config"',
      '"Worker Config",,',
    );
    const r = importThreatDragon(text, 'broken.json', OPTIONS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const line = text.split('\n').findIndex((l) => l.includes('"Worker Config",,')) + 1;
      expect(r.error.line).toBe(line);
      expect(r.error.column).not.toBeNull();
    }
  });
});

describe('OTM fixtures', () => {
  it.each(['EXAMPLE.json', 'EXAMPLE.yaml', 'threat-dragon-test-otm.json'])('imports %s', (f) => {
    const text = read('otm', f);
    expect(detectFormat(f, text)).toBe('otm');
    const m = ok(importOtm(text, f, OPTIONS));
    expect(m.title).toBe('Test project');
    // 2 trust zones, 4 components, 2 dataflows.
    expect(count(m, 'trust-boundary')).toBe(2);
    expect(count(m, 'data-flow')).toBe(2);
    expect(m.elements).toHaveLength(8);
    const zone = byName(m, 'Private');
    if (zone.kind === 'trust-boundary')
      expect([...zone.contains].sort()).toEqual([
        'class-customerdatabase',
        'customer-database',
        'web-service',
      ]);
    expect(byName(m, 'Customer Database').kind).toBe('data-store');
    expect(byName(m, 'Web Client').kind).toBe('external-entity');
    // One catalogue threat with two instances, each with its catalogue mitigation.
    expect(m.threats.catalogue).toHaveLength(1);
    expect(m.threats.catalogue[0]?.stride).toBe('S');
    expect(m.threats.catalogue[0]?.cwe).toEqual(['CWE-79', 'CWE-787']);
    expect(m.threats.instances).toHaveLength(2);
    const onService = m.threats.instances.find((t) => t.elementId === 'web-service');
    expect(onService?.mitigations.map((x) => [x.title, x.status])).toEqual([
      ['This is the name of mitigation 1', 'implemented'],
    ]);
    const onFlow = m.threats.instances.find((t) => t.elementId === 'cc-store-in-db');
    expect(onFlow?.mitigations[0]?.status).toBe('planned');
    const flow = byName(m, 'Dataflow between webservice and mongo.');
    if (flow.kind === 'data-flow') {
      expect(flow.source).toBe('web-service');
      expect(flow.target).toBe('customer-database');
      expect(flow.bidirectional).toBe(true);
      expect(flow.dataCarried).toEqual(['cc-data']);
    }
    expect(m.assets.map((a) => [a.id, a.sensitivity])).toEqual([
      ['cc-data', 'restricted'],
      ['public-info', 'public'],
    ]);
  });

  it('reads the YAML example despite its under-indented quoted code snippet, with a warning', () => {
    const r = importOtm(read('otm', 'EXAMPLE.yaml'), 'EXAMPLE.yaml', OPTIONS);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/Line 133: a quoted text/);
  });

  it('reports what OTM has that Bulwark does not carry, with lines', () => {
    const r = importOtm(read('otm', 'EXAMPLE.json'), 'EXAMPLE.json', OPTIONS);
    if (!r.ok) throw new Error('expected ok');
    const code = r.notCarried.find((n) => n.message.includes('Representation "Application Code"'));
    expect(code?.pointer).toBe('/representations/1');
    expect(code?.line).toBeGreaterThan(1);
    expect(
      r.notCarried.some((n) => n.message.includes('Further categories of "Threat 1" (Tampering)')),
    ).toBe(true);
  });

  it('refuses broken YAML with its line and a missing project with its place', () => {
    const bad = importOtm('otmVersion: 0.2.0\nproject:\n  name: [unclosed\n', 'bad.yaml', OPTIONS);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.line).not.toBeNull();
    const noName = importOtm('otmVersion: 0.2.0\nproject:\n  id: p\n', 'noname.yaml', OPTIONS);
    expect(noName.ok).toBe(false);
    if (!noName.ok)
      expect(noName.error).toMatchObject({
        pointer: '/project',
        line: 3,
        message: 'the project needs a "name" text.',
      });
  });
});

describe('size limit', () => {
  it('refuses files over the limit before parsing them, in every importer', () => {
    const huge = ' '.repeat(MAX_EXCHANGE_BYTES + 1);
    for (const [importer, name] of [
      [importThreatDragon, 'huge.json'],
      [importOtm, 'huge.yaml'],
      [importTm7, 'huge.tm7'],
    ] as const) {
      const r = importer(huge, name, OPTIONS);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toBe('the file is larger than 32 MB; it is not imported.');
    }
  });
});

describe('Threat Modeling Tool fixture', () => {
  const tm7 = read('tm7', 'MTMT_example.tm7');

  it('imports 6 elements, 6 flows, 2 boundaries and 43 threat instances', () => {
    expect(detectFormat('MTMT_example.tm7', tm7)).toBe('tm7');
    const r = importTm7(tm7, 'MTMT_example.tm7', OPTIONS);
    const m = ok(r);
    expect(count(m, 'external-entity') + count(m, 'process') + count(m, 'data-store')).toBe(4);
    expect(count(m, 'data-flow')).toBe(6);
    expect(count(m, 'trust-boundary')).toBe(2);
    expect(m.threats.instances).toHaveLength(43);
    expect(new Set(m.threats.instances.map((t) => t.status))).toEqual(new Set(['open']));
    const cloud = byName(m, 'Public Cloud');
    if (cloud.kind === 'trust-boundary')
      expect(cloud.contains.map((id) => m.elements.find((e) => e.id === id)?.name).sort()).toEqual([
        'Accounting PostgreSQL',
        'Azure File Storage',
        'Public API v2',
      ]);
    const psql = byName(m, 'PSQL Request');
    if (psql.kind === 'data-flow') {
      expect(byName(m, 'Public API v2').id).toBe(psql.source);
      expect(byName(m, 'Accounting PostgreSQL').id).toBe(psql.target);
    }
    // Elevation of Privileges → E; High → high; mitigation links become plain text.
    const th153 = m.threats.catalogue.find((c) => c.id === 'TH153');
    expect(th153?.stride).toBe('E');
    const inst = m.threats.instances.find((t) => t.threatId === 'TH153');
    expect(inst && ratedSeverity(inst.rating)).toBe('high');
    expect(inst?.mitigations[0]?.description).toMatch(/Refer: https:\/\/aka\.ms\/tmt-th153$/);
    expect(inst?.mitigations[0]?.description).not.toMatch(/<a /);
    if (r.ok)
      expect(r.notCarried.map((n) => n.message).join('\n')).toMatch(/embedded threat template/);
  });

  it('reads state and justification of threat instances', () => {
    // The sample's threats are all AutoGenerated: set two as a reviewer would.
    let n = 0;
    const edited = tm7.replace(
      /<b:State>AutoGenerated<\/b:State><b:StateInformation i:nil="true"\/>/g,
      (m) => {
        n++;
        if (n === 1)
          return '<b:State>NotApplicable</b:State><b:StateInformation>Firewall rules are managed by the platform team.</b:StateInformation>';
        if (n === 2)
          return '<b:State>Mitigated</b:State><b:StateInformation>TLS enforced since 2024.</b:StateInformation>';
        return m;
      },
    );
    expect(n).toBe(43);
    const m = ok(importTm7(edited, 'edited.tm7', OPTIONS));
    const na = m.threats.instances.filter((t) => t.status === 'not-applicable');
    const done = m.threats.instances.filter((t) => t.status === 'mitigated');
    expect(na).toHaveLength(1);
    expect(na[0]?.notes).toBe('Firewall rules are managed by the platform team.');
    expect(done).toHaveLength(1);
    expect(done[0]?.notes).toBe('TLS enforced since 2024.');
    expect(done[0]?.mitigations[0]?.status).toBe('implemented');
  });

  it('refuses malformed XML at its line and column, and XML that is not a model', () => {
    const cut = tm7.slice(0, 5000);
    const r = importTm7(cut, 'cut.tm7', OPTIONS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.line).toBe(1);
      expect(r.error.message).toMatch(/^not well-formed XML/);
    }
    const other = importTm7(
      '<?xml version="1.0"?>\n<Project><Name>x</Name></Project>',
      'other.tm7',
      OPTIONS,
    );
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.message).toMatch(/root element is not <ThreatModel>/);
  });

  it('imports through importExchange by detected format', () => {
    const r = importExchange('tm7', tm7, 'MTMT_example.tm7', OPTIONS);
    expect(r.ok && r.model.title).toBe('MTMT_example');
  });
});
