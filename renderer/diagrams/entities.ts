// Mermaid escapes: a label may carry `#quot;`, `#34;` or `#lt;` for characters that would
// otherwise be Mermaid or HTML syntax, and Mermaid turns each into an HTML character
// reference (`&quot;`, `&#34;`). With HTML labels off (SVG <text>, as we draw), Mermaid
// 11.17 decodes only `&lt;`, `&gt;` and `&amp;` and writes the others into the text as
// they are, so the SVG string holds them escaped once more (`&amp;quot;`) and the person
// would read "&quot;" on screen. Undoing that second escape lets the browser decode the
// reference when the SVG is parsed. A character reference only ever yields a character,
// never markup, so this cannot open a way in; it runs before sanitizeSvg all the same.

const DOUBLE_ESCAPED = /&amp;(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;

/** The SVG string with Mermaid's doubly escaped character references made single again. */
export function restoreEntities(svg: string): string {
  return svg.replace(DOUBLE_ESCAPED, '&$1;');
}
