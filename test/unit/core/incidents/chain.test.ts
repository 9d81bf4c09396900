import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson } from '../../../../core/incidents/canonical';
import {
  GENESIS_HASH,
  appendEntries,
  appendEntry,
  correctedSeq,
  correctionDraft,
  correctionsBySeq,
  genesisHead,
  headOf,
  verifyChain,
} from '../../../../core/incidents/chain';
import type { IncidentId, TimelineDraft, TimelineEntry } from '../../../../core/incidents/types';

const ID = 'inc-1' as IncidentId;
const T0 = Date.UTC(2026, 2, 1, 9, 0);

const draft = (n: number, extra: Partial<TimelineDraft> = {}): TimelineDraft => ({
  at: T0 + n * 60_000,
  recordedAt: T0 + n * 60_000 + 5,
  actor: 'Ana',
  kind: 'note',
  text: `note ${n}`,
  ...extra,
});

const chainOf = (n: number): TimelineEntry[] =>
  appendEntries(
    genesisHead(ID),
    Array.from({ length: n }, (_, i) => draft(i)),
  );

/** The item at `i`, or a test failure when there is none. */
const nth = <T>(list: readonly T[], i: number): T => {
  const v = list[i];
  if (v === undefined) throw new Error(`no item ${i}`);
  return v;
};

const nodeSha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units, drops undefined members and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, A: { z: 1.5, y: -0 } })).toBe(
      '{"A":{"y":0,"z":1.5},"a":[true,null,"x"],"b":1}',
    );
    // RFC 8785 §3.2.3: "\u20ac" (€) sorts after "\r" and before "\ud83d\ude00" (😀).
    expect(canonicalJson({ '😀': 1, '€': 2, '\r': 3, '1': 4 })).toBe(
      '{"\\r":3,"1":4,"€":2,"😀":1}',
    );
  });

  it('writes numbers and strings as ECMAScript JSON does', () => {
    expect(canonicalJson([1e21, 1e-7, 0.1, 100, 'a"b\n\u0001'])).toBe(
      '[1e+21,1e-7,0.1,100,"a\\"b\\n\\u0001"]',
    );
  });

  it('refuses values JSON cannot carry, naming the path', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow('a[1]: numbers must be finite.');
    expect(() => canonicalJson({ when: new Date(0) })).toThrow('when: only plain objects');
    expect(() => canonicalJson([undefined])).toThrow('[0]: undefined is not JSON.');
    expect(() => canonicalJson({ n: 1n })).toThrow('n: a bigint is not JSON.');
  });
});

describe('appending to the timeline', () => {
  it('hashes SHA-256(prevHash + canonical entry without hash) from the genesis hash', () => {
    const e = appendEntry(genesisHead(ID), {
      at: 1000,
      recordedAt: 2000,
      actor: 'Ana',
      kind: 'declared',
      text: 'Declared',
    });
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const canonical =
      '{"actor":"Ana","at":1000,"data":null,"incidentId":"inc-1","kind":"declared",' +
      `"prevHash":"${'0'.repeat(64)}","recordedAt":2000,"seq":0,"text":"Declared"}`;
    expect(e).toEqual({
      incidentId: ID,
      seq: 0,
      at: 1000,
      recordedAt: 2000,
      actor: 'Ana',
      kind: 'declared',
      text: 'Declared',
      data: null,
      prevHash: '0'.repeat(64),
      hash: nodeSha('0'.repeat(64) + canonical),
    });
  });

  it('links each entry to the previous hash and numbers them 0..n', () => {
    const entries = chainOf(4);
    expect(entries.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    entries.slice(1).forEach((e, i) => {
      expect(e.prevHash).toBe(entries[i]?.hash);
    });
    expect(headOf(ID, entries)).toEqual({ incidentId: ID, seq: 3, hash: entries[3]?.hash });
    expect(headOf(ID, [])).toEqual(genesisHead(ID));
    expect(verifyChain(entries)).toEqual({ ok: true, length: 4, head: entries[3]?.hash });
  });

  it('records masked secret kinds only when there are some', () => {
    const head = genesisHead(ID);
    expect(appendEntry(head, draft(0, { masked: [] }))).not.toHaveProperty('masked');
    expect(appendEntry(head, draft(0, { masked: ['jwt'] })).masked).toEqual(['jwt']);
  });

  it('verifies an empty timeline', () => {
    expect(verifyChain([])).toEqual({ ok: true, length: 0, head: GENESIS_HASH });
  });
});

const swap = <T>(list: T[], a: number, b: number): T[] => {
  const out = [...list];
  [out[a], out[b]] = [nth(out, b), nth(out, a)];
  return out;
};

describe('verifying the chain names each kind of tampering', () => {
  const entries = chainOf(6);

  it('altered: a changed text, time, actor, data or mask', () => {
    const edits: Partial<TimelineEntry>[] = [
      { text: 'note 2 (edited)' },
      { at: T0 },
      { actor: 'Mallory' },
      { data: { x: 1 } },
      { masked: ['jwt'] },
      { kind: 'decision' },
    ];
    for (const edit of edits) {
      const tampered = entries.map((e) => (e.seq === 2 ? { ...e, ...edit } : e));
      expect(verifyChain(tampered)).toMatchObject({
        ok: false,
        kind: 'altered',
        firstBad: 2,
        index: 2,
      });
    }
  });

  it('altered: an extra member added to an entry', () => {
    const tampered = entries.map((e) => (e.seq === 4 ? { ...e, approved: true } : e));
    expect(verifyChain(tampered)).toMatchObject({ ok: false, kind: 'altered', firstBad: 4 });
  });

  it('broken-link: an entry changed and hashed again no longer links to its successor', () => {
    const rehashed = appendEntry(
      { incidentId: ID, seq: 1, hash: entries[1]?.hash ?? '' },
      draft(2, { text: 'rewritten' }),
    );
    const tampered = entries.map((e) => (e.seq === 2 ? rehashed : e));
    expect(verifyChain(tampered)).toMatchObject({
      ok: false,
      kind: 'broken-link',
      firstBad: 2,
      index: 2,
    });
  });

  it('broken-link: a first entry that does not start from the genesis hash', () => {
    const forged = appendEntry({ incidentId: ID, seq: -1, hash: 'f'.repeat(64) }, draft(0));
    expect(verifyChain([forged])).toMatchObject({ ok: false, kind: 'broken-link', firstBad: 0 });
  });

  it('removed: one entry, several entries, the first entry', () => {
    expect(verifyChain(entries.filter((e) => e.seq !== 3))).toMatchObject({
      ok: false,
      kind: 'removed',
      firstBad: 3,
      index: 3,
      message: 'Entry 3 was removed (entry 4 follows entry 2).',
    });
    expect(verifyChain(entries.filter((e) => e.seq !== 2 && e.seq !== 3))).toMatchObject({
      kind: 'removed',
      firstBad: 2,
      message: 'Entries 2 to 3 were removed (entry 4 follows entry 1).',
    });
    expect(verifyChain(entries.slice(1))).toMatchObject({ kind: 'removed', firstBad: 0 });
  });

  it('removed: an entry removed and the later ones renumbered without re-hashing', () => {
    const tampered = entries
      .filter((e) => e.seq !== 3)
      .map((e) => (e.seq > 3 ? { ...e, seq: e.seq - 1 } : e));
    expect(verifyChain(tampered)).toMatchObject({ ok: false, kind: 'removed', firstBad: 3 });
  });

  it('removed: entries cut off the end, against a recorded head', () => {
    const expected = { length: 6, hash: entries[5]?.hash ?? '' };
    expect(verifyChain(entries, { expected })).toMatchObject({ ok: true });
    expect(verifyChain(entries.slice(0, 4), { expected })).toMatchObject({
      ok: false,
      kind: 'removed',
      firstBad: 4,
    });
  });

  it('inserted: a forged entry slipped in with a valid link and hash', () => {
    const forged = appendEntry(
      { incidentId: ID, seq: 1, hash: entries[1]?.hash ?? '' },
      draft(9, { text: 'forged' }),
    );
    const tampered = [...entries.slice(0, 2), forged, ...entries.slice(2)];
    expect(verifyChain(tampered)).toMatchObject({
      ok: false,
      kind: 'inserted',
      firstBad: 2,
      index: 2,
    });
  });

  it('inserted: a forged entry with an unused seq in the middle', () => {
    const forged = appendEntry({ incidentId: ID, seq: 98, hash: 'a'.repeat(64) }, draft(9));
    const tampered = [...entries.slice(0, 3), forged, ...entries.slice(3)];
    expect(verifyChain(tampered)).toMatchObject({
      ok: false,
      kind: 'inserted',
      firstBad: 99,
      index: 3,
    });
  });

  it('inserted: a duplicated entry, an entry of another incident, entries after the head', () => {
    const dup = [...entries.slice(0, 3), nth(entries, 2), ...entries.slice(3)];
    expect(verifyChain(dup)).toMatchObject({ ok: false, kind: 'inserted', firstBad: 2, index: 3 });

    const other = appendEntries(genesisHead('inc-2' as IncidentId), [draft(0), draft(1)]);
    const foreign = [...entries.slice(0, 1), nth(other, 1), ...entries.slice(1)];
    expect(verifyChain(foreign)).toMatchObject({ ok: false, kind: 'inserted', index: 1 });

    const more = appendEntry(headOf(ID, entries), draft(6));
    const expected = { length: 6, hash: entries[5]?.hash ?? '' };
    expect(verifyChain([...entries, more], { expected })).toMatchObject({
      ok: false,
      kind: 'inserted',
      firstBad: 6,
    });
  });

  it('reordered: two neighbours swapped, an entry moved, the last two swapped', () => {
    expect(verifyChain(swap(entries, 2, 3))).toMatchObject({
      ok: false,
      kind: 'reordered',
      firstBad: 3,
      index: 2,
    });
    const moved = [
      ...entries.slice(0, 1),
      ...entries.slice(2, 5),
      nth(entries, 1),
      ...entries.slice(5),
    ];
    expect(verifyChain(moved)).toMatchObject({ ok: false, kind: 'reordered', index: 1 });
    expect(verifyChain(swap(entries, 4, 5))).toMatchObject({ kind: 'reordered', index: 4 });
  });

  it('a rewrite of a whole chain from the start is caught only against a recorded head', () => {
    const rewritten = appendEntries(
      genesisHead(ID),
      entries.map((e, i) => draft(i, { text: `${e.text}!` })),
    );
    expect(verifyChain(rewritten).ok).toBe(true);
    expect(
      verifyChain(rewritten, { expected: { length: 6, hash: entries[5]?.hash ?? '' } }),
    ).toMatchObject({ ok: false, kind: 'broken-link' });
  });
});

describe('corrections', () => {
  it('are new entries that reference the corrected seq; the original stays intact', () => {
    const entries = chainOf(3);
    const c = appendEntry(
      headOf(ID, entries),
      correctionDraft({
        seq: 1,
        text: 'It was 09:05, not 09:01',
        actor: 'Ana',
        at: T0 + 9e5,
        recordedAt: T0 + 9e5,
      }),
    );
    const all = [...entries, c];
    expect(verifyChain(all).ok).toBe(true);
    expect(c).toMatchObject({ seq: 3, kind: 'correction', data: { corrects: 1 } });
    expect(all[1]).toBe(entries[1]);
    expect(correctedSeq(c)).toBe(1);
    expect(correctedSeq(nth(entries, 0))).toBeNull();
    expect([...correctionsBySeq(all).entries()]).toEqual([[1, [c]]]);
  });
});

describe('any single tampering is caught (property)', () => {
  it('altering, removing, duplicating or swapping any entry never verifies', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 25 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('alter', 'remove', 'duplicate', 'swap'),
        (n, a, b, op) => {
          const entries = chainOf(n);
          const i = a % n;
          const j = (i + 1 + (b % (n - 1))) % n;
          const tampered =
            op === 'alter'
              ? entries.map((e, k) => (k === i ? { ...e, text: `${e.text}.` } : e))
              : op === 'remove'
                ? entries.filter((_, k) => k !== i)
                : op === 'duplicate'
                  ? [...entries.slice(0, i + 1), ...entries.slice(i)]
                  : swap(entries, i, j);
          const expected = { length: n, hash: entries[n - 1]?.hash ?? '' };
          expect(verifyChain(tampered, { expected }).ok).toBe(false);
        },
      ),
    );
  });
});
