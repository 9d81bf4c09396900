import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isScriptUrl, sanitizeSvg } from '../../../../renderer/diagrams/sanitize';

// What Mermaid 11 emits for a node, trimmed: the sanitizer must leave it byte for byte.
const CLEAN = [
  '<svg id="mmd-x-1" width="100%" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="flowchart" style="max-width: 630.4px;" viewBox="0 0 630.4 149.5" role="graphics-document document" aria-roledescription="flowchart-v2">',
  '<style>#mmd-x-1{font-family:"trebuchet ms",verdana,arial,sans-serif;}#mmd-x-1 .node>rect{fill:#ECECFF;}</style>',
  '<g><marker id="mmd-x-1_flowchart-v2-pointEnd" class="marker flowchart-v2" viewBox="0 0 10 10"><path d="M 0 0 L 10 5 L 0 10 z" style="stroke-width: 1;"></path></marker>',
  '<g class="node default" id="mmd-x-1-flowchart-n0-0" data-look="classic" transform="translate(98, 74)"><rect class="basic label-container" x="-65" y="-23.5" width="130" height="47"></rect>',
  '<text y="-10.1"><tspan class="text-outer-tspan row" x="0" y="-0.1em" dy="1.1em">&lt;img src=x onerror=alert(1)&gt; onclick="x" javascript:alert(1)</tspan></text></g>',
  '<path marker-end="url(#mmd-x-1_flowchart-v2-pointEnd)" d="M1,2L3,4"/></g></svg>',
].join('');

describe('sanitizeSvg', () => {
  it("leaves Mermaid's clean output unchanged, hostile-looking label text included", () => {
    expect(sanitizeSvg(CLEAN)).toBe(CLEAN);
  });

  it('turns script elements into text, in any case and form', () => {
    const out = sanitizeSvg(
      '<svg><script>alert(1)</script><g><SCRIPT type="text/javascript">alert(2)</SCRIPT ></g><script href="x.js"/><script>unclosed</svg>',
    );
    expect(out).toBe(
      '<svg>&lt;script>alert(1)&lt;/script><g>&lt;SCRIPT type="text/javascript">alert(2)&lt;/SCRIPT ></g>&lt;script href="x.js"/>&lt;script>unclosed</svg>',
    );
  });

  it('turns the opening of a script tag it cannot parse into text', () => {
    expect(sanitizeSvg('<svg><script')).toBe('<svg>&lt;script');
    expect(sanitizeSvg('<svg><g></script')).toBe('<svg><g>&lt;/script');
    expect(sanitizeSvg('<svg><script\u0000>')).not.toMatch(/<script/i);
  });

  it('removes elements that load documents or rewrite attributes over time', () => {
    const out = sanitizeSvg(
      '<svg><foreignObject><iframe src="x"></iframe><object data="y"></object><embed src="z"></foreignObject>' +
        '<a><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(2)"/>link</a></svg>',
    );
    expect(out).not.toMatch(/<(iframe|object|embed|set|animate)\b/i);
    expect(out).toContain('<foreignObject>');
    expect(out).toContain('link</a>');
  });

  it.each([
    ['<g onclick="alert(1)">', '<g >'],
    ['<g ONLOAD=alert(1) class="node">', '<g  class="node">'],
    ['<rect onmouseover=\'alert(1)\' x="1"/>', '<rect  x="1"/>'],
    ['<svg/onload=alert(1)>', '<svg/>'],
    ['<g\nonfocus\n=\n"alert(1)"\ntabindex="0">', '<g\n\ntabindex="0">'],
    ['<g title="a > b" onclick="alert(1)">', '<g title="a > b" >'],
    ['<g onclick>', '<g >'],
    // Forms the browser reads as attributes although a quick pattern would not:
    ['<g a="1"onclick="alert(1)">', '<g a="1" >'],
    ['<g a"b=1 onclick=alert(1)>', '<g a"b=1 >'],
    ['<g a=x/y=z onclick=alert(1)>', '<g a=x/y=z >'],
    ['<g =x onclick=alert(1)>', '<g =x >'],
    ['<g class=n0 onclick=alert(1)', '<g class=n0 '],
  ])('removes event handlers: %j', (input, expected) => {
    expect(sanitizeSvg(input)).toBe(expected);
  });

  it('reads attributes the way the browser does, one tag after another', () => {
    expect(
      sanitizeSvg(
        '<g id="a"><rect onclick="x" width="2"/><text>on=1 <tspan>onclick="y"</tspan></text></g>',
      ),
    ).toBe('<g id="a"><rect  width="2"/><text>on=1 <tspan>onclick="y"</tspan></text></g>');
  });

  it.each([
    '<a href="javascript:alert(1)">',
    '<a xlink:href="JavaScript:alert(1)">',
    '<a href=" \tjava\nscript:alert(1)">',
    '<a href="&#106;avascript:alert(1)">',
    '<a href="&#x6A;avascript&colon;alert(1)">',
    '<a href="&#0000106avascript:alert(1)">',
    '<image href="vbscript:msgbox(1)">',
    '<a href="data:text/html,<script>alert(1)</script>">',
    '<rect fill="url(javascript:alert(1))">',
  ])('removes script URLs: %j', (input) => {
    const out = sanitizeSvg(input);
    expect(out).not.toMatch(/script:|data:text\/html|&#|&colon/i);
  });

  it('keeps references within the drawing and removes every link or image source out of it', () => {
    const inner = '<use href="#mmd-1_marker"/><path marker-end="url(#mmd-1_pointEnd)"/>';
    expect(sanitizeSvg(inner)).toBe(inner);
    expect(sanitizeSvg('<a href="https://example.com/x?a=1&amp;b=2">x</a>')).toBe('<a >x</a>');
    expect(sanitizeSvg('<image xlink:href="http://tracker.example/p.png"/>')).toBe('<image />');
    expect(sanitizeSvg('<image href="data:image/png;base64,AAAA"/>')).toBe('<image />');
  });

  it('removes script URLs, expressions and imports from style elements', () => {
    const out = sanitizeSvg(
      '<svg><style>@import "x.css"; g{background:url(javascript:alert(1));width:expression(alert(2))}</style></svg>',
    );
    expect(out).not.toMatch(/javascript:|expression\(|@import/i);
    expect(out).toContain('<style>');
  });

  it('removes style attributes with an expression', () => {
    expect(sanitizeSvg('<g style="width: expression(alert(1))">')).toBe('<g >');
  });

  it('copes with huge and malformed input without stalling', () => {
    // Unterminated tags and quotes are where a careless pattern backtracks for minutes.
    const huge = `<g ${'a="'.repeat(20_000)}${' onclick'.repeat(20_000)}<svg/${'/'.repeat(50_000)}`;
    expect(typeof sanitizeSvg(huge)).toBe('string');
    // Many openings that never close: each must not rescan the rest of the input.
    const unclosed = `${'<style>'.repeat(20_000)}${'<script "'.repeat(20_000)}${'<g a="'.repeat(20_000)}`;
    expect(sanitizeSvg(unclosed)).not.toMatch(/<script/i);
  });

  it('never lets an event handler or a script URL through in a generated tag', () => {
    const name = fc.constantFrom(
      'onclick',
      'OnLoad',
      'onmouseover',
      'id',
      'class',
      'href',
      'xlink:href',
    );
    const value = fc.constantFrom(
      'alert(1)',
      'javascript:alert(1)',
      '&#106;avascript:x',
      ' JAVASCRIPT:x',
      'n0',
      '#marker',
      'a > b',
    );
    const quote = fc.constantFrom('"', "'", '');
    const separator = fc.constantFrom(' ', '/', '\n', '\t');
    const attribute = fc.tuple(separator, name, quote, value);
    fc.assert(
      fc.property(fc.array(attribute, { minLength: 1, maxLength: 6 }), (attributes) => {
        // An unquoted value runs to the next blank (a `/` would join it), as in the browser.
        let tag = '<g';
        let previousQuote: string | undefined;
        for (const [sep, n, q, v] of attributes) {
          tag += previousQuote === '' && sep === '/' ? ' ' : sep;
          tag += `${n}=${q}${q === '' ? v.replace(/[\s>]/g, '') : v}${q}`;
          previousQuote = q;
        }
        const out = sanitizeSvg(`${tag}>`);
        expect(out).not.toMatch(/on[a-z]+=/i);
        expect(out).not.toMatch(/avascript/i);
      }),
    );
  });

  it('never lets a script element through, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom('script', 'SCRIPT', 'ScRiPt'),
        (a, b, tag) => {
          expect(sanitizeSvg(`${a}<${tag}>${b}</${tag}>${a}<${tag} ${b}`)).not.toMatch(/<script/i);
        },
      ),
    );
  });
});

describe('isScriptUrl', () => {
  it('recognises script schemes however they are hidden', () => {
    expect(isScriptUrl('javascript:x')).toBe(true);
    expect(isScriptUrl('  JaVa\tScRiPt:x')).toBe(true);
    expect(isScriptUrl('&#x6a;&#x61;vascript:x')).toBe(true);
    expect(isScriptUrl('&#1114112;javascript:x')).toBe(true);
    expect(isScriptUrl('url( javascript:x)')).toBe(true);
  });

  it('does not flag ordinary values', () => {
    expect(isScriptUrl('#mmd-1_flowchart-v2-pointEnd')).toBe(false);
    expect(isScriptUrl('url(#marker)')).toBe(false);
    expect(isScriptUrl('https://example.com/javascript')).toBe(false);
    expect(isScriptUrl('data:image/png;base64,AAAA')).toBe(false);
  });
});
