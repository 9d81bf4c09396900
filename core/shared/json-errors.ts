/**
 * Turns a JSON.parse error into "line L, column C: reason". V8 reports either a
 * character position or a line and column depending on the message, so both are read.
 */
export function locateJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `line ${lineCol[1] ?? '?'}, column ${lineCol[2] ?? '?'}: ${reason(message)}`;
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const { line, column } = lineColumnAt(text, Number(pos[1]));
    return `line ${line}, column ${column}: ${reason(message)}`;
  }
  if (/end of (JSON|data) input/i.test(message)) {
    const { line, column } = lineColumnAt(text, text.length);
    return `line ${line}, column ${column}: the file ends too early (truncated?)`;
  }
  return reason(message);
}

function reason(message: string): string {
  return message
    .replace(/\s*\(line \d+ column \d+\)/, '')
    .replace(/ in JSON at position \d+.*/, '')
    .replace(/^JSON\.parse: /, '');
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}
