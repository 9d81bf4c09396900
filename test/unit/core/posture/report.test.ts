import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  changeText,
  computePosture,
  formatValue,
  postureHtmlReport,
  postureMarkdownReport,
} from '../../../../core/posture';
import { HOSTILE } from '../../../fixtures/threats/models';
import { APIS, BUILTINS, NOW, Q3, postureWorkspace } from '../../../fixtures/posture/workspace';

const EMPTY = { apis: [], threatModels: [], playbooks: [] };
const posture = computePosture(postureWorkspace(), {
  period: Q3,
  now: NOW,
  builtinPlaybooks: BUILTINS,
});
const html = postureHtmlReport(posture, { generatedAt: NOW });
const markdown = postureMarkdownReport(posture);
// Kept for a person to look at (and for the screenshots of the change).
if (process.env.POSTURE_REPORT_OUT) {
  writeFileSync(`${process.env.POSTURE_REPORT_OUT}/report.html`, html);
  writeFileSync(`${process.env.POSTURE_REPORT_OUT}/report.md`, markdown);
}

describe('figures in words', () => {
  it('writes values with their unit and "no data" for null', () => {
    expect(formatValue(null, 'percent')).toBe('no data');
    expect(formatValue(33.3, 'percent')).toBe('33.3%');
    expect(formatValue(4.5, 'hours')).toBe('4.5 h');
    expect(formatValue(1, 'days')).toBe('1 day');
    expect(formatValue(0, 'count')).toBe('0');
  });

  it('says whether a change is good or bad news', () => {
    expect(changeText({ value: 2, previous: 0, unit: 'count', better: 'lower' })).toBe(
      '▲ up 2 (worse)',
    );
    expect(changeText({ value: 20, previous: 50, unit: 'percent', better: 'higher' })).toBe(
      '▼ down 30 points (worse)',
    );
    expect(changeText({ value: 8, previous: 11, unit: 'hours', better: 'lower' })).toBe(
      '▼ down 3 h (better)',
    );
    expect(changeText({ value: 3, previous: 3, unit: 'count', better: 'lower' })).toBe(
      '= no change',
    );
    expect(changeText({ value: 3, previous: null, unit: 'count', better: 'lower' })).toBe(
      'not comparable',
    );
    expect(changeText({ value: 6, previous: 5, unit: 'count', better: 'neither' })).toBe('▲ up 1');
  });
});

describe('the HTML board report', () => {
  it('is self-contained: no script, no external resource, a CSP that forbids both', () => {
    expect(html).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`,
    );
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/i);
  });

  it('opens with one page of headline figures compared with the previous period', () => {
    const summary = html.slice(
      html.indexOf('<section class="summary-page">'),
      html.indexOf('</section>'),
    );
    expect(summary).toContain('Q3 2026 compared with Q2 2026');
    expect(summary).toContain('APIs with a current threat model');
    expect(summary).toMatch(
      /20%<\/div><div class="change worse">▼ down 30 points \(worse\) \(was 50%\)/,
    );
    expect(html).toContain('.summary-page { break-after: page; }');
  });

  it('has one section per question, a risk matrix table and charts with text alternatives', () => {
    for (const title of [
      'Inventory',
      'Design and threat modeling',
      'Incident response',
      'Preparedness',
      'Regulatory scope',
    ])
      expect(html).toContain(`<h2>${title}</h2>`);
    expect(html).toContain('<th scope="col">1 Unlikely</th>');
    expect(html).toMatch(
      /<th scope="row">4 Very high<\/th><td[^>]*>0<span class="band"> elevated<\/span><\/td>/,
    );
    expect(html).toContain(
      '<title>Live incidents per month by severity. Jul 2026: 1, Aug 2026: 1, Sep 2026: 1</title>',
    );
    expect(html).toContain('<th scope="row">PCI DSS</th>');
  });

  it('escapes hostile text from the workspace everywhere', () => {
    const ws = {
      ...postureWorkspace(),
      apis: APIS.map((a, i) => ({ ...a, regulatoryScope: [HOSTILE[i % HOSTILE.length] ?? 'x'] })),
    };
    const p = computePosture(ws, { period: Q3, now: NOW, builtinPlaybooks: BUILTINS });
    const out = postureHtmlReport(p);
    expect(out).not.toContain('<script>alert');
    expect(out).not.toContain('<img src=x');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const md = postureMarkdownReport(p);
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
  });

  it('says "no data" for an empty workspace, never NaN', () => {
    const p = computePosture(EMPTY, { period: Q3, now: NOW, builtinPlaybooks: [] });
    const out = postureHtmlReport(p);
    expect(out).toContain('no data');
    expect(out).not.toMatch(/NaN|undefined|Infinity/);
    expect(postureMarkdownReport(p)).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('the Markdown board report', () => {
  it('starts with the headline table and the comparison in words', () => {
    expect(
      markdown.startsWith('# API security posture: Q3 2026\n\nQ3 2026 compared with Q2 2026.'),
    ).toBe(true);
    expect(markdown).toContain(
      '| APIs with a current threat model | 20% | 50% | ▼ down 30 points (worse) |',
    );
    expect(markdown).toContain(
      '| Regulatory notifications made on time | 33.3% | no data | not comparable |',
    );
  });

  it('draws the trend with xychart-beta and distributions as pies', () => {
    expect(markdown).toContain(
      'xychart-beta\n    title "Live incidents per month"\n    x-axis ["Jul 2026", "Aug 2026", "Sep 2026"]\n    y-axis "Incidents" 0 --> 1\n    bar [1, 1, 1]',
    );
    expect(markdown).toContain(
      'pie showData title Open threats by severity\n    "critical" : 1\n    "high" : 1\n    "elevated" : 1\n    "medium" : 1',
    );
  });

  it('writes the risk matrix and the regime table', () => {
    expect(markdown).toContain('| **4 Very high** | 0 | 0 | 1 | 1 |');
    expect(markdown).toContain(
      '| GDPR | 3 (was 3) | 2 (was 2) | 2 (was 2) | 2 (was 2) | 1 (was 0) |',
    );
  });
});
