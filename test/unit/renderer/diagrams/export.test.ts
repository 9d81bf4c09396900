import { describe, expect, it } from 'vitest';
import {
  bytesToBase64,
  diagramFileName,
  pngSize,
  svgSize,
} from '../../../../renderer/diagrams/export';

describe('svgSize', () => {
  it("reads the size from the root element's viewBox, ignoring Mermaid's width=100%", () => {
    const svg =
      '<svg id="m" width="100%" style="max-width: 630.4px;" viewBox="0 0 630.42 149.51"><g viewBox="0 0 10 10"></g></svg>';
    expect(svgSize(svg)).toEqual({ width: 630.42, height: 149.51 });
  });

  it('accepts commas in the viewBox and falls back to width and height', () => {
    expect(svgSize("<svg viewBox='-8,-8,100,50'>")).toEqual({ width: 100, height: 50 });
    expect(svgSize('<svg width="120" height="80">')).toEqual({ width: 120, height: 80 });
  });

  it('gives null when there is no usable size', () => {
    expect(svgSize('<div></div>')).toBeNull();
    expect(svgSize('<svg width="100%" viewBox="0 0 0 10">')).toBeNull();
    expect(svgSize('<svg viewBox="0 0 NaN 10" stroke-width="2">')).toBeNull();
  });
});

describe('pngSize', () => {
  it('scales the drawing', () => {
    expect(pngSize({ width: 630.4, height: 149.5 }, 2)).toEqual({ width: 1260, height: 299 });
  });

  it('keeps within what a canvas can hold: 16,384 px a side, 64 million pixels', () => {
    const wide = pngSize({ width: 20_000, height: 100 }, 2);
    expect(wide.width).toBeLessThanOrEqual(16_384);
    const big = pngSize({ width: 9000, height: 9000 }, 2);
    expect(big.width * big.height).toBeLessThanOrEqual(64_000_000);
    expect(big.width).toBe(big.height);
  });

  it('treats a nonsense scale as 1', () => {
    expect(pngSize({ width: 10, height: 20 }, Number.NaN)).toEqual({ width: 10, height: 20 });
    expect(pngSize({ width: 10, height: 20 }, -3)).toEqual({ width: 10, height: 20 });
  });
});

describe('diagramFileName', () => {
  it('makes a file name, never a path, from any title', () => {
    expect(diagramFileName('Orders: data flow', 'svg')).toBe('Orders data flow.svg');
    expect(diagramFileName('../../etc/passwd', 'png')).toBe('etc passwd.png');
    expect(diagramFileName('a\u0000b\nc\\d', 'svg')).toBe('a b c d.svg');
    expect(diagramFileName('   ', 'png')).toBe('diagram.png');
    expect(diagramFileName('x'.repeat(500), 'svg')).toHaveLength(124);
  });
});

describe('bytesToBase64', () => {
  it('encodes like Node does, also past the chunk size', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});
