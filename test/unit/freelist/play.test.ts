// The free-list stream runner: its rules, its figures against the generic runner
// (shared/core/play-stream.ts) on the same heap and policy, and the timeline.
import { describe, it, expect } from 'vitest';
import { playStream } from '../../../shared/core/play-stream.ts';
import { createPrng, nextInt } from '../../../shared/core/prng.ts';
import { alloc, free, realloc, type StreamEvent } from '../../../shared/core/stream.ts';
import { FreeListHeap } from '../../../shared/freelist/heap.ts';
import { resolveOptions, type FreeListConfig } from '../../../shared/freelist/options.ts';
import { playEveryPolicy, playFreeList } from '../../../shared/freelist/play.ts';
import { FREELIST_POLICIES, FREELIST_POLICY_NAMES } from '../../../shared/freelist/policies.ts';

/** A random stream with reallocs, 0-byte requests, frees of dead ids and free(NULL). */
function randomStream(seed: number, length: number): StreamEvent[] {
  const prng = createPrng(seed);
  const events: StreamEvent[] = [];
  const live: number[] = [];
  let nextId = 0;
  for (let i = 0; i < length; i++) {
    const roll = nextInt(prng, 0, 99);
    if (roll < 45 || live.length === 0) {
      const id = nextId++;
      events.push(alloc(id, roll < 3 ? 0 : nextInt(prng, 1, 3000)));
      live.push(id);
    } else if (roll < 80) {
      const k = nextInt(prng, 0, live.length - 1);
      events.push(free(live[k]!));
      live.splice(k, 1);
    } else if (roll < 95) {
      events.push(realloc(live[nextInt(prng, 0, live.length - 1)]!, nextInt(prng, 0, 3000)));
    } else {
      events.push(roll < 98 ? free(-1) : realloc(nextId++, nextInt(prng, 1, 100)));
    }
  }
  return events;
}

const CONFIGS: readonly FreeListConfig[] = [
  { align: 8, overhead: 8, chunk: 4096, limit: 120_000 },
  { align: 16, overhead: 16, header: 8, mmapThreshold: 2048, pageSize: 4096, limit: 60_000 },
  { align: 8, coalesce: 'deferred', growthStep: 'block-or-chunk', limit: 80_000 },
];

describe('the free-list stream runner', () => {
  for (const name of FREELIST_POLICY_NAMES) {
    for (const [i, config] of CONFIGS.entries()) {
      it(`[FL-RUN-2] ${name} gives the generic runner's figures, config ${i}, seed ${17 + i}`, () => {
        const events = randomStream(17 + i, 600);
        const fast = playFreeList(events, name, config);
        const options = resolveOptions(config);
        if (!fast.ok || !options.ok) throw new Error('setup failed');
        const generic = playStream(new FreeListHeap(options.value), FREELIST_POLICIES.get(name)!, events);
        expect(fast.value).toMatchObject({ ...generic.summary, peakInternalBytes: generic.peakInternalBytes });
      });
    }
  }

  it('[FL-RUN-2] 0 bytes, dead frees, free(NULL), realloc of a dead id and realloc to 0', () => {
    const events = [alloc(0, 0), free(0), free(-1), realloc(1, 10), realloc(1, 0), free(1), alloc(2, 4)];
    const run = playFreeList(events, 'best-fit', { align: 1, minBlock: 1, growth: 'fixed', limit: 10 });
    expect(run.ok && run.value).toMatchObject({ ops: 7, failures: 0, peakLive: 10, peakHeap: 10, firstFailure: null });
  });

  it('[FL-METRIC-2] a timeline point per event, with the gauge after it', () => {
    const events = [alloc(0, 6), alloc(1, 4), free(0), alloc(2, 5)];
    const run = playFreeList(events, 'first-fit-address', { align: 1, minBlock: 1, growth: 'fixed', limit: 16 }, { timeline: true });
    if (!run.ok) throw new Error(run.message);
    expect(run.value.timeline).toEqual([
      { op: 1, liveBytes: 6, heapBytes: 16, freeBytes: 10, largestFree: 10, internalBytes: 0 },
      { op: 2, liveBytes: 10, heapBytes: 16, freeBytes: 6, largestFree: 6, internalBytes: 0 },
      { op: 3, liveBytes: 4, heapBytes: 16, freeBytes: 12, largestFree: 6, internalBytes: 0 },
      { op: 4, liveBytes: 9, heapBytes: 16, freeBytes: 7, largestFree: 6, internalBytes: 0 },
    ]);
    expect(run.value).toMatchObject({ peakLive: 10, peakHeap: 16, utilization: 10 / 16, fragmentation: 6 / 10 });
  });

  it('[FL-RUN-1] refuses a malformed stream, an unknown policy and bad options', () => {
    expect(playFreeList([alloc(0, 5), alloc(0, 5)], 'best-fit')).toMatchObject({ ok: false, code: 'stream/malformed', message: 'event 1 allocates id 0, which is still live' });
    expect(playFreeList([alloc(-2, 5)], 'best-fit')).toMatchObject({ ok: false, code: 'stream/malformed' });
    expect(playFreeList([alloc(0, 1.5)], 'best-fit')).toMatchObject({ ok: false, code: 'stream/malformed' });
    expect(playFreeList([], 'bestest-fit')).toMatchObject({ ok: false, code: 'policy/unknown' });
    expect(playFreeList([], 'best-fit', { align: 5 })).toMatchObject({ ok: false, code: 'options/invalid' });
  });

  it('[FL-RUN-2] playEveryPolicy plays each built-in policy in order', () => {
    const runs = playEveryPolicy([alloc(0, 8), free(0)], { align: 8 });
    expect(runs.ok && runs.value.map((r) => r.policy)).toEqual([...FREELIST_POLICY_NAMES]);
  });
});
