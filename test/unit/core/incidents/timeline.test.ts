import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendEntry, genesisHead, verifyChain } from '../../../../core/incidents/chain';
import {
  addCustody,
  collectEvidence,
  evidenceIntact,
  noteDraft,
} from '../../../../core/incidents/timeline';
import type { EvidenceId, IncidentId } from '../../../../core/incidents/types';
import { T0 } from './helpers';

describe('recording notes', () => {
  it('masks secrets before the entry is hashed and says which kinds were masked', () => {
    const secret = 'ghp_' + 'a1B2c3D4e5'.repeat(4);
    const { draft, findings } = noteDraft({
      text: `rotated ${secret}; password=hunter2`,
      actor: 'Ana',
      at: T0,
      recordedAt: T0,
    });
    expect(findings).toHaveLength(2);
    expect(draft.text).toBe(
      'rotated [redacted: GitHub token (ghp_…)]; password=[redacted: password]',
    );
    expect(draft.masked).toEqual(['github-token', 'password-assignment']);
    const entry = appendEntry(genesisHead('inc-1' as IncidentId), draft);
    expect(JSON.stringify(entry)).not.toContain(secret);
    expect(JSON.stringify(entry)).not.toContain('hunter2');
    expect(verifyChain([entry]).ok).toBe(true);
  });

  it('leaves a note without secrets unmarked', () => {
    const { draft } = noteDraft({
      text: 'WAF rule deployed',
      actor: 'Ana',
      at: T0,
      recordedAt: T0,
    });
    expect(draft).toEqual({
      at: T0,
      recordedAt: T0,
      actor: 'Ana',
      kind: 'note',
      text: 'WAF rule deployed',
    });
  });
});

describe('evidence', () => {
  const content = new TextEncoder().encode('GET /v1/payments/42 200\n');
  const ev = collectEvidence({
    id: 'ev-1' as EvidenceId,
    incidentId: 'inc-1' as IncidentId,
    name: 'access.log',
    kind: 'file',
    mediaType: 'text/plain',
    content,
    source: 'gateway',
    collectedBy: 'Ben',
    collectedAt: T0,
  });

  it('records size, SHA-256 and the first custody event', () => {
    expect(ev.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(ev.size).toBe(content.length);
    expect(ev.custody).toEqual([{ at: T0, by: 'Ben', action: 'collected', note: 'gateway' }]);
  });

  it('appends custody events and detects changed content', () => {
    const moved = addCustody(ev, {
      at: T0 + 1,
      by: 'Cleo',
      action: 'transferred',
      note: 'to legal',
    });
    expect(moved.custody.map((c) => c.action)).toEqual(['collected', 'transferred']);
    expect(ev.custody).toHaveLength(1);
    expect(evidenceIntact(ev, content)).toBe(true);
    const changed = Uint8Array.from(content);
    changed[0] = 0x50;
    expect(evidenceIntact(ev, changed)).toBe(false);
  });
});
