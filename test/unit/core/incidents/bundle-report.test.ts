import { describe, expect, it } from 'vitest';
import {
  BUNDLE_FORMAT,
  bundleToJson,
  createBundle,
  parseBundle,
  verifyBundle,
} from '../../../../core/incidents/bundle';
import { mdLine } from '../../../../core/incidents/report-markdown';
import { incidentReportHtml } from '../../../../core/incidents/report-html';
import { incidentReportMarkdown } from '../../../../core/incidents/report-markdown';
import type { Evidence, EvidenceId } from '../../../../core/incidents/types';
import { APIS, HOUR, T0, sampleIncident, timelineOf } from './helpers';

const HOSTILE = '<script>alert(1)</script> | **bold** [x](javascript:alert(1)) `code`';

const incident = sampleIncident({ title: `Breach ${HOSTILE}` });
const timeline = timelineOf(incident, [
  { at: T0, recordedAt: T0, actor: 'Ana', kind: 'declared', text: 'Declared' },
  {
    at: T0 + HOUR,
    recordedAt: T0 + HOUR,
    actor: '<img src=x onerror=alert(1)>',
    kind: 'note',
    text: `# Heading?\n- list? ${HOSTILE}`,
    masked: ['jwt'],
  },
]);
const evidence: Evidence[] = [
  {
    id: 'ev-1' as EvidenceId,
    incidentId: incident.id,
    name: 'gateway.log',
    kind: 'file',
    mediaType: 'text/plain',
    size: 1234,
    sha256: 'a'.repeat(64),
    source: 'API gateway',
    collectedBy: 'Ben',
    collectedAt: T0 + 2 * HOUR,
    description: '',
    custody: [
      { at: T0 + 2 * HOUR, by: 'Ben', action: 'collected', note: 'exported from the gateway' },
    ],
  },
];
const bundle = createBundle({
  incident,
  timeline,
  evidence,
  exportedAt: T0 + 30 * HOUR,
  exportedBy: 'Ana',
  appVersion: '1.0.0',
});

describe('incident bundle', () => {
  it('round-trips through JSON and verifies against its recorded head', () => {
    const parsed = parseBundle(bundleToJson(bundle));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.bundle).toEqual(bundle);
    expect(parsed.bundle.format).toBe(BUNDLE_FORMAT);
    expect(parsed.bundle.chain).toEqual({
      algorithm: 'sha256-jcs-v1',
      genesis: '0'.repeat(64),
      length: 2,
      head: timeline[1]?.hash,
    });
    expect(verifyBundle(parsed.bundle)).toEqual({ ok: true, length: 2, head: timeline[1]?.hash });
  });

  it('reports precise errors: JSON place, field paths, foreign evidence', () => {
    expect(parseBundle('{"format": ')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^line 1, column 1\d: /)],
    });
    const wrong = JSON.parse(bundleToJson(bundle)) as Record<string, unknown>;
    const broken = {
      ...wrong,
      version: 2,
      evidence: [{ ...evidence[0], incidentId: 'other', sha256: 'XYZ' }],
    };
    const r = parseBundle(JSON.stringify(broken));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain('version: Only bundle version 1 is supported.');
      expect(r.errors).toContain(
        'evidence[0].sha256: A SHA-256 hash is 64 lower-case hexadecimal characters.',
      );
    }
    const foreign = parseBundle(
      JSON.stringify({ ...wrong, evidence: [{ ...evidence[0], incidentId: 'other' }] }),
    );
    expect(!foreign.ok && foreign.errors).toEqual([
      'evidence[0].incidentId: Evidence of another incident ("other").',
    ]);
  });

  it('catches a timeline cut short even when each remaining entry is intact', () => {
    expect(verifyBundle({ ...bundle, timeline: timeline.slice(0, 1) })).toMatchObject({
      ok: false,
      kind: 'removed',
      firstBad: 1,
    });
  });
});

describe('incident report', () => {
  const options = { apis: APIS, generatedAt: T0 + 30 * HOUR };

  it('escapes every user string in HTML and has no script or external resource', () => {
    const html = incidentReportHtml(incident, timeline, evidence, options);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).toContain('Timeline hash chain verified: 2 entries');
    expect(html).toContain('a'.repeat(64));
    expect(html).toContain('[secrets masked: JWT]');
    expect(html).not.toContain('EXERCISE');
  });

  it('marks an exercise prominently in HTML and Markdown', () => {
    const ex = { ...incident, mode: 'exercise' as const, exerciseId: 'tabletop-1' };
    const html = incidentReportHtml(ex, timeline, evidence, options);
    expect(html).toContain('<div class="exercise-mark" aria-hidden="true">EXERCISE</div>');
    expect(html).toContain('<title>EXERCISE — Incident report');
    const md = incidentReportMarkdown(ex, timeline, evidence, options);
    expect(md.startsWith('# EXERCISE — Incident report')).toBe(true);
    expect(md).toContain('> **EXERCISE — NOT A REAL INCIDENT.**');
  });

  it('writes Markdown where user text never becomes markup', () => {
    const md = incidentReportMarkdown(incident, timeline, evidence, options);
    expect(md).toContain('&lt;script&gt;');
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('[x](javascript');
    expect(md).toContain('\\[x\\]');
    expect(md).toContain('\\| \\*\\*bold\\*\\*');
    expect(md).toContain('## Timeline');
    expect(md).toContain('**Timeline hash chain verified: 2 entries');
    expect(mdLine('# not a heading')).toBe('\\# not a heading');
    expect(mdLine('12. not a list')).toBe('12\\. not a list');
    expect(mdLine('- not a list')).toBe('\\- not a list');
  });

  it('shows a broken chain loudly', () => {
    const tampered = timeline.map((e) => (e.seq === 1 ? { ...e, text: 'edited' } : e));
    const html = incidentReportHtml(incident, tampered, evidence, options);
    expect(html).toContain('class="chain-bad">TIMELINE CHAIN BROKEN (altered) at entry 1');
  });
});
