// How a live block looks in every view: its colour and pattern (by request id, or by
// tag when the view colours by tag), and its body drawn with the bytes beyond the
// request (internal fragmentation) as a faded, hatched tail.

import type Phaser from 'phaser';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { blockColour, blockPattern, fade, tagColour, tagPattern, type Pattern } from '../palette.ts';
import { drawPattern, hatch, type Rect } from './patterns.ts';

export interface BlockLook {
  readonly colour: number;
  readonly pattern: Pattern;
}

export function blockLook(region: RegionView, colourBy: 'id' | 'tag' = 'id'): BlockLook {
  if (colourBy === 'tag' && region.tag !== undefined) return { colour: tagColour(region.tag), pattern: tagPattern(region.tag) };
  const id = region.id ?? 0;
  return { colour: blockColour(id), pattern: blockPattern(id) };
}

/** Fills `rect` as a block whose first `bodyW` px were requested and the rest is tail. */
export function drawBlockBody(g: Phaser.GameObjects.Graphics, rect: Rect, bodyW: number, look: BlockLook): void {
  const body = Math.max(0, Math.min(rect.w, bodyW));
  g.fillStyle(look.colour, 1).fillRect(rect.x, rect.y, Math.max(1, body), rect.h);
  drawPattern(g, look.pattern, { ...rect, w: body }, 0x000000, 0.28);
  if (body >= rect.w) return;
  const tail = { x: rect.x + body, y: rect.y, w: rect.w - body, h: rect.h };
  g.fillStyle(fade(look.colour, 0.6), 1).fillRect(tail.x, tail.y, tail.w, tail.h);
  hatch(g, tail, look.colour, 1, 5, 1.5);
}
