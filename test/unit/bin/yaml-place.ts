import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';

/**
 * The place a JSON pointer should get in a SARIF region, worked out with the yaml library's
 * own node ranges (JSON is YAML), independently of Bulwark's locator: object members at
 * their key (the last of repeated keys, as JSON.parse keeps), array items at their value, at
 * most eight levels down, else the nearest ancestor.
 */
export function yamlPlace(
  text: string,
  pointer: string,
): { startLine: number; startColumn: number } {
  const lines = new LineCounter();
  let node = parseDocument(text, { lineCounter: lines }).contents as YamlNode | null;
  let offset = 0;
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const token of tokens.slice(0, 8)) {
    if (isMap(node)) {
      const pair = node.items.filter((p) => isScalar(p.key) && String(p.key.value) === token).pop();
      if (!pair || !isScalar(pair.key)) break;
      offset = pair.key.range?.[0] ?? offset;
      node = pair.value as YamlNode | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(token)] as YamlNode | undefined;
      if (!/^\d+$/.test(token) || !item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  const pos = lines.linePos(offset);
  return { startLine: pos.line, startColumn: pos.col };
}
