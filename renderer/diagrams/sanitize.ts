// A second pass over Mermaid's SVG before it reaches the page. Mermaid's strict security
// level already runs DOMPurify over its output and core escapes every user label, so this
// pass should find nothing. It exists because the SVG is the one string the UI sets as
// innerHTML: if an upstream change or a parser bug ever let markup through, the damage
// stops here. It works on the string (no DOM), so it is the same in the page and in tests.

// Elements that can run script, embed another document or rewrite attributes over time.
const FORBIDDEN_ELEMENTS = [
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'base',
  'meta',
  'link',
  'animate',
  'animatemotion',
  'animatetransform',
  'set',
  'handler',
  'listener',
];
// Any opening of such a tag, `<script`, `</iframe`, becomes text: the rest of the tag
// then reads as text too, and nothing is left for the browser to build an element from.
// One linear pass, whatever the input (no pattern that scans ahead for a closing tag).
const FORBIDDEN_OPENING = new RegExp(String.raw`<(\/?)(${FORBIDDEN_ELEMENTS.join('|')})\b`, 'gi');

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  amp: '&',
  lpar: '(',
  rpar: ')',
  sol: '/',
  quot: '"',
  apos: "'",
};

// Out-of-range references read as U+FFFD, as in a browser.
const codePoint = (n: number): string => (n > 0x10ffff ? '\ufffd' : String.fromCodePoint(n));

/** An attribute value as the browser would read it, for scheme checks only. */
function decoded(value: string): string {
  return value
    .replace(/&#x0*([0-9a-f]{1,6});?/gi, (_, hex: string) => codePoint(parseInt(hex, 16)))
    .replace(/&#0*(\d{1,7});?/g, (_, dec: string) => codePoint(parseInt(dec, 10)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? whole);
}

// Browsers drop ASCII whitespace and control characters inside a URL scheme.
// eslint-disable-next-line no-control-regex
const BLANKS = /[\u0000-\u0020\u007f-\u009f]+/g;

/** True for a value that names a script URL, also when hidden by entities, case or blanks. */
export function isScriptUrl(value: string): boolean {
  const compact = decoded(value).replace(BLANKS, '').toLowerCase();
  return (
    /(?:^|[^a-z])(?:javascript|vbscript|livescript):/.test(compact) ||
    compact.startsWith('data:text/html')
  );
}

/** True for an attribute the browser would turn into script. */
function isDangerous(name: string, value: string | undefined): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) return true;
  if (value === undefined) return false;
  if (isScriptUrl(value)) return true;
  // A diagram links nowhere and loads nothing: only references within the SVG itself
  // (`href="#marker"`) stay. Mermaid would turn a `click … href` into a link, and an image
  // shape into a request the offline app must not make.
  if ((lower === 'href' || lower.endsWith(':href')) && !decoded(value).trim().startsWith('#'))
    return true;
  // Old IE's `expression(...)` in a style attribute.
  return lower === 'style' && /expression\s*\(/i.test(decoded(value));
}

// The HTML tokenizer's whitespace: what separates a tag name and attributes.
const isBlank = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/**
 * Every start tag with its dangerous attributes removed. A small scanner rather than a
 * pattern, following the HTML tokenizer's rules for start tags, because the browser reads
 * more than the obvious form as an attribute: `<svg/onload=…>`, `<g a="1"onclick=…>`,
 * `<g a"b=1 onclick=…>`, an unquoted value holding `=` or `/`. Runs in one pass.
 */
function cleanStartTags(s: string): string {
  const n = s.length;
  let out = '';
  let i = 0;
  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt === -1 || lt === n - 1) return out + s.slice(i);
    out += s.slice(i, lt);
    if (!/[A-Za-z]/.test(s.charAt(lt + 1))) {
      out += '<';
      i = lt + 1;
      continue;
    }
    // The tag name ends at a blank, `/` or `>`.
    let k = lt + 1;
    while (k < n && !isBlank(s[k]) && s[k] !== '/' && s[k] !== '>') k++;
    out += s.slice(lt, k);
    while (k < n) {
      // Before an attribute name: blanks and `/` separate, `>` ends the tag.
      const separatorStart = k;
      while (k < n && (isBlank(s[k]) || s[k] === '/')) k++;
      if (k >= n) {
        out += s.slice(separatorStart);
        break;
      }
      if (s[k] === '>') {
        out += s.slice(separatorStart, k + 1);
        k++;
        break;
      }
      // The name takes everything up to a blank, `/`, `>` or `=` (a first `=` included).
      const nameStart = k;
      k++;
      while (k < n && !isBlank(s[k]) && s[k] !== '/' && s[k] !== '>' && s[k] !== '=') k++;
      const name = s.slice(nameStart, k);
      let value: string | undefined;
      let m = k;
      while (m < n && isBlank(s[m])) m++;
      if (s[m] === '=') {
        m++;
        while (m < n && isBlank(s[m])) m++;
        const quote = s[m];
        if (quote === '"' || quote === "'") {
          const end = s.indexOf(quote, m + 1);
          value = s.slice(m + 1, end === -1 ? n : end);
          k = end === -1 ? n : end + 1;
        } else {
          const valueStart = m;
          while (m < n && !isBlank(s[m]) && s[m] !== '>') m++;
          value = s.slice(valueStart, m);
          k = m;
        }
      }
      // A removed attribute leaves a blank, so its neighbours never run together.
      out += isDangerous(name, value)
        ? s.slice(separatorStart, nameStart) || ' '
        : s.slice(separatorStart, k);
    }
    i = k;
  }
  return out;
}

/** Style sheets without script URLs, `expression(...)` or `@import`, in one pass. */
function cleanStyleSheets(s: string): string {
  const lower = s.toLowerCase();
  let out = '';
  let i = 0;
  for (;;) {
    const open = lower.indexOf('<style', i);
    const start = open === -1 ? -1 : lower.indexOf('>', open);
    if (start === -1) return out + s.slice(i);
    const close = lower.indexOf('</style', start);
    const end = close === -1 ? s.length : close;
    out += s.slice(i, start + 1);
    out += s
      .slice(start + 1, end)
      .replace(/(?:javascript|vbscript)\s*:|expression\s*\(|@import\b/gi, '');
    i = end;
  }
}

/**
 * The SVG string with script elements, event-handler attributes (`on*=`), script URLs
 * (`javascript:` and friends, also entity-encoded) and links out of the drawing removed.
 * Text content is left as it is, so a hostile label still shows as the text it is.
 * Linear in the length of the input.
 */
export function sanitizeSvg(svg: string): string {
  return cleanStartTags(cleanStyleSheets(svg.replace(FORBIDDEN_OPENING, '&lt;$1$2')));
}
