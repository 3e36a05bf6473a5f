// Turns planned objects (a size, a tag, a birth and a death time) into a stream of
// alloc/free events, and draws lifetimes whose tags hint at how long an object
// lives. Time counts allocations: an object born at step t is the t-th alloc; one
// that dies at step d is freed just before the d-th alloc.

import { alloc, free, type StreamEvent } from '../core/stream.ts';
import { nextFloat, nextInt, type PrngState } from '../core/prng.ts';
import { pickWeighted } from './sizes.ts';

export type Stream = readonly StreamEvent[];

export interface PlannedObject {
  readonly size: number;
  readonly tag?: string;
  /** The step at which it is allocated. */
  readonly birth: number;
  /** The step before which it is freed (> birth); Infinity for never. */
  readonly death: number;
}

/** A family of objects with similar lifetimes (in allocation steps), named by its tag. */
export interface LifetimeClass {
  readonly tag: string;
  readonly weight: number;
  readonly min: number;
  readonly max: number;
}

/** A program's usual mix: many temporaries, some per-request data, a few long-lived objects. */
export const PROGRAM_LIFETIMES: readonly LifetimeClass[] = [
  { tag: 'temp', weight: 6, min: 1, max: 6 },
  { tag: 'request', weight: 3, min: 10, max: 60 },
  { tag: 'session', weight: 1, min: 200, max: 800 },
];

/**
 * The events for `objects`; object i gets id `firstId + i`. At each step the frees
 * due come first (oldest birth first), then the step's allocs in list order.
 */
export function scheduleObjects(objects: readonly PlannedObject[], firstId = 0): StreamEvent[] {
  const order: { time: number; isAlloc: number; rank: number; event: StreamEvent }[] = [];
  objects.forEach((o, i) => {
    if (!(o.death > o.birth)) throw new Error(`scheduleObjects: object ${i} dies at ${o.death}, not after its birth ${o.birth}`);
    const id = firstId + i;
    order.push({ time: o.birth, isAlloc: 1, rank: i, event: alloc(id, o.size, o.tag) });
    if (Number.isFinite(o.death)) order.push({ time: o.death, isAlloc: 0, rank: o.birth * objects.length + i, event: free(id) });
  });
  order.sort((a, b) => a.time - b.time || a.isAlloc - b.isAlloc || a.rank - b.rank);
  return order.map((e) => e.event);
}

/** A lifetime class by weight, then a lifetime inside its range. */
export function drawLifetime(classes: readonly LifetimeClass[], prng: PrngState): { cls: LifetimeClass; lifetime: number } {
  const cls = pickWeighted(classes, classes.map((c) => c.weight), prng);
  return { cls, lifetime: nextInt(prng, cls.min, cls.max) };
}

/**
 * The tag a request carries: its true class's tag with probability `accuracy`,
 * otherwise another class's tag (a wrong hint, as call sites sometimes are).
 */
export function hintTag(truth: LifetimeClass, classes: readonly LifetimeClass[], accuracy: number, prng: PrngState): string {
  const others = classes.filter((c) => c.tag !== truth.tag);
  if (others.length === 0 || nextFloat(prng) < accuracy) return truth.tag;
  return pickWeighted(others, undefined, prng).tag;
}
