// One escaper for every label Bulwark puts in a Mermaid diagram (data flow diagrams and
// playbook state diagrams). Only letters, digits, spaces and a few punctuation marks are
// left as they are; everything else becomes an entity code (#60; for "<"), so no user
// text can close a quote, start a Mermaid statement, or inject markup. Also escaped:
// ":" (Mermaid drops the last ";" of a line that looks like a `style ...: ...#...;`
// directive), "_" and "*" (labels are read as Markdown), and "=".

const PLAIN = /[\p{L}\p{N} .,/()'+?!-]/u;
// Control and format characters (bidirectional overrides, zero-width marks) carry no
// meaning in a label and can hide text: they are dropped. Tabs and line breaks become spaces.
const INVISIBLE = /[^\P{Cc}\t\n\r]|\p{Cf}/gu;

/** A label as Mermaid entity-coded text, safe between double quotes, at most `max` characters. */
export function mermaidLabel(text: string, max: number): string {
  const flat = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  const cut = chars.length <= max ? flat : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
  let out = '';
  for (const ch of cut) out += PLAIN.test(ch) ? ch : `#${ch.codePointAt(0) ?? 63};`;
  return out;
}
