// Fill patterns and dashed strokes on a Phaser Graphics, clipped by hand to their
// rectangle (Phaser 4 keeps geometry masks for Canvas only). Patterns are how a
// block, a tail of internal fragmentation or a dead object differs without colour.

import type Phaser from 'phaser';
import { blockColour, blockPattern, type Pattern } from '../palette.ts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Parallel diagonals across a rectangle, rising or falling, `spacing` px apart. */
function diagonals(g: Phaser.GameObjects.Graphics, r: Rect, spacing: number, rising: boolean): void {
  for (let c = -r.h + spacing / 2; c < r.w; c += spacing) {
    const tMin = Math.max(0, -c);
    const tMax = Math.min(r.h, r.w - c);
    if (tMin >= tMax) continue;
    if (rising) g.lineBetween(r.x + c + tMin, r.y + r.h - tMin, r.x + c + tMax, r.y + r.h - tMax);
    else g.lineBetween(r.x + c + tMin, r.y + tMin, r.x + c + tMax, r.y + tMax);
  }
}

/** Diagonal lines ("/") across a rectangle: the mark of internal fragmentation. */
export function hatch(g: Phaser.GameObjects.Graphics, r: Rect, colour: number, alpha = 1, spacing = 6, width = 1.5): void {
  if (r.w <= 0 || r.h <= 0) return;
  g.lineStyle(width, colour, alpha);
  diagonals(g, r, spacing, true);
}

/** Both diagonals: the mark of something refused or dead. */
export function crossHatch(g: Phaser.GameObjects.Graphics, r: Rect, colour: number, alpha = 1, spacing = 8): void {
  if (r.w <= 0 || r.h <= 0) return;
  g.lineStyle(1.5, colour, alpha);
  diagonals(g, r, spacing, true);
  diagonals(g, r, spacing, false);
}

/** A block's identity pattern over its colour (see palette.blockPattern). */
export function drawPattern(g: Phaser.GameObjects.Graphics, pattern: Pattern, r: Rect, colour: number, alpha = 0.35): void {
  if (pattern === 'plain' || r.w < 4 || r.h < 4) return;
  const step = 6;
  if (pattern === 'dots') {
    g.fillStyle(colour, alpha);
    for (let y = r.y + step / 2; y < r.y + r.h - 1; y += step) {
      for (let x = r.x + step / 2; x < r.x + r.w - 1; x += step) g.fillRect(x - 1, y - 1, 2, 2);
    }
    return;
  }
  g.lineStyle(1.5, colour, alpha);
  if (pattern === 'vbars') {
    for (let x = r.x + step / 2; x < r.x + r.w; x += step) g.lineBetween(x, r.y + 1, x, r.y + r.h - 1);
  } else {
    for (let y = r.y + step / 2; y < r.y + r.h; y += step) g.lineBetween(r.x + 1, y, r.x + r.w - 1, y);
  }
}

/** A dashed straight line (Graphics has no dash style of its own). */
export function dashedLine(g: Phaser.GameObjects.Graphics, x1: number, y1: number, x2: number, y2: number, dash = 6, gap = 4): void {
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length === 0) return;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  for (let d = 0; d < length; d += dash + gap) {
    const e = Math.min(length, d + dash);
    g.lineBetween(x1 + ux * d, y1 + uy * d, x1 + ux * e, y1 + uy * e);
  }
}

/**
 * A polyline stroked solid, dashed or dotted in the current line and fill style, the
 * dash pattern running on across its points (so many short segments still show dashes).
 */
export function strokePath(g: Phaser.GameObjects.Graphics, points: readonly { x: number; y: number }[], style: 'solid' | 'dashed' | 'dotted'): void {
  const on = style === 'dashed' ? 8 : 0;
  const period = style === 'dashed' ? 13 : 6;
  let phase = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b) continue;
    if (style === 'solid') {
      g.lineBetween(a.x, a.y, b.x, b.y);
      continue;
    }
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length === 0) continue;
    const at = (d: number): { x: number; y: number } => ({ x: a.x + ((b.x - a.x) * d) / length, y: a.y + ((b.y - a.y) * d) / length });
    // `phase` is how far into the pattern's period this segment starts.
    for (let d = -phase; d < length; d += period) {
      if (style === 'dotted') {
        if (d >= 0) {
          const p = at(d);
          g.fillCircle(p.x, p.y, 1.8);
        }
        continue;
      }
      const from = Math.max(0, d);
      const to = Math.min(length, d + on);
      if (to > from) {
        const p = at(from);
        const q = at(to);
        g.lineBetween(p.x, p.y, q.x, q.y);
      }
    }
    phase = (phase + length) % period;
  }
}

/** A dashed rectangle outline in the current line style. */
export function dashedRect(g: Phaser.GameObjects.Graphics, r: Rect, dash = 6, gap = 4): void {
  dashedLine(g, r.x, r.y, r.x + r.w, r.y, dash, gap);
  dashedLine(g, r.x + r.w, r.y, r.x + r.w, r.y + r.h, dash, gap);
  dashedLine(g, r.x + r.w, r.y + r.h, r.x, r.y + r.h, dash, gap);
  dashedLine(g, r.x, r.y + r.h, r.x, r.y, dash, gap);
}

export function contains(r: Rect, px: number, py: number): boolean {
  return px >= r.x && px < r.x + r.w && py >= r.y && py < r.y + r.h;
}

/** The coloured, patterned stripe down the left of a card or chip that stands for request `id`. */
export function drawIdStripe(g: Phaser.GameObjects.Graphics, r: Rect, id: number, radius: number): void {
  g.fillStyle(blockColour(id), 1).fillRoundedRect(r.x, r.y, r.w, r.h, { tl: radius, bl: radius, tr: 0, br: 0 });
  drawPattern(g, blockPattern(id), r, 0x000000, 0.35);
}
