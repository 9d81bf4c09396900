// Escaping for every text format Bulwark writes. User text (names, descriptions, notes)
// can hold anything a file or a person put there; each output format gets one function
// here, and every writer uses it for every piece of user text.

// Control characters other than tab and line breaks, plus the invisible bidirectional
// overrides and isolates that can make text display differently from what it is.
const INVISIBLE = /[^\P{Cc}\t\n\r]|[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Removes control characters and bidirectional overrides. */
export function stripControl(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** Shortens to `max` code points with an ellipsis; long input stays bounded everywhere. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

const HTML: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Text safe in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return stripControl(text).replace(/[&<>"'`]/g, (c) => HTML[c] ?? c);
}

/**
 * Text safe inside Markdown: HTML is entity-escaped (renderers pass raw HTML through) and
 * the characters that open inline syntax are backslash-escaped, so text never becomes a
 * link, image, code span, table cell boundary or emphasis (user text never starts a line,
 * so block syntax such as `#` or `-` cannot trigger). Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return stripControl(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[&<>"]/g, (c) => HTML[c] ?? c)
    .replace(/[\\`*_{}[\]|~]/g, (c) => `\\${c}`);
}

// Spreadsheets run a cell as a formula when it starts with one of these (OWASP "CSV
// injection"); the full-width forms are included because some spreadsheets fold them.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV cell: neutralised against formula injection with a leading apostrophe, then
 * quoted by RFC 4180 (quotes doubled) when it holds a comma, quote or line break.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = typeof value === 'string' ? stripControl(value) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
