import { describe, it, expect } from 'vitest';
import { generatePattern, type PatternSpec } from '../../../shared/streams/patterns.ts';
import { checkStream, measureStream } from '../../../shared/streams/measure.ts';
import type { SizeDistribution } from '../../../shared/streams/sizes.ts';
import { scheduleObjects } from '../../../shared/streams/schedule.ts';
import { alloc, free, type StreamEvent } from '../../../shared/core/stream.ts';

const U: SizeDistribution = { kind: 'uniform', min: 8, max: 64 };

const SPECS: readonly PatternSpec[] = [
  { pattern: 'ramp', count: 50, sizes: U },
  { pattern: 'ramp', count: 50, sizes: U, freeAtEnd: true },
  { pattern: 'peaks', peaks: 4, perPeak: 30, sizes: U, survivors: 0.1 },
  { pattern: 'plateau', count: 20, sizes: U, churn: 100, churnLife: 5 },
  { pattern: 'lifetimes', allocs: 300, sizes: U, tagAccuracy: 0.8 },
  {
    pattern: 'mixture', mode: 'interleave', parts: [
      { pattern: 'ramp', count: 20, sizes: U },
      { pattern: 'peaks', peaks: 2, perPeak: 10, sizes: U },
    ],
  },
];

/** The id of every live block after each event, replayed by hand. */
function liveAfter(stream: readonly StreamEvent[]): Set<number> {
  const live = new Set<number>();
  for (const e of stream) {
    if (e.op === 'free') live.delete(e.id);
    else live.add(e.id);
  }
  return live;
}

describe('pattern generators', () => {
  for (const [i, spec] of SPECS.entries()) {
    it(`[ST-GEN-1] ${spec.pattern} #${i}: the same seed gives the same stream, another seed another`, () => {
      expect(generatePattern(spec, 7)).toEqual(generatePattern(spec, 7));
      expect(generatePattern(spec, 7)).not.toEqual(generatePattern(spec, 8));
    });
    for (const seed of [1, 2, 3]) {
      it(`[ST-GEN-2] ${spec.pattern} #${i} seed ${seed}: well formed`, () => {
        expect(checkStream(generatePattern(spec, seed))).toEqual({ ok: true, value: null });
      });
    }
  }

  it('[ST-GEN-3] frees due at a step come before the step\'s alloc, oldest birth first', () => {
    const events = scheduleObjects([
      { size: 1, birth: 0, death: 2 },
      { size: 2, birth: 1, death: 2 },
      { size: 3, birth: 2, death: Infinity },
    ]);
    expect(events).toEqual([alloc(0, 1), alloc(1, 2), free(0), free(1), alloc(2, 3)]);
  });

  it('[ST-PAT-1] a ramp never frees; with freeAtEnd it frees everything after the last alloc', () => {
    const ramp = generatePattern({ pattern: 'ramp', count: 40, sizes: U }, 3);
    expect(ramp.every((e) => e.op === 'alloc')).toBe(true);
    expect(ramp).toHaveLength(40);
    const freed = generatePattern({ pattern: 'ramp', count: 40, sizes: U, freeAtEnd: true }, 3);
    expect(freed.slice(0, 40).every((e) => e.op === 'alloc')).toBe(true);
    expect(freed.slice(40).every((e) => e.op === 'free')).toBe(true);
    expect(liveAfter(freed).size).toBe(0);
  });

  it('[ST-PAT-2] every block of a peak is dead before the next peak starts; survivors are tagged kept', () => {
    const stream = generatePattern({ pattern: 'peaks', peaks: 3, perPeak: 20, sizes: U, survivors: 0.2 }, 11);
    const live = new Map<number, string>();
    for (const e of stream) {
      if (e.op === 'alloc') {
        const peak = e.tag?.startsWith('peak-') ? e.tag : null;
        if (peak) {
          for (const [, tag] of live) expect(tag === 'kept' || tag === peak).toBe(true);
        }
        live.set(e.id, e.tag ?? '');
      } else if (e.op === 'free') {
        live.delete(e.id);
      }
    }
    const left = [...live.values()];
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((t) => t === 'kept')).toBe(true);
  });

  it('[ST-PAT-3] the plateau is held through the churn and freed at the end', () => {
    const stream = generatePattern({ pattern: 'plateau', count: 10, sizes: U, churn: 50, churnLife: 4 }, 5);
    const plateauIds = stream.filter((e) => e.op === 'alloc' && e.tag === 'plateau').map((e) => e.id);
    expect(plateauIds).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const lastAlloc = stream.map((e) => e.op).lastIndexOf('alloc');
    const firstPlateauFree = stream.findIndex((e) => e.op === 'free' && plateauIds.includes(e.id));
    expect(firstPlateauFree).toBeGreaterThan(lastAlloc);
    expect(liveAfter(stream).size).toBe(0);
  });

  it('[ST-PAT-4] tags hint at lifetimes: with accuracy 1, temp dies sooner than request, request sooner than session', () => {
    const stream = generatePattern({ pattern: 'lifetimes', allocs: 2000, sizes: U, freeAtEnd: true }, 21);
    const born = new Map<number, { step: number; tag: string }>();
    const lifetimes = new Map<string, number[]>();
    let step = 0;
    for (const e of stream) {
      if (e.op === 'alloc') born.set(e.id, { step: step++, tag: e.tag ?? '' });
      else if (e.op === 'free' && step < 2000) {
        const b = born.get(e.id);
        if (!b) throw new Error('free before alloc');
        const list = lifetimes.get(b.tag) ?? [];
        list.push(step - b.step);
        lifetimes.set(b.tag, list);
      }
    }
    const maxOf = (tag: string) => Math.max(...(lifetimes.get(tag) ?? []));
    const minOf = (tag: string) => Math.min(...(lifetimes.get(tag) ?? []));
    expect(maxOf('temp')).toBeLessThanOrEqual(6);
    expect(minOf('request')).toBeGreaterThanOrEqual(10);
    expect(maxOf('request')).toBeLessThanOrEqual(60);
    expect(minOf('session')).toBeGreaterThanOrEqual(200);
  });

  it('[ST-PAT-4] with accuracy below 1 some tags are wrong, most are right', () => {
    const spec: PatternSpec = { pattern: 'lifetimes', allocs: 2000, sizes: U, tagAccuracy: 0.7, freeAtEnd: true };
    const stream = generatePattern(spec, 4);
    const born = new Map<number, { step: number; tag: string }>();
    let step = 0;
    let tempTagged = 0;
    let tempWrong = 0;
    for (const e of stream) {
      if (e.op === 'alloc') born.set(e.id, { step: step++, tag: e.tag ?? '' });
      else if (e.op === 'free') {
        const b = born.get(e.id);
        if (b?.tag === 'temp') {
          tempTagged++;
          if (step - b.step > 6) tempWrong++;
        }
      }
    }
    expect(tempWrong).toBeGreaterThan(0);
    expect(tempWrong / tempTagged).toBeLessThan(0.5);
  });

  it('[ST-PAT-5] sequence shifts each part past the earlier ids; interleave keeps each part in order', () => {
    const a: PatternSpec = { pattern: 'ramp', count: 5, sizes: U, tag: 'a' };
    const b: PatternSpec = { pattern: 'peaks', peaks: 2, perPeak: 4, sizes: U };
    const seq = generatePattern({ pattern: 'mixture', mode: 'sequence', parts: [a, b] }, 9);
    expect(seq.slice(0, 5).map((e) => e.id)).toEqual([0, 1, 2, 3, 4]);
    expect(seq.slice(5).every((e) => e.id >= 5)).toBe(true);
    expect(seq).toHaveLength(5 + 16);

    const mixed = generatePattern({ pattern: 'mixture', mode: 'interleave', parts: [a, b] }, 9);
    const partA = mixed.filter((e) => e.id < 5);
    const partB = mixed.filter((e) => e.id >= 5);
    expect(partA.map((e) => e.id)).toEqual([0, 1, 2, 3, 4]);
    expect(partB.map((e) => `${e.op}${e.id}`)).toEqual(seq.slice(5).map((e) => `${e.op}${e.id}`));
    expect(mixed.map((e) => e.id)).not.toEqual(seq.map((e) => e.id));
    expect(checkStream(mixed).ok).toBe(true);
    expect(measureStream(mixed).allocs).toBe(13);
  });
});
