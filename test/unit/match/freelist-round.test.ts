import { describe, it, expect } from 'vitest';
import { playFreeList, FREELIST_POLICY_NAMES, lectureHeapConfig } from '../../../shared/freelist/index.ts';
import { generatePattern } from '../../../shared/streams/patterns.ts';
import { playPolicy } from '../../../shared/match/results.ts';
import { playClairvoyant } from '../../../shared/match/clairvoyant.ts';
import { applyMove, expire, startMatch, type MatchState, type RoundConfig } from '../../../shared/match/match.ts';
import { BEST_FIT_GONE_WRONG } from '../../../shared/streams/lecture.ts';
import { alloc, free, realloc } from '../../../shared/core/stream.ts';
import type { FreeListConfig } from '../../../shared/freelist/index.ts';
import type { Stream } from '../../../shared/streams/schedule.ts';

const round = (events: Stream, options: FreeListConfig, fallback = 'first-fit-address'): RoundConfig => ({
  kind: 'freelist', options, source: { source: 'events', events }, seed: 0, timePerRequestMs: null, fallback,
});

const C_STYLE: FreeListConfig = { align: 8, overhead: 8, header: 4, minBlock: 16, growth: 'sbrk', chunk: 256, limit: 1 << 20 };

function ok<T>(o: { ok: true; value: T } | { ok: false; code: string; message: string }): T {
  if (!o.ok) throw new Error(`${o.code}: ${o.message}`);
  return o.value;
}

describe('free-list rounds', () => {
  for (const seed of [11, 12]) {
    it(`[MATCH-REQ-5] seed ${seed}: every free-list policy measures under the match rules what the free list's own runner measures`, () => {
      const events = [
        ...generatePattern({ pattern: 'lifetimes', allocs: 300, sizes: { kind: 'exponential', mean: 40, min: 1, max: 600 }, freeAtEnd: true }, seed),
        alloc(5000, 10), realloc(5000, 100), realloc(5000, 20), alloc(5001, 0), realloc(5001, 7), realloc(5000, 0), free(-1),
      ];
      for (const name of FREELIST_POLICY_NAMES) {
        const ours = ok(playPolicy(round(events, C_STYLE), name));
        const theirs = ok(playFreeList(events, name, C_STYLE));
        const { policy: _p, peakInternalBytes, finalBreak: _b, timeline: _t, ...summary } = theirs;
        expect(ours.summary, name).toEqual(summary);
        expect(ours.peakInternalBytes, name).toBe(peakInternalBytes);
      }
    });
  }

  it('[MATCH-CLAIR-1] on best fit gone wrong the clairvoyant keeps the 19s together: no failure, where every policy fails once', () => {
    const config = round(BEST_FIT_GONE_WRONG.stream, lectureHeapConfig(99));
    for (const name of FREELIST_POLICY_NAMES) expect(ok(playPolicy(config, name)).summary.failures).toBe(1);
    const clair = ok(playClairvoyant(config, BEST_FIT_GONE_WRONG.stream));
    expect(clair.summary.failures).toBe(0);
    expect(clair.card.score).toBe(1000);
  });

  for (const seed of [21, 22, 23]) {
    it(`[MATCH-CLAIR-1] seed ${seed}: the clairvoyant is never worse than the best free-list policy, and not below peak live`, () => {
      const events = generatePattern({
        pattern: 'mixture', mode: 'interleave', parts: [
          { pattern: 'peaks', peaks: 3, perPeak: 40, sizes: { kind: 'uniform', min: 8, max: 120 }, survivors: 0.1 },
          { pattern: 'lifetimes', allocs: 150, sizes: { kind: 'bimodal', small: [8, 24], large: [100, 300], pLarge: 0.2 }, freeAtEnd: true },
        ],
      }, seed);
      const config = round(events, lectureHeapConfig(null));
      const best = Math.max(...FREELIST_POLICY_NAMES.map((n) => ok(playPolicy(config, n)).card.score));
      const clair = ok(playClairvoyant(config, events));
      expect(clair.card.score).toBeGreaterThanOrEqual(best);
      expect(clair.summary.peakHeap).toBeGreaterThanOrEqual(clair.summary.peakLive);
    });
  }
});

describe('deferred coalescing as a move', () => {
  const events = [alloc(0, 10), alloc(1, 10), alloc(2, 10), free(0), free(1), alloc(3, 20), alloc(4, 5)];
  const config: RoundConfig = {
    ...round(events, { ...lectureHeapConfig(40), coalesce: 'deferred' }), timePerRequestMs: 1000,
  };
  const place = (s: MatchState, target: number, at: number) =>
    applyMove(s, { type: 'place', requestId: s.pending?.requestId ?? -1, target, version: s.version }, at);

  it('[MATCH-MOVE-8] the two freed neighbours stay apart until the player coalesces them; the deadline stays', () => {
    let s = ok(startMatch(config, 0));
    s = ok(place(s, 0, 10));
    s = ok(place(s, 10, 20));
    s = ok(place(s, 20, 30));
    // frees of 0 and 1 ran: two free blocks of 10 at 0 and 10, not merged; request 3 (20 bytes) waits
    expect(s.heap.slice(0, 2)).toEqual([
      { start: 0, size: 10, state: 'free', area: 'heap' },
      { start: 10, size: 10, state: 'free', area: 'heap' },
    ]);
    expect(place(s, 0, 40)).toMatchObject({ ok: false, code: 'place/spans_blocks' });
    expect(applyMove(s, { type: 'coalesce', target: 20, version: s.version }, 40)).toMatchObject({ ok: false, code: 'coalesce/not_free' });
    const deadline = s.pending?.deadlineMs;
    s = ok(applyMove(s, { type: 'coalesce', target: 10, version: s.version }, 50));
    expect(s.heap[0]).toEqual({ start: 0, size: 20, state: 'free', area: 'heap' });
    expect(s.pending?.deadlineMs).toBe(deadline);
    expect(s.totals.coalesces).toBe(1);
    s = ok(place(s, 0, 60));
    expect(s.heap[0]).toEqual({ start: 0, size: 20, state: 'live', id: 3, requested: 20, area: 'heap' });
    expect(s.log.map((e) => e.type)).toEqual(['place', 'place', 'place', 'coalesce', 'place']);
  });

  it('[MATCH-MOVE-8] a heap that coalesces by itself refuses the move', () => {
    const s = ok(startMatch(round(events, lectureHeapConfig(40)), 0));
    expect(applyMove(s, { type: 'coalesce', version: 0 }, 0)).toMatchObject({ ok: false, code: 'move/unsupported' });
  });

  it('[MATCH-TIME-1] an overdue request goes where the fallback policy says', () => {
    let s = ok(startMatch({ ...config, fallback: 'worst-fit' }, 0));
    s = ok(place(s, 30, 10));
    s = ok(expire(s, 1010));
    // worst fit: the largest free block is [0, 30); the 10 goes at its start
    expect(s.heap[0]).toEqual({ start: 0, size: 10, state: 'live', id: 1, requested: 10, area: 'heap' });
    expect(s.totals.fallbacks).toBe(1);
  });
});
