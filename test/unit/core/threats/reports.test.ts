import { describe, expect, it } from 'vitest';
import type { IsoDate, IsoTimestamp, ThreatModel } from '../../../../core/threats';
import {
  csvCell,
  defaultLibrary,
  escapeHtml,
  generateThreats,
  mitigationsCsv,
  signOff,
  threatsCsv,
  toHtmlReport,
  toMarkdownReport,
  toMermaidFlowchart,
} from '../../../../core/threats';
import { HOSTILE, paymentsModel } from '../../../fixtures/threats/models';

const at = '2026-11-23T10:00:00.000Z' as IsoTimestamp;
const today = '2026-11-23' as IsoDate;

/** The sample model with a decision of each kind, signed off. */
function decided(): ThreatModel {
  const m = generateThreats(paymentsModel(), defaultLibrary());
  const instances = m.threats.instances.map((t) => {
    if (t.id === 'BW-E-010@payments')
      return {
        ...t,
        status: 'accepted' as const,
        acceptance: {
          owner: 'Head of payments',
          rationale: 'Replaced in Q2',
          expires: '2026-06-30' as IsoDate,
        },
      };
    if (t.id === 'BW-S-013@f-admin')
      return {
        ...t,
        mitigations: t.mitigations.map((x) => ({
          ...x,
          status: 'planned' as const,
          owner: 'Platform team',
          due: '2027-01-15' as IsoDate,
        })),
      };
    return t;
  });
  return signOff(
    { ...m, threats: { ...m.threats, instances } },
    { signedBy: 'Ana Ruiz', signedAt: at, note: 'Design review' },
  );
}

/** The sample model with hostile text in every user field the reports print. */
function hostile(): ThreatModel {
  const m = decided();
  const pick = (i: number) => HOSTILE[i % HOSTILE.length] ?? '';
  return {
    ...m,
    title: pick(0),
    scope: pick(1),
    assumptions: [...HOSTILE],
    apiIds: [pick(2) as never],
    assets: m.assets.map((a, i) => ({ ...a, name: pick(i + 3), description: pick(i + 4) })),
    elements: m.elements.map((e, i) => ({ ...e, name: i === 0 ? 'A'.repeat(100_000) : pick(i) })),
    threats: {
      ...m.threats,
      instances: m.threats.instances.map((t, i) => ({
        ...t,
        notes: pick(i),
        status: i % 5 === 0 ? ('accepted' as const) : t.status,
        acceptance: {
          owner: pick(i + 1),
          rationale: pick(i + 2),
          expires: '2026-01-01' as IsoDate,
        },
        rating:
          i % 7 === 0
            ? { ...t.rating, override: { severity: 'high' as const, rationale: pick(i + 3) } }
            : t.rating,
        mitigations: t.mitigations.map((x, j) => ({
          ...x,
          title: pick(i + j),
          owner: pick(i + j + 1),
        })),
        ...(i % 3 === 0 ? { operation: pick(i + 5) } : {}),
      })),
    },
    versions: m.versions.map((v) => ({ ...v, signedBy: pick(0), note: pick(1) })),
  };
}

// Control characters other than tab and line breaks.
const CONTROL = /[^\P{Cc}\t\n\r]/u;

describe('Markdown report', () => {
  const md = toMarkdownReport(decided(), {
    today,
    generatedAt: at,
    mermaid: toMermaidFlowchart(decided()).text,
  });

  it('has every section with its content', () => {
    for (const h of [
      '# Threat model: Payments API',
      '## Summary',
      '## Assumptions',
      '## Diagram',
      '## Assets',
      '## Threats by severity',
      '### High',
      '## Risk matrix',
      '## Mitigations',
      '## Accepted risks',
      '## Sign-off',
    ])
      expect(md).toContain(h);
    expect(md).toContain('```mermaid\nflowchart LR');
    expect(md).toContain('| Card data | restricted | payment-card |');
    expect(md).toMatch(
      /\| Per-client credentials, rotated, never in URLs \| Credentials sent in the URL \| Admin console \| planned \| Platform team \| 2027-01-15 \|/,
    );
    expect(md).toContain(
      '| Broken object level authorization (BOLA) | Payments service | high | Head of payments | Replaced in Q2 | 2026-06-30 (expired) |',
    );
    expect(md).toContain('| 1 | Ana Ruiz | 2026-11-23T10:00:00.000Z | Design review |');
    expect(md).toMatch(
      /\| 4 Very high \| 0 \(elevated\) \| \d+ \(elevated\) \| \d+ \(high\) \| \d+ \(critical\) \|/,
    );
  });

  it('keeps hostile text inert: no HTML, no broken tables, no control characters', () => {
    const out = toMarkdownReport(hostile(), { mermaid: toMermaidFlowchart(hostile()).text });
    expect(out).not.toMatch(/<script|<img/i);
    expect(out).not.toMatch(CONTROL);
    const tables = out.split('\n').filter((l) => l.startsWith('|'));
    const cells = (l: string) => l.split(/(?<!\\)\|/).length;
    for (const block of out.split('\n\n')) {
      const rows = block.split('\n').filter((l) => l.startsWith('|'));
      if (rows.length > 0)
        for (const r of rows) expect(cells(r), r.slice(0, 80)).toBe(cells(rows[0] ?? ''));
    }
    expect(tables.length).toBeGreaterThan(20);
    const fence = out.slice(
      out.indexOf('```mermaid'),
      out.indexOf('```', out.indexOf('```mermaid') + 3),
    );
    expect(fence).not.toContain('`\n');
  });
});

describe('HTML report', () => {
  const html = toHtmlReport(decided(), { today, generatedAt: at });

  it('is a self-contained printable document with every section', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`,
    );
    expect(html).not.toMatch(/<script|<link|src="http|href=/i);
    for (const h of [
      'Summary',
      'Assumptions',
      'Assets',
      'Threats by severity',
      'Risk matrix',
      'Mitigations',
      'Accepted risks',
      'Sign-off',
    ])
      expect(html).toContain(`<h2>${h}</h2>`);
    expect(html).toContain('<td>Platform team</td><td>2027-01-15</td>');
    expect(html).toContain('2026-06-30 <strong>(expired)</strong>');
  });

  it('embeds a caller SVG as an image that cannot run script', () => {
    const out = toHtmlReport(decided(), {
      diagramSvg: '<svg onload="alert(1)"><script>alert(2)</script></svg>',
    });
    expect(out).toContain(
      '<img alt="Data flow diagram" src="data:image/svg+xml;charset=utf-8,%3Csvg%20onload%3D%22alert(1)%22',
    );
    expect(out).not.toMatch(/<script|<svg/i);
  });

  it('escapes every piece of hostile user text', () => {
    const model = hostile();
    const out = toHtmlReport(model, { today });
    expect(out).not.toMatch(/<script|<img|<svg|javascript:[^<]*<a/i);
    expect(out).not.toMatch(CONTROL);
    // Once our own tags are removed, no angle bracket is left: all user text was escaped.
    const withoutOwnTags = out
      .replace(/<style>[\s\S]*?<\/style>/, '')
      .replace(/<!doctype html>/, '')
      .replace(
        /<\/?(html|head|meta|title|body|h1|h2|h3|p|ul|li|strong|table|thead|tbody|tr|th|td|span|br|figure)(\s[^<>]*)?>/g,
        '',
      );
    expect(withoutOwnTags).not.toMatch(/[<>]/);
    for (const h of HOSTILE.filter((x) => !CONTROL.test(x))) expect(out).toContain(escapeHtml(h));
    expect(out).toContain('A'.repeat(100_000));
  });
});

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text.charAt(i + 1) === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('neutralises formulas and quotes by RFC 4180', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvCell('＝1')).toBe("'＝1");
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
  });

  it('exports threats and mitigations that no spreadsheet will execute', () => {
    const model = hostile();
    for (const text of [threatsCsv(model), mitigationsCsv(model)]) {
      expect(text.endsWith('\r\n')).toBe(true);
      const rows = readCsv(text);
      const width = rows[0]?.length ?? 0;
      expect(rows.length).toBeGreaterThan(10);
      for (const r of rows) {
        expect(r).toHaveLength(width);
        for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
      expect(text).not.toMatch(CONTROL);
    }
    const rows = readCsv(threatsCsv(decided()));
    expect(rows[0]?.slice(0, 4)).toEqual(['Threat id', 'Title', 'Element', 'Element kind']);
    expect(rows.some((r) => r[0] === 'BW-E-010@payments' && r[13] === 'accepted')).toBe(true);
    const mit = readCsv(mitigationsCsv(decided()));
    expect(
      mit.some(
        (r) => r[4] === 'Platform team' && r[5] === '2027-01-15' && r[6] === 'BW-S-013@f-admin',
      ),
    ).toBe(true);
  });
});
