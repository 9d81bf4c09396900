import type { Platform, SaveResult } from '../platform/types';

// Export of a rendered diagram (the sanitized SVG string from renderDiagram) as an SVG
// file or a PNG picture. Mermaid's SVG is serialized as HTML and sized to its container
// (`width="100%"`); a file needs well-formed XML and a size of its own, taken from the
// viewBox.

export type DiagramSize = { readonly width: number; readonly height: number };

/** A PNG ready for a binary-capable save: the bytes as base64, with its type and name. */
export type PngFile = {
  readonly mimeType: 'image/png';
  readonly fileName: string;
  readonly base64: string;
};

// Chromium refuses canvases past 16,384 px a side, and a huge one costs memory for
// nothing: a picture is scaled down to fit both limits rather than fail.
const MAX_SIDE = 16_384;
const MAX_AREA = 64_000_000;
// Chromium reads a download's blob after the click returns; see renderer/platform/browser.ts.
const REVOKE_AFTER_MS = 30_000;

const ROOT_SVG = /<svg\b(?:"[^"]*"|'[^']*'|[^'">])*>/i;
const attributeOf = (tag: string, name: string): string | undefined => {
  const m = new RegExp(String.raw`\s${name}\s*=\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return m?.[1] ?? m?.[2];
};

/** The drawing's own size in CSS pixels, from the root element's viewBox (or width and height). */
export function svgSize(svg: string): DiagramSize | null {
  const tag = ROOT_SVG.exec(svg)?.[0];
  if (!tag) return null;
  const box = attributeOf(tag, 'viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box?.length === 4) {
    const [, , width = NaN, height = NaN] = box;
    if (width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))
      return { width, height };
  }
  const width = parseFloat(attributeOf(tag, 'width') ?? '');
  const height = parseFloat(attributeOf(tag, 'height') ?? '');
  // `width="100%"` is Mermaid's default and says nothing about the drawing.
  if (width > 0 && height > 0 && !(attributeOf(tag, 'width') ?? '').includes('%'))
    return { width, height };
  return null;
}

/** Pixel size of the PNG for a scale, reduced to what a canvas can hold. */
export function pngSize(size: DiagramSize, scale: number): DiagramSize {
  let s = Number.isFinite(scale) && scale > 0 ? scale : 1;
  s = Math.min(s, MAX_SIDE / size.width, MAX_SIDE / size.height);
  s = Math.min(s, Math.sqrt(MAX_AREA / (size.width * size.height)));
  return {
    width: Math.max(1, Math.floor(size.width * s)),
    height: Math.max(1, Math.floor(size.height * s)),
  };
}

/** A file name from a title: no path separators or control characters, never empty. */
export function diagramFileName(title: string, extension: 'svg' | 'png'): string {
  const base = title
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .slice(0, 120)
    .trim();
  return `${base === '' ? 'diagram' : base}.${extension}`;
}

/**
 * The diagram as a standalone SVG document: well-formed XML, the SVG namespace, a size
 * from its viewBox and, if given, a background colour (a dark-theme drawing is light text
 * on nothing). Parsed in an inert document: nothing in the string runs or loads.
 */
export function standaloneSvg(svg: string, background?: string): string {
  const parsed = new DOMParser().parseFromString(svg, 'text/html');
  const root = parsed.querySelector('svg');
  if (!root) throw new Error('There is no drawing to export.');
  const size = svgSize(svg);
  root.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (size) {
    root.setAttribute('width', String(size.width));
    root.setAttribute('height', String(size.height));
  }
  // Mermaid's `max-width: …px` fits the page; a file keeps its own size.
  root.style.removeProperty('max-width');
  if (background !== undefined) root.style.setProperty('background-color', background);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
}

/** The diagram as an SVG file's Blob. */
export function svgToBlob(svg: string, background?: string): Blob {
  return new Blob([standaloneSvg(svg, background)], { type: 'image/svg+xml' });
}

/**
 * The diagram as a PNG, drawn through an <img> of the SVG (a blob: URL, which the CSP's
 * img-src allows) onto a canvas. A same-origin SVG without <foreignObject> (labels are SVG
 * text) leaves the canvas untainted, so toBlob may read it back.
 */
export async function svgToPngBlob(svg: string, scale = 2, background = '#ffffff'): Promise<Blob> {
  const size = svgSize(svg);
  if (!size) throw new Error('The drawing has no size to export.');
  const { width, height } = pngSize(size, scale);
  const url = URL.createObjectURL(svgToBlob(svg));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw a picture (no 2D canvas).');
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => {
        if (blob) resolve(blob);
        else reject(new Error('The picture could not be encoded as PNG.'));
      }, 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Bytes as base64, in chunks: one String.fromCharCode over megabytes overflows the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** The PNG with its name and type, base64-encoded for a host save that takes text. */
export async function diagramPngFile(svg: string, title: string, scale = 2): Promise<PngFile> {
  const blob = await svgToPngBlob(svg, scale);
  return {
    mimeType: 'image/png',
    fileName: diagramFileName(title, 'png'),
    base64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())),
  };
}

/** Saves the diagram as an SVG file through the platform (a dialog on desktop, a download in a browser). */
export function saveDiagramSvg(platform: Platform, svg: string, title: string) {
  return platform.saveFile({
    suggestedName: diagramFileName(title, 'svg'),
    content: standaloneSvg(svg, '#ffffff'),
    mimeType: 'image/svg+xml',
    filters: [{ name: 'SVG image', extensions: ['svg'] }],
  });
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, REVOKE_AFTER_MS);
}

/**
 * Saves the diagram as a PNG: in a browser a download of the Blob, on desktop the save
 * dialog with the bytes carried as base64 (the bridge moves text).
 */
export async function saveDiagramPng(
  platform: Platform,
  svg: string,
  title: string,
  scale = 2,
): Promise<SaveResult> {
  if (platform.kind === 'desktop') {
    const file = await diagramPngFile(svg, title, scale);
    return platform.saveFile({
      suggestedName: file.fileName,
      content: file.base64,
      encoding: 'base64',
      mimeType: file.mimeType,
      filters: [{ name: 'PNG image', extensions: ['png'] }],
    });
  }
  const fileName = diagramFileName(title, 'png');
  download(await svgToPngBlob(svg, scale), fileName);
  return { saved: true, fileName };
}
