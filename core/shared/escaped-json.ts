// JSON text read as an ASCII-escaped copy: every non-ASCII character written as a `\uXXXX`
// escape (a character outside the Basic Multilingual Plane as its two surrogate escapes).
// In JSON a non-ASCII character can only stand inside a string, where the escape means the
// same character, so JSON.parse gives the same tree. V8 keeps a text of ASCII characters
// one byte per character, and decoding it costs less than decoding the two-byte text that
// even one non-ASCII character makes of a file (bin/json-text.ts makes the copy: GitHub's
// 13 MB description holds 140 non-ASCII bytes).
//
// Offsets and columns differ from the file's text on lines with such characters, so
// everything that reports a place works through the origin below.

/**
 * The text an ASCII-escaped copy of JSON text was made from, for places and failures. A
 * copy is made only of text without U+FFFD (which readSource reports as undecodable bytes,
 * a check the copy cannot make) and with no non-ASCII character right after a backslash.
 */
export type EscapedOrigin = {
  /** The text as decoded from the file (decoded when first asked for). */
  readonly original: () => string;
  /**
   * The offset in the original text of an offset in the copy. Exact for any offset that is
   * not inside one of the escapes the copy added (a structural character, a quote, a line
   * start, the end of the text).
   */
  readonly originalOffset: (offset: number) => number;
};

const HEX = '0123456789abcdef';

/** Every UTF-16 code unit of `s` as a JSON `\uXXXX` escape. */
export function escapeUnits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out +=
      '\\u' +
      HEX.charAt(c >> 12) +
      HEX.charAt((c >> 8) & 15) +
      HEX.charAt((c >> 4) & 15) +
      HEX.charAt(c & 15);
  }
  return out;
}

/**
 * originalOffset for a copy whose added escapes form runs: run `i` starts at `starts[i]` in
 * the copy (ascending) and stands for `units[i]` UTF-16 units of the original, each unit
 * six characters in the copy, one in the original.
 */
export function originalOffsets(
  starts: readonly number[],
  units: readonly number[],
): (offset: number) => number {
  const shifts: number[] = [];
  let shift = 0;
  for (const u of units) shifts.push((shift += 5 * u));
  return (offset) => {
    // How many runs start before the offset: each lies wholly before it.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? offset : offset - (shifts[lo - 1] ?? 0);
  };
}

/**
 * The original text back from its copy: run `i` of `units[i]` escapes, at `starts[i]` in
 * the copy (ascending), read back into the characters they stand for; everything between
 * the runs is the same in both. So the file's bytes need not be kept for a failure's
 * message or place.
 */
export function unescapeRuns(
  copy: string,
  starts: readonly number[],
  units: readonly number[],
): string {
  const parts: string[] = [];
  let last = 0;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k] ?? 0;
    const end = start + 6 * (units[k] ?? 0);
    parts.push(copy.slice(last, start));
    for (let at = start; at < end; at += 6)
      parts.push(String.fromCharCode(parseInt(copy.slice(at + 2, at + 6), 16)));
    last = end;
  }
  parts.push(copy.slice(last));
  return parts.join('');
}
