// JSON pointers (RFC 6901) over plain JSON trees.

/** Escapes one reference token (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string): string {
  if (!token.includes('~')) return token.includes('/') ? token.replaceAll('/', '~1') : token;
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Appends one token to a pointer. */
export function appendPointer(pointer: string, token: string): string {
  return `${pointer}/${escapeToken(token)}`;
}

/** Builds a pointer from tokens. */
export function toPointer(tokens: readonly (string | number)[]): string {
  return tokens.map((t) => `/${escapeToken(String(t))}`).join('');
}

/** The tokens of a pointer, or null when it is not one. */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  // Most pointers escape nothing: their tokens are the parts as they are.
  if (!pointer.includes('~')) return pointer.slice(1).split('/');
  return pointer
    .slice(1)
    .split('/')
    .map((t) => (t.includes('~') ? t.replace(/~1/g, '/').replace(/~0/g, '~') : t));
}

/** A plain object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a pointer, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  const tokens = parsePointer(pointer);
  if (tokens === null) return undefined;
  let node: unknown = root;
  for (const t of tokens) {
    if (Array.isArray(node)) node = /^\d+$/.test(t) ? (node as unknown[])[Number(t)] : undefined;
    else if (isObject(node)) node = Object.hasOwn(node, t) ? node[t] : undefined;
    else return undefined;
  }
  return node;
}
