import { describe, it, expect } from 'vitest';
import { alloc } from '../../../shared/core/stream.ts';
import { buildEngine } from '../../../shared/match/build.ts';
import { playOut, policyChooser } from '../../../shared/match/engine.ts';
import { alignedFit, windowFor } from '../../../shared/match/aligned-fit.ts';
import { lectureHeapConfig } from '../../../shared/freelist/index.ts';
import { generatePattern } from '../../../shared/streams/patterns.ts';
import type { RoundConfig } from '../../../shared/match/match.ts';
import type { Stream } from '../../../shared/streams/schedule.ts';

function round(events: Stream): RoundConfig {
  return { kind: 'freelist', options: lectureHeapConfig(null), source: { source: 'events', events }, seed: 0, timePerRequestMs: null, fallback: 'first-fit-address' };
}

function play(events: Stream, check = false) {
  const built = buildEngine(round(events));
  if (!built.ok) throw new Error(built.message);
  const { engine } = built.value;
  const choose = policyChooser(engine, alignedFit);
  playOut(engine, check ? (a, r) => { a.check(); return choose(a, r); } : choose, 'aligned-fit');
  engine.allocator.check();
  return engine;
}

describe('aligned fit', () => {
  it('[MATCH-POL-1] windows are the power of two at or above the block, at most a 64-byte page', () => {
    expect([1, 2, 3, 4, 5, 9, 16, 17, 33, 64, 65, 500].map((n) => windowFor(n))).toEqual([1, 2, 4, 4, 8, 16, 16, 32, 64, 64, 64, 64]);
  });

  it('[MATCH-POL-1] each block takes the lowest start aligned to its window inside a free block, else past the free tail', () => {
    const engine = play([alloc(0, 3), alloc(1, 10), alloc(2, 5), alloc(3, 4), alloc(4, 2), alloc(5, 70)]);
    // 3 at 0; 10 at 16 (the heap grows past the 13-byte gap); 5 at 8 and 4 at 4 inside the gap; 2 at 14; 70 at the next page, 64
    expect(engine.allocator.walk().map((r) => `${r.state}@${r.start}+${r.size}`)).toEqual([
      'live@0+3', 'free@3+1', 'live@4+4', 'live@8+5', 'free@13+1', 'live@14+2', 'live@16+10', 'free@26+38', 'live@64+70',
    ]);
    expect(engine.summary().peakHeap).toBe(134);
  });

  for (const seed of [1, 2, 3]) {
    it(`[MATCH-POL-1] seed ${seed}: no block of a page or less straddles a page; every start is aligned to its window; the heap checks out`, () => {
      const events = generatePattern({ pattern: 'lifetimes', allocs: 400, sizes: { kind: 'uniform', min: 1, max: 80 }, freeAtEnd: false }, seed);
      const engine = play(events, true);
      for (const r of engine.allocator.walk()) {
        if (r.state !== 'live') continue;
        expect(r.start % windowFor(r.size)).toBe(0);
        if (r.size <= 64) expect(Math.floor(r.start / 64)).toBe(Math.floor((r.start + r.size - 1) / 64));
      }
    });
  }
});
