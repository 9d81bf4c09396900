import type { Layout } from '../threats/model';
import { asNumber, isObject } from './common';

// Points, boxes and segments: containment and crossing for the importers and the layout.

export type Point = { readonly x: number; readonly y: number };

export const centre = (l: Layout): Point => ({ x: l.x + l.width / 2, y: l.y + l.height / 2 });

export const inside = (p: Point, box: Layout): boolean =>
  p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Whether segments ab and cd cross (touching counts). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** Whether the segment ab crosses the polyline. */
export function crossesPolyline(a: Point, b: Point, line: readonly Point[]): boolean {
  for (let i = 1; i < line.length; i++) {
    const p = line[i - 1];
    const q = line[i];
    if (p && q && segmentsCross(a, b, p, q)) return true;
  }
  return false;
}

export function pointOf(v: unknown): Point | null {
  if (!isObject(v)) return null;
  const x = asNumber(v.x);
  const y = asNumber(v.y);
  return x === null || y === null ? null : { x, y };
}

export function layoutOf(position: unknown, size: unknown): Layout | undefined {
  const p = pointOf(position);
  if (!p || !isObject(size)) return undefined;
  const width = asNumber(size.width);
  const height = asNumber(size.height);
  if (width === null || height === null || width < 0 || height < 0) return undefined;
  if (![p.x, p.y, width, height].every((n) => Math.abs(n) < 1e9)) return undefined;
  return { x: p.x, y: p.y, width, height };
}
