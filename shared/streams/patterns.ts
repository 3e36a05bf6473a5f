// Generators for the lecture's program patterns (Wilson et al.): ramps (accumulate,
// never free), peaks (allocate many, then free them all), plateaus (allocate, hold
// long), random lifetimes with tags that hint at them, and mixtures of these.
// A pattern is plain data; the same pattern and seed always give the same stream.

import { createPrng, nextFloat, nextUint32, type PrngState } from '../core/prng.ts';
import type { StreamEvent } from '../core/stream.ts';
import { drawSize, type SizeDistribution } from './sizes.ts';
import {
  PROGRAM_LIFETIMES, drawLifetime, hintTag, scheduleObjects,
  type LifetimeClass, type PlannedObject, type Stream,
} from './schedule.ts';

export type PatternSpec =
  /** `count` allocations that are never freed (or all freed at the end). */
  | { readonly pattern: 'ramp'; readonly count: number; readonly sizes: SizeDistribution; readonly tag?: string; readonly freeAtEnd?: boolean }
  /**
   * `peaks` rounds of `perPeak` allocations (tag `peak-<i>`) that all die together
   * before the next round; a fraction `survivors` of them (tag `kept`) is never freed.
   */
  | { readonly pattern: 'peaks'; readonly peaks: number; readonly perPeak: number; readonly sizes: SizeDistribution; readonly survivors?: number }
  /**
   * `count` long-lived objects (tag `plateau`) held while `churn` short-lived ones
   * (tag `temp`, 1 to `churnLife` steps each) come and go; the plateau is freed at the end.
   */
  | {
      readonly pattern: 'plateau';
      readonly count: number;
      readonly sizes: SizeDistribution;
      readonly churn: number;
      readonly churnSizes?: SizeDistribution;
      readonly churnLife: number;
    }
  /** `allocs` objects, each of a lifetime class, tagged with a hint that is right with probability `tagAccuracy`. */
  | {
      readonly pattern: 'lifetimes';
      readonly allocs: number;
      readonly sizes: SizeDistribution;
      readonly classes?: readonly LifetimeClass[];
      readonly tagAccuracy?: number;
      readonly freeAtEnd?: boolean;
    }
  /** Parts one after another (`sequence`) or shuffled together, each part keeping its own order (`interleave`). */
  | { readonly pattern: 'mixture'; readonly mode: 'sequence' | 'interleave'; readonly parts: readonly PatternSpec[] };

/** The stream of a pattern for a seed. Ids run from 0 in allocation order. */
export function generatePattern(spec: PatternSpec, seed: number): Stream {
  const prng = createPrng(seed);
  switch (spec.pattern) {
    case 'ramp':
      return scheduleObjects(planRamp(spec.count, spec.sizes, spec.tag ?? 'ramp', spec.freeAtEnd ?? false, prng));
    case 'peaks':
      return scheduleObjects(planPeaks(spec.peaks, spec.perPeak, spec.sizes, spec.survivors ?? 0, prng));
    case 'plateau':
      return scheduleObjects(planPlateau(spec, prng));
    case 'lifetimes':
      return scheduleObjects(planLifetimes(spec, prng));
    case 'mixture':
      return mixParts(spec.mode, spec.parts.map((part) => generatePattern(part, nextUint32(prng))), prng);
  }
}

function planRamp(count: number, sizes: SizeDistribution, tag: string, freeAtEnd: boolean, prng: PrngState): PlannedObject[] {
  const death = freeAtEnd ? count : Infinity;
  return Array.from({ length: count }, (_, t) => ({ size: drawSize(sizes, prng), tag, birth: t, death }));
}

function planPeaks(peaks: number, perPeak: number, sizes: SizeDistribution, survivors: number, prng: PrngState): PlannedObject[] {
  const objects: PlannedObject[] = [];
  for (let p = 0; p < peaks; p++) {
    const peakEnd = (p + 1) * perPeak;
    for (let k = 0; k < perPeak; k++) {
      const size = drawSize(sizes, prng);
      const kept = nextFloat(prng) < survivors;
      objects.push({ size, tag: kept ? 'kept' : `peak-${p}`, birth: p * perPeak + k, death: kept ? Infinity : peakEnd });
    }
  }
  return objects;
}

function planPlateau(spec: Extract<PatternSpec, { pattern: 'plateau' }>, prng: PrngState): PlannedObject[] {
  const end = spec.count + spec.churn;
  const objects: PlannedObject[] = [];
  for (let t = 0; t < spec.count; t++) objects.push({ size: drawSize(spec.sizes, prng), tag: 'plateau', birth: t, death: end });
  for (let t = spec.count; t < end; t++) {
    const life = 1 + Math.floor(nextFloat(prng) * spec.churnLife);
    objects.push({ size: drawSize(spec.churnSizes ?? spec.sizes, prng), tag: 'temp', birth: t, death: Math.min(end, t + life) });
  }
  return objects;
}

function planLifetimes(spec: Extract<PatternSpec, { pattern: 'lifetimes' }>, prng: PrngState): PlannedObject[] {
  const classes = spec.classes ?? PROGRAM_LIFETIMES;
  const accuracy = spec.tagAccuracy ?? 1;
  const end = spec.allocs;
  return Array.from({ length: spec.allocs }, (_, t) => {
    const size = drawSize(spec.sizes, prng);
    const { cls, lifetime } = drawLifetime(classes, prng);
    const tag = hintTag(cls, classes, accuracy, prng);
    const dies = t + lifetime;
    const death = dies < end ? dies : spec.freeAtEnd ? end : Infinity;
    return { size, tag, birth: t, death };
  });
}

/** Renumbers every part's ids past the previous parts' ids, then concatenates or interleaves. */
function mixParts(mode: 'sequence' | 'interleave', parts: readonly Stream[], prng: PrngState): Stream {
  const renumbered: StreamEvent[][] = [];
  let offset = 0;
  for (const part of parts) {
    renumbered.push(part.map((e) => shiftId(e, offset)));
    offset += idSpan(part);
  }
  if (mode === 'sequence') return renumbered.flat();
  return interleave(renumbered, prng);
}

/** One more than the largest id in a stream (0 for an empty one). */
export function idSpan(stream: Stream): number {
  let span = 0;
  for (const e of stream) span = Math.max(span, e.id + 1);
  return span;
}

function shiftId(e: StreamEvent, offset: number): StreamEvent {
  return e.op === 'free' && e.id < 0 ? e : { ...e, id: e.id + offset };
}

/** Picks the next event from a part chosen with probability proportional to what it has left. */
function interleave(parts: readonly StreamEvent[][], prng: PrngState): StreamEvent[] {
  const cursors = parts.map(() => 0);
  let left = parts.reduce((n, p) => n + p.length, 0);
  const out: StreamEvent[] = [];
  while (left > 0) {
    let r = Math.floor(nextFloat(prng) * left);
    let i = 0;
    for (; i < parts.length; i++) {
      const remaining = (parts[i]?.length ?? 0) - (cursors[i] ?? 0);
      if (r < remaining) break;
      r -= remaining;
    }
    const part = parts[i] as StreamEvent[];
    const at = cursors[i] as number;
    out.push(part[at] as StreamEvent);
    cursors[i] = at + 1;
    left--;
  }
  return out;
}
