import * as buffer from 'node:buffer';
import * as fs from 'node:fs';
import path from 'node:path';
import * as url from 'node:url';
import * as util from 'node:util';
import { describe, expect, it } from 'vitest';
import * as builtins from '../../../bin/builtins';

describe('bin/builtins', () => {
  it('hands out Node’s own functions, as an import would', () => {
    expect(builtins.isAscii).toBe(buffer.isAscii);
    expect(builtins.MAX_STRING_LENGTH).toBe(buffer.constants.MAX_STRING_LENGTH);
    expect(builtins.closeSync).toBe(fs.closeSync);
    expect(builtins.openSync).toBe(fs.openSync);
    expect(builtins.readFileSync).toBe(fs.readFileSync);
    expect(builtins.realpathSync).toBe(fs.realpathSync);
    expect(builtins.writeSync).toBe(fs.writeSync);
    expect(builtins.path).toBe(path);
    expect(builtins.path.sep).toBe(path.sep);
    expect(builtins.fileURLToPath).toBe(url.fileURLToPath);
    expect(builtins.pathToFileURL).toBe(url.pathToFileURL);
    expect(builtins.parseArgs).toBe(util.parseArgs);
  });
});
