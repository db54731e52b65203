// A chart as plain data, in pixels: what the layout functions produce and
// the SVG writer draws. Keeping the geometry here (not inside a renderer)
// is what lets the tests assert it: lanes, marks, and labels that never overlap.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextLine {
  text: string;
  size: number;
  bold?: boolean;
  color: string;
}

/** A text block: one or more lines, left-aligned at x, top at y; `box` is the space it takes. */
export interface Label {
  box: Rect;
  lines: TextLine[];
  /** A backing plate behind the text, so it stays readable over lines. */
  plate?: string;
  /** The quote the label cites, when it cites one. */
  quoteId?: string;
}

export type Shape =
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; approximate: boolean; quoteId?: string }
  | { kind: 'bar'; rect: Rect; fill: string; approximate: boolean; quoteId?: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: string; quoteId?: string }
  | { kind: 'box'; rect: Rect; fill: string; stroke?: string; radius: number };

export interface Chart {
  width: number;
  height: number;
  background: string;
  /** Drawn first to last. */
  shapes: Shape[];
  labels: Label[];
  /** Alt text: what the picture shows, in words. */
  description: string;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}
