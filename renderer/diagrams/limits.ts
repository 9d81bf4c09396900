// Size limits for a diagram, checked before Mermaid sees the text. Past them the caller
// shows the overview by trust boundary and one diagram per boundary instead (issue 3:
// "large models never fail"). The same numbers are handed to Mermaid so that its own
// checks agree with ours and never fire first.

/**
 * The limits handed to Mermaid and checked here first.
 *
 * - `maxEdges` 500, Mermaid's default: past it Mermaid throws, and here a 500-node
 *   flowchart already takes 2-3 s to lay out, the most a person should wait for a picture.
 * - `maxTextSize` 100,000 characters, twice Mermaid's default (where it silently renders a
 *   "Maximum text size exceeded" placeholder): a 500-element model with escaped labels
 *   (about 60-100 characters a line) fits, a single 100 kB hostile name does not.
 */
export const DIAGRAM_LIMITS = { maxEdges: 500, maxTextSize: 100_000 } as const;

// Mermaid's flowchart link tokens (its lexer's LINK and START_LINK rules): `-->`, `---`,
// `-.->`, `==>`, `~~~`, with optional `x`, `o` or `<` heads, and the opening half of a
// labelled link (`-- text -->`), which is folded into one link before counting.
const LINK = String.raw`(?:[xo<]?--+[-xo>]|[xo<]?==+[=xo>]|[xo<]?-?\.+-[xo>]?|~~~+)`;
const START_LINK = String.raw`(?:[xo<]?--|[xo<]?==|[xo<]?-\.)`;
const LABELLED_LINK = new RegExp(String.raw`${START_LINK}\s+[^\n]*?\s*${LINK}`, 'g');
const LINKS = new RegExp(LINK, 'g');

/**
 * Text with quoted strings, comment and directive lines (`%%`, only at a line's start), `|edge labels|`, `[labels]`
 * and state-diagram `: labels` blanked out, so arrows written inside labels do not count.
 * A single `:` starts a label; `:::` (a class shorthand) does not.
 */
function withoutLabels(text: string): string {
  return text
    .replace(/"[^"\n]*"/g, '""')
    .replace(/^\s*%%[^\n]*/gm, '')
    .replace(/(?<!:):(?!:)[^\n]*/g, '')
    .replace(/\|[^|\n]*\|/g, '||')
    .replace(/\[[^\]\n]*\]/g, '[]');
}

/**
 * An estimate of the number of edges in a flowchart or state diagram, on the high side.
 * Counts link operators per statement; `a & b --> c & d` counts as the four edges it is.
 */
export function estimateEdges(text: string): number {
  let edges = 0;
  for (const statement of withoutLabels(text).split(/[\n;]/)) {
    const folded = statement.replace(LABELLED_LINK, ' --> ');
    const ends = folded.split(LINKS);
    if (ends.length < 2) continue;
    // A chain `a --> b & c --> d` links each group of ends to the next.
    const widths = ends.map((end) => end.split('&').length);
    for (let i = 1; i < widths.length; i++) edges += (widths[i - 1] ?? 1) * (widths[i] ?? 1);
  }
  return edges;
}

export type SizeProblem = { readonly reason: 'too-large'; readonly message: string };

/** Why the text is too large to draw, or null when it is within the limits. */
export function checkDiagramSize(
  text: string,
  limits: { readonly maxEdges: number; readonly maxTextSize: number } = DIAGRAM_LIMITS,
): SizeProblem | null {
  if (text.length > limits.maxTextSize)
    return {
      reason: 'too-large',
      message: `The diagram text is ${text.length.toLocaleString('en')} characters; the limit is ${limits.maxTextSize.toLocaleString('en')}.`,
    };
  const edges = estimateEdges(text);
  if (edges > limits.maxEdges)
    return {
      reason: 'too-large',
      message: `The diagram has about ${edges.toLocaleString('en')} connections; the limit is ${limits.maxEdges.toLocaleString('en')}.`,
    };
  return null;
}
