import type { EscapedOrigin } from '../core/shared/escaped-json';
import { escapeUnits, originalOffsets, unescapeRuns } from '../core/shared/escaped-json';
import { MAX_STRING_LENGTH, isAscii } from './builtins';

// A file's text for `bulwark analyze`, decoded to a one-byte string when it is JSON. One
// non-ASCII character makes V8 decode a whole file into a two-byte (UTF-16) string: GitHub's
// 13 MB description has 140 non-ASCII bytes, loket.nl's 6.3 MB 166. Read and decoded as an
// ASCII-escaped copy (core/shared/escaped-json.ts), the ASCII stretches as Latin-1 and each
// non-ASCII character as `\uXXXX`, GitHub's takes 29 ms instead of 49 (JSON.parse then
// costs about the same: building the tree dominates). Anything else, and anything this
// cannot copy exactly, is decoded as before.

/** A file's text; `origin` when the text is an ASCII-escaped copy of what the file holds. */
export type FileText = { readonly text: string; readonly origin?: EscapedOrigin };

/** Blocks of this many bytes or fewer are searched with the regular expression. */
const LEAF = 4096;
const NON_ASCII = /[\x80-\xff]+/g;

/** Whether the first byte after JSON whitespace opens an object or an array. */
function opensLikeJson(bytes: Uint8Array): boolean {
  for (const b of bytes)
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return b === 0x7b || b === 0x5b;
  return false;
}

/**
 * The runs of non-ASCII bytes as [start, end) offset pairs, or null past `maxRuns` runs or
 * `maxBytes` bytes in them (there the copy would cost more than it saves). isAscii (native
 * and vectorised) halves the buffer down to blocks that hold such bytes; only those are
 * searched, with a regular expression over the Latin-1 text, since a loop over bytes runs
 * in V8's interpreter in a short-lived process.
 */
function nonAsciiRuns(
  bytes: Uint8Array,
  latin1: string,
  maxRuns: number,
  maxBytes: number,
): number[] | null {
  const runs: number[] = [];
  const pattern = new RegExp(NON_ASCII);
  let end = 0;
  let total = 0;
  const ascii = (lo: number, hi: number) =>
    isAscii(new Uint8Array(bytes.buffer, bytes.byteOffset + lo, hi - lo));
  // Searches [lo, hi), where no run was found yet (lo >= end); false when over the limits.
  const search = (lo: number, hi: number): boolean => {
    if (hi - lo > LEAF) {
      const mid = lo + ((hi - lo) >> 1);
      if (!ascii(lo, mid) && !search(lo, mid)) return false;
      // The left half's last run may reach into the right half.
      const from = Math.max(mid, end);
      return from >= hi || ascii(from, hi) || search(from, hi);
    }
    // Runs that start in the block; the last may go on past it.
    const block = latin1.slice(0, hi);
    pattern.lastIndex = lo;
    for (let m = pattern.exec(block); m !== null; m = pattern.exec(block)) {
      end = pattern.lastIndex;
      while (end < bytes.length && (bytes[end] ?? 0) >= 0x80) end++;
      runs.push(m.index, end);
      total += end - m.index;
      if (runs.length > 2 * maxRuns || total > maxBytes) return false;
      pattern.lastIndex = end;
    }
    return true;
  };
  return search(0, bytes.length) ? runs : null;
}

/**
 * Decodes a file's bytes as UTF-8, as `readFileSync(file, 'utf8')` does, except that JSON
 * text (its first byte past whitespace `{` or `[`) that is valid UTF-8 without a byte-order
 * mark or a U+FFFD character comes as an ASCII-escaped copy with its origin. Text with no
 * byte above 0x7F is decoded as Latin-1: the same characters, one byte each.
 */
export function decodeText(bytes: Buffer): FileText {
  const n = bytes.length;
  // The decoding of `readFileSync(file, 'utf8')`, for all this cannot copy exactly.
  const plain = (): FileText => ({ text: bytes.toString('utf8') });
  // Too long for one string: the same error as before, from the same decoding.
  if (n > MAX_STRING_LENGTH) return plain();
  if (isAscii(bytes)) return { text: bytes.toString('latin1') };
  if (!opensLikeJson(bytes)) return plain();
  const latin1 = bytes.toString('latin1');
  const runs = nonAsciiRuns(bytes, latin1, 64 + (n >> 12), 1024 + (n >> 8));
  if (runs === null) return plain();
  const parts: string[] = [];
  const starts: number[] = [];
  const units: number[] = [];
  let length = 0;
  let last = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k] ?? 0;
    const end = runs[k + 1] ?? 0;
    // After a backslash the escape would read differently (`\é` is not JSON, `\\u00e9` is):
    // such text, valid or not, is left to the plain decoding.
    if (bytes[start - 1] === 0x5c) return plain();
    const chars = bytes.toString('utf8', start, end);
    // Bytes that are not UTF-8 decode to U+FFFD, and so does a run cut by an ASCII byte;
    // readSource reports a replacement character as binary on the original text.
    if (chars.includes('\uFFFD')) return plain();
    const escaped = escapeUnits(chars);
    parts.push(latin1.slice(last, start), escaped);
    length += start - last;
    starts.push(length);
    units.push(chars.length);
    length += escaped.length;
    last = end;
  }
  parts.push(latin1.slice(last));
  if (length + n - last > MAX_STRING_LENGTH) return plain();
  // The original is rebuilt from the copy when asked for, rather than kept as the file's
  // bytes: 13 MB less held through a run on GitHub's description.
  const text = parts.join('');
  let original: string | undefined;
  return {
    text,
    origin: {
      original: () => (original ??= unescapeRuns(text, starts, units)),
      originalOffset: originalOffsets(starts, units),
    },
  };
}
