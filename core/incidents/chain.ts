import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalJsonWithout } from './canonical';
import type { ChainHead, IncidentId, TimelineDraft, TimelineEntry } from './types';

// The append-only timeline as a hash chain. Each entry's hash is
//   SHA-256( UTF-8( prevHash + canonicalJson(entry without its `hash` member) ) )
// in lower-case hex, where prevHash is the previous entry's hash, or GENESIS_HASH for the
// first entry (its value is part of the entry, so it is hashed as well). Changing any
// member of an entry, its position or the entries around it breaks the chain from there.
//
// A chain alone cannot reveal a rewrite of everything after a point, nor entries cut off
// the end: for those, compare with a head recorded elsewhere (`expected` in verifyChain,
// the `chain` member of a bundle, or the head the app shows beside an export).

/** The prevHash of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** The algorithm, as bundles name it. */
export const CHAIN_ALGORITHM = 'sha256-jcs-v1';

/** The head of an empty timeline. */
export function genesisHead(incidentId: IncidentId): ChainHead {
  return { incidentId, seq: -1, hash: GENESIS_HASH };
}

/** The head a chain ends in (the genesis head when `entries` is empty). */
export function headOf(incidentId: IncidentId, entries: readonly TimelineEntry[]): ChainHead {
  const last = entries.at(-1);
  return last ? { incidentId, seq: last.seq, hash: last.hash } : genesisHead(incidentId);
}

/** SHA-256 of a UTF-8 string, in lower-case hex. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 of bytes, in lower-case hex (evidence files). */
export function sha256HexOfBytes(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** The hash an entry should carry, computed from all its other members. */
export function entryHash(entry: Omit<TimelineEntry, 'hash'> | TimelineEntry): string {
  return sha256Hex(entry.prevHash + canonicalJsonWithout(entry, 'hash'));
}

/**
 * The next entry after `head`: seq + 1, linked to head's hash, hashed. Throws when the
 * draft holds something that is not JSON (see canonical.ts). `masked` is left out when empty.
 */
export function appendEntry(head: ChainHead, draft: TimelineDraft): TimelineEntry {
  const masked = draft.masked && draft.masked.length > 0 ? [...draft.masked] : undefined;
  const unhashed: Omit<TimelineEntry, 'hash'> = {
    incidentId: head.incidentId,
    seq: head.seq + 1,
    at: draft.at,
    recordedAt: draft.recordedAt,
    actor: draft.actor,
    kind: draft.kind,
    text: draft.text,
    data: draft.data ?? null,
    ...(masked ? { masked } : {}),
    prevHash: head.hash,
  };
  return { ...unhashed, hash: entryHash(unhashed) };
}

/** Appends several drafts in order; returns the new entries. */
export function appendEntries(head: ChainHead, drafts: readonly TimelineDraft[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let h = head;
  for (const d of drafts) {
    const e = appendEntry(h, d);
    out.push(e);
    h = e;
  }
  return out;
}

/** What went wrong first in a chain. */
export type TamperKind = 'altered' | 'removed' | 'inserted' | 'reordered' | 'broken-link';

/** The verdict on a chain. */
export type ChainVerdict =
  | { readonly ok: true; readonly length: number; readonly head: string }
  | {
      readonly ok: false;
      readonly kind: TamperKind;
      /** Seq of the first bad entry (for `removed`, the first missing seq). */
      readonly firstBad: number;
      /** Position in the list where the problem shows. */
      readonly index: number;
      readonly message: string;
    };

/** A head recorded elsewhere, to catch entries cut off the end or added after it. */
export type ExpectedHead = { readonly length: number; readonly hash: string };

type Fail = Extract<ChainVerdict, { ok: false }>;

const fail = (kind: TamperKind, firstBad: number, index: number, message: string): Fail => ({
  ok: false,
  kind,
  firstBad,
  index,
  message,
});

/**
 * Checks a timeline in stored order. Returns ok, or the first problem named:
 * `altered` (an entry no longer matches its hash), `removed` (a seq is missing),
 * `inserted` (an entry that is not part of the chain: a duplicate seq, a foreign
 * incident, or more entries than the recorded head), `reordered` (entries out of seq
 * order) or `broken-link` (an intact entry that does not link to its predecessor: one of
 * the two was rewritten and re-hashed).
 */
export function verifyChain(
  entries: readonly TimelineEntry[],
  options: { readonly expected?: ExpectedHead; readonly incidentId?: string } = {},
): ChainVerdict {
  const incidentId = options.incidentId ?? entries[0]?.incidentId;
  let prev = GENESIS_HASH;
  for (const [i, e] of entries.entries()) {
    const intact = safeHash(e) === e.hash;
    const seqOk = e.seq === i;
    const linkOk = e.prevHash === prev;
    if (intact && seqOk && linkOk && e.incidentId === incidentId) {
      prev = e.hash;
      continue;
    }
    return classify(entries, i, e, prev, intact, incidentId);
  }
  const { expected } = options;
  if (expected) {
    const n = entries.length;
    if (n < expected.length)
      return fail(
        'removed',
        n,
        n,
        `Entries ${n} to ${expected.length - 1} were removed from the end: the recorded head has ${expected.length} entries, the timeline ${n}.`,
      );
    if (n > expected.length)
      return fail(
        'inserted',
        expected.length,
        expected.length,
        `Entry ${expected.length} and later were added after the recorded head (${expected.length} entries).`,
      );
    if (prev !== expected.hash)
      return fail(
        'broken-link',
        Math.max(0, n - 1),
        Math.max(0, n - 1),
        'The timeline was rewritten: its last hash differs from the recorded head.',
      );
  }
  return { ok: true, length: entries.length, head: prev };
}

function safeHash(e: TimelineEntry): string | null {
  try {
    return entryHash(e);
  } catch {
    return null;
  }
}

function classify(
  entries: readonly TimelineEntry[],
  i: number,
  e: TimelineEntry,
  prev: string,
  intact: boolean,
  incidentId: string | undefined,
): Fail {
  const seq = e.seq;
  if (e.incidentId !== incidentId)
    return intact
      ? fail('inserted', seq, i, `Entry ${i} belongs to another incident (${e.incidentId}).`)
      : fail('altered', seq, i, `Entry ${i} was changed: its incident id is not this incident's.`);
  if (!Number.isInteger(seq) || seq < 0)
    return fail('altered', i, i, `Entry at position ${i} has an invalid seq (${String(seq)}).`);
  // The chain continues around this entry (the next one links to the one before it) and
  // nothing links to it, while its own link leads nowhere else: it was slipped in.
  const next = entries[i + 1];
  if (
    next?.seq === i &&
    next.prevHash === prev &&
    (e.prevHash === prev || !entries.some((x) => x.hash === e.prevHash)) &&
    !entries.some((x) => x.prevHash === e.hash)
  )
    return fail(
      'inserted',
      seq,
      i,
      `The entry at position ${i} (seq ${seq}) was inserted: entry ${i} follows it and links to entry ${i - 1}.`,
    );
  if (seq > i) {
    // A later position holds the seq that belongs here: the order was changed.
    const later = entries.findIndex((x, j) => j > i && x.seq === i);
    if (later !== -1)
      return fail(
        'reordered',
        seq,
        i,
        `Entry ${seq} stands at position ${i}, before entry ${i} (at position ${later}): the order was changed.`,
      );
    return fail(
      'removed',
      i,
      i,
      seq - i === 1
        ? `Entry ${i} was removed (entry ${seq} follows entry ${i - 1}).`
        : `Entries ${i} to ${seq - 1} were removed (entry ${seq} follows entry ${i - 1}).`,
    );
  }
  if (seq < i) {
    // Positions 0..i-1 are valid, so seq is a duplicate of the entry at position seq.
    const twin = entries[seq] ?? e;
    const linkedLater = (hash: string) => entries.some((x, j) => j > i && x.prevHash === hash);
    if (intact && e.prevHash === twin.prevHash && !linkedLater(twin.hash) && linkedLater(e.hash))
      return fail(
        'inserted',
        seq,
        seq,
        `Entry at position ${seq} (seq ${seq}) was inserted: the original entry ${seq} is at position ${i} and the chain continues from it.`,
      );
    if (intact && e.hash === twin.hash)
      return fail('inserted', seq, i, `Entry ${seq} appears twice (positions ${seq} and ${i}).`);
    return fail(
      intact ? 'inserted' : 'reordered',
      seq,
      i,
      intact
        ? `An extra entry with seq ${seq} was inserted at position ${i}.`
        : `Entry ${seq} appears again at position ${i}, out of order.`,
    );
  }
  // seq === i
  if (!intact) {
    if (
      e.prevHash !== prev &&
      !entries.some((x) => x.hash === e.prevHash) &&
      e.prevHash !== GENESIS_HASH
    )
      return fail(
        'removed',
        i,
        i,
        `An entry before position ${i} was removed and the later entries renumbered (entry ${i} links to a hash no entry has).`,
      );
    return fail('altered', seq, i, `Entry ${seq} was altered: it no longer matches its hash.`);
  }
  if (i === 0)
    return fail(
      'broken-link',
      0,
      0,
      'Entry 0 does not start the chain (its previous hash is not the genesis hash).',
    );
  return fail(
    'broken-link',
    seq - 1,
    i - 1,
    `Entry ${seq} does not link to entry ${seq - 1}: entry ${seq - 1} was rewritten and hashed again (or entry ${seq} was).`,
  );
}

/** The corrections of each entry (by the seq they correct), in timeline order. */
export function correctionsBySeq(
  entries: readonly TimelineEntry[],
): ReadonlyMap<number, readonly TimelineEntry[]> {
  const out = new Map<number, TimelineEntry[]>();
  for (const e of entries) {
    if (e.kind !== 'correction') continue;
    const target = correctedSeq(e);
    if (target === null) continue;
    const list = out.get(target) ?? [];
    list.push(e);
    out.set(target, list);
  }
  return out;
}

/** The seq a correction entry corrects (`data.corrects`), or null. */
export function correctedSeq(entry: Pick<TimelineEntry, 'kind' | 'data'>): number | null {
  if (entry.kind !== 'correction') return null;
  const data = entry.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const n = (data as { readonly corrects?: unknown }).corrects;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}

/** A draft that corrects entry `seq` (a new entry; the original stays as it was). */
export function correctionDraft(p: {
  readonly seq: number;
  readonly text: string;
  readonly actor: string;
  readonly at: number;
  readonly recordedAt: number;
}): TimelineDraft {
  return {
    at: p.at,
    recordedAt: p.recordedAt,
    actor: p.actor,
    kind: 'correction',
    text: p.text,
    data: { corrects: p.seq },
  };
}
