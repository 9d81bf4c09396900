/**
 * Turns a JSON.parse error into "line L, column C: reason". V8 reports either a
 * character position or a line and column depending on the message, so both are read;
 * when it names neither ("Unexpected token '}', ..."), the place is found in the text.
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
  const { line, column } = lineColumnAt(text, jsonErrorOffset(text));
  return `line ${line}, column ${column}: ${reason(message)}`;
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

/**
 * The offset of the first syntax error in JSON text (text.length when it ends too early).
 * Iterative, so deep nesting cannot overflow it; used only after JSON.parse has failed.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: string[] = [];
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const digits = (): number => {
    const from = i;
    while (i < text.length && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
    return i - from;
  };
  // Each returns true when it read its value, false with `i` at the error when it failed,
  // and null when the text at `i` is not that kind of value at all.
  const literal = (): boolean | null => {
    const c = text.charAt(i);
    const word = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : '';
    if (word !== '') {
      for (let k = 0; k < word.length; k++, i++)
        if (text.charAt(i) !== word.charAt(k)) return false;
      return true;
    }
    if (c !== '-' && !(c >= '0' && c <= '9')) return null;
    if (c === '-') i++;
    if (text.charAt(i) === '0') {
      i++;
      if (text.charAt(i) >= '0' && text.charAt(i) <= '9') return false;
    } else if (digits() === 0) return false;
    if (text.charAt(i) === '.') {
      i++;
      if (digits() === 0) return false;
    }
    if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
      i++;
      if (text.charAt(i) === '+' || text.charAt(i) === '-') i++;
      if (digits() === 0) return false;
    }
    return true;
  };
  const string = (): boolean | null => {
    if (text.charAt(i) !== '"') return null;
    i++;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        i++;
        return true;
      }
      if (c === '\\') {
        const n = text.charAt(i + 1);
        if (n === 'u') {
          i += 2;
          for (let k = 0; k < 4; k++, i++) if (!/[0-9a-fA-F]/.test(text.charAt(i))) return false;
          continue;
        }
        if (n === '' || !'"\\/bfnrt'.includes(n)) {
          i++;
          return false;
        }
        i += 2;
        continue;
      }
      if (c < ' ') return false;
      i++;
    }
    return false;
  };
  // expect: 'value' | 'key' | 'colon' | 'after'
  let expect = 'value';
  for (;;) {
    ws();
    if (i >= text.length) return expect === 'after' && stack.length === 0 ? i : text.length;
    const c = text.charAt(i);
    if (expect === 'value') {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text.charAt(i) === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = 'after';
        } else expect = c === '{' ? 'key' : 'value';
        continue;
      }
      const read = string() ?? literal();
      if (read === true) {
        expect = 'after';
        continue;
      }
      return i;
    }
    if (expect === 'key') {
      if (string() !== true) return i;
      expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (c !== ':') return i;
      i++;
      expect = 'value';
      continue;
    }
    // after a value
    const top = stack[stack.length - 1];
    if (top === undefined) return i;
    if (c === ',') {
      i++;
      expect = top === '{' ? 'key' : 'value';
      continue;
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      stack.pop();
      i++;
      continue;
    }
    return i;
  }
}
