// How a live block looks in every view: its colour and pattern (by request id, by
// tag, or by age: old to new along a colour-blind-safe ramp), and its body drawn with
// the bytes beyond the request (internal fragmentation) as a faded, hatched tail.

import type Phaser from 'phaser';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { blockColour, blockPattern, fade, tagColour, tagPattern, type Pattern } from '../palette.ts';
import { drawPattern, hatch, type Rect } from './patterns.ts';

export interface BlockLook {
  readonly colour: number;
  readonly pattern: Pattern;
}

export type ColourBy = 'id' | 'tag' | 'age';

/** The upper part of viridis (its darkest steps vanish on the dark background), oldest first. */
const AGE_RAMP = [0x3b528b, 0x21918c, 0x5ec962, 0xaadc32, 0xfde725] as const;
const AGE_PATTERNS: readonly Pattern[] = ['hbars', 'dots', 'plain', 'vbars', 'plain'];

/** Ids of the oldest and newest live blocks (request ids grow with time). */
export interface AgeRange {
  readonly oldest: number;
  readonly newest: number;
}

export function ageRangeOf(regions: readonly RegionView[]): AgeRange {
  let oldest = Infinity;
  let newest = -Infinity;
  for (const r of regions) {
    if (r.state !== 'live' || r.id === undefined) continue;
    oldest = Math.min(oldest, r.id);
    newest = Math.max(newest, r.id);
  }
  return Number.isFinite(oldest) ? { oldest, newest } : { oldest: 0, newest: 0 };
}

export function blockLook(region: RegionView, colourBy: ColourBy = 'id', ages?: AgeRange): BlockLook {
  if (colourBy === 'tag' && region.tag !== undefined) return { colour: tagColour(region.tag), pattern: tagPattern(region.tag) };
  if (colourBy === 'age' && ages && region.id !== undefined) {
    const span = Math.max(1, ages.newest - ages.oldest);
    const step = Math.min(AGE_RAMP.length - 1, Math.floor(((region.id - ages.oldest) / span) * AGE_RAMP.length));
    return { colour: AGE_RAMP[step] ?? AGE_RAMP[0], pattern: AGE_PATTERNS[step] ?? 'plain' };
  }
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
