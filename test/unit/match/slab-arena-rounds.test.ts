// Slab and arena rounds under the match rules: the kinds' registration, the release
// move, the judge and the hint markers only watching, and policies giving empty slabs
// back on their own. Every expected layout below is worked out by hand.
import { describe, it, expect } from 'vitest';
import { alloc, free, type StreamEvent } from '../../../shared/core/stream.ts';
import type { Outcome } from '../../../shared/core/outcome.ts';
import { applyMove, hintsFor, replayMatch, startMatch, type MatchState, type RoundConfig } from '../../../shared/match/match.ts';
import { createAllocator, createPolicy, defaultPolicyFor, policiesFor, wouldGrow, type MatchArenaOptions, type MatchSlabOptions } from '../../../shared/match/kinds.ts';
import { buildEngine } from '../../../shared/match/build.ts';
import { playOut, policyChooser } from '../../../shared/match/engine.ts';
import { playClairvoyant } from '../../../shared/match/clairvoyant.ts';
import { policyResults } from '../../../shared/match/results.ts';
import { bestOf } from '../../../shared/match/contenders.ts';
import { SlabAllocator } from '../../../shared/slab/slab.ts';

/** 256-byte pages: a task slab holds 2 objects of 96 bytes, a file slab 4 of 64. */
const SLAB_OPTIONS: MatchSlabOptions = {
  pageSize: 256,
  caches: [
    { name: 'task', objectSize: 96, pagesPerSlab: 1 },
    { name: 'file', objectSize: 64, pagesPerSlab: 1 },
  ],
  classes: 'none',
};

const SLAB_EVENTS: StreamEvent[] = [
  alloc(0, 90, 'task'), // request 0
  alloc(1, 90, 'task'), // request 1
  alloc(2, 60, 'file'), // request 2
  free(0),
  free(1),
  alloc(3, 50, 'file'), // request 3
];

function slabConfig(events: StreamEvent[] = SLAB_EVENTS, options: MatchSlabOptions = SLAB_OPTIONS): RoundConfig {
  return { kind: 'slab', options, source: { source: 'events', events }, seed: 1, timePerRequestMs: null, fallback: 'slab-fullest' };
}

function arenaConfig(events: StreamEvent[], options: MatchArenaOptions = { chunkSize: 64, align: 8 }): RoundConfig {
  return { kind: 'arena', options, source: { source: 'events', events }, seed: 1, timePerRequestMs: null, fallback: 'arena-per-tag' };
}

function ok<T>(o: Outcome<T, string>): T {
  if (!o.ok) throw new Error(`refused: ${o.code} ${o.message}`);
  return o.value;
}

function place(s: MatchState, target: number): MatchState {
  const requestId = s.pending?.requestId ?? -1;
  return ok(applyMove(s, { type: 'place', requestId, target, version: s.version }, 0));
}

/** Requests 0 and 1 in a new task slab (0), request 2 in a new file slab (1); then the frees empty slab 0. */
function slabAfterFrees(): MatchState {
  let s = ok(startMatch(slabConfig(), 0));
  s = place(s, -1);
  s = place(s, 0);
  return place(s, -1);
}

describe('slab and arena kinds in the registry', () => {
  it('[MATCH-KIND-SLAB-1] [MATCH-KIND-ARENA-1] refuse bad options as options/invalid, in words', () => {
    expect(createAllocator({ kind: 'slab', options: { pageSize: 0 } })).toMatchObject({ ok: false, code: 'options/invalid' });
    expect(createAllocator({ kind: 'slab', options: { classes: 'fibonacci' as 'pow2' } })).toMatchObject({ ok: false, code: 'options/invalid' });
    expect(createAllocator({ kind: 'slab', options: { pageSize: 64, caches: [{ name: 'big', objectSize: 100, pagesPerSlab: 1 }], classes: 'none' } }))
      .toMatchObject({ ok: false, code: 'options/invalid' });
    expect(createAllocator({ kind: 'arena', options: { chunkSize: 100, align: 8 } })).toMatchObject({ ok: false, code: 'options/invalid' });
    expect(startMatch(arenaConfig([alloc(0, 8)], { align: 3 }), 0)).toMatchObject({ ok: false, code: 'options/invalid' });
    expect(createAllocator({ kind: 'slab', options: SLAB_OPTIONS }).ok).toBe(true);
    expect(createAllocator({ kind: 'arena', options: {} }).ok).toBe(true);
  });

  it('[MATCH-KIND-SLAB-2] [MATCH-KIND-ARENA-2] name their policies and default policy', () => {
    expect(policiesFor('slab').map((p) => p.name)).toEqual(['slab-fullest', 'slab-first', 'slab-naive']);
    expect(defaultPolicyFor('slab')).toBe('slab-fullest');
    expect(policiesFor('arena').map((p) => p.name)).toEqual(['arena-per-tag', 'arena-single']);
    expect(defaultPolicyFor('arena')).toBe('arena-per-tag');
  });

  it('[MATCH-KIND-SLAB-3] wouldGrow: a new slab (or large block) is growth, a partial or empty slab of the cache is not', () => {
    const slab = ok(createAllocator({ kind: 'slab', options: SLAB_OPTIONS }));
    expect(wouldGrow('slab', slab, 90, 'task')).toBe(true);
    ok(slab.allocate(0, 90, -1, 'task'));
    expect(wouldGrow('slab', slab, 90, 'task')).toBe(false);
    expect(wouldGrow('slab', slab, 60, 'file')).toBe(true);
    ok(slab.allocate(1, 90, 0, 'task'));
    expect(wouldGrow('slab', slab, 90, 'task')).toBe(true); // slab 0 is full
    ok(slab.free(0));
    ok(slab.free(1));
    expect(wouldGrow('slab', slab, 90, 'task')).toBe(false); // slab 0 is empty but held
    expect(slab.gauge().heapBytes).toBe(256); // wouldGrow changed nothing
  });

  it('[MATCH-KIND-ARENA-3] wouldGrow: the arena of the tag with room is no growth; no such arena, or too little room, is', () => {
    const arenas = ok(createAllocator({ kind: 'arena', options: { chunkSize: 64, align: 8 } }));
    expect(wouldGrow('arena', arenas, 20, 'a')).toBe(true);
    ok(arenas.allocate(0, 20, -1, 'a')); // 24 of 64 bytes used
    expect(wouldGrow('arena', arenas, 40, 'a')).toBe(false); // 24 + 40 = 64
    expect(wouldGrow('arena', arenas, 41, 'a')).toBe(true); // 48 bytes would not fit the 40 left
    expect(wouldGrow('arena', arenas, 8, 'b')).toBe(true);
    expect(arenas.gauge().heapBytes).toBe(64);
  });
});

describe('a slab round', () => {
  it('[MATCH-MOVE-6] a placement goes into a chosen slab or a new one; the wrong cache is refused in words and changes nothing', () => {
    let s = ok(startMatch(slabConfig(), 0));
    s = place(s, -1);
    s = place(s, 0);
    const refused = applyMove(s, { type: 'place', requestId: 2, target: 0, version: s.version }, 0);
    expect(refused).toMatchObject({ ok: false, code: 'slab/wrong_cache' });
    if (!refused.ok) expect(refused.message).toContain('task');
    expect(s.pending?.requestId).toBe(2);
    s = place(s, -1);
    expect(s.log.map((e) => e.type === 'place' && e.target)).toEqual([-1, 0, -1]);
  });

  it('[MATCH-SLAB-2] the judge and the hint markers leave the player\'s empty slab alone', () => {
    const s = slabAfterFrees();
    expect(s.pending).toMatchObject({ requestId: 3, size: 50, tag: 'file' });
    // Slab 0 (task) is empty but still held: two pages of 256 bytes.
    expect(s.gauge.heapBytes).toBe(512);
    expect(s.heap.filter((r) => r.area === 'slab:0').map((r) => r.state)).toEqual(['free', 'free', 'unused']);
    expect(hintsFor(s)).toEqual([
      { policy: 'slab-fullest', target: 1 },
      { policy: 'slab-first', target: 1 },
      { policy: 'slab-naive', target: -1 },
    ]);
  });

  it('[MATCH-SLAB-1] [MATCH-MOVE-7] release gives an empty slab\'s pages back, keeps the request pending and is logged', () => {
    const s = slabAfterFrees();
    expect(applyMove(s, { type: 'release', target: 1, version: s.version }, 5)).toMatchObject({ ok: false, code: 'slab/not_empty' });
    expect(applyMove(s, { type: 'release', target: 9, version: s.version }, 5)).toMatchObject({ ok: false, code: 'slab/unknown' });
    expect(applyMove(s, { type: 'release', target: 0, version: s.version - 1 }, 5)).toMatchObject({ ok: false, code: 'request/stale' });
    const after = ok(applyMove(s, { type: 'release', target: 0, version: s.version }, 5));
    expect(after.version).toBe(s.version + 1);
    expect(after.pending).toEqual(s.pending);
    expect(after.gauge.heapBytes).toBe(256);
    expect(after.heap.some((r) => r.area === 'slab:0')).toBe(false);
    expect(after.log.at(-1)).toEqual({ type: 'release', target: 0, atMs: 5 });
    expect(applyMove(after, { type: 'release', target: 0, version: after.version }, 6)).toMatchObject({ ok: false, code: 'slab/unknown' });
  });

  it('[MATCH-REPLAY-1] a log with a release replays to an equal state', () => {
    let s = slabAfterFrees();
    s = ok(applyMove(s, { type: 'release', target: 0, version: s.version }, 5));
    s = place(s, 1);
    expect(s.finished).toBe(true);
    const replayed = ok(replayMatch(s.config, s.startedAtMs, s.log));
    expect(JSON.parse(JSON.stringify(replayed))).toEqual(JSON.parse(JSON.stringify(s)));
  });

  it('[MATCH-MOVE-1] a release without a whole-number target is malformed; kinds without release refuse it', () => {
    const s = slabAfterFrees();
    expect(applyMove(s, { type: 'release', target: 0.5, version: s.version }, 0)).toMatchObject({ ok: false, code: 'move/malformed' });
    const arena = ok(startMatch(arenaConfig([alloc(0, 8)]), 0));
    expect(applyMove(arena, { type: 'release', target: 0, version: 0 }, 0)).toMatchObject({ ok: false, code: 'move/unsupported' });
  });

  it('[MATCH-SLAB-3] [MATCH-REQ-4] with a page limit, a request that fits once empty slabs go back waits; one that cannot fails', () => {
    const events = [alloc(0, 90, 'task'), free(0), alloc(1, 60, 'file'), alloc(2, 60, 'file'), alloc(3, 90, 'task')];
    let s = ok(startMatch(slabConfig(events, { ...SLAB_OPTIONS, pageLimit: 1 }), 0));
    s = place(s, -1); // slab 0 (task), emptied by the free
    expect(s.pending).toMatchObject({ requestId: 1, tag: 'file' }); // waits: giving slab 0 back makes room
    expect(applyMove(s, { type: 'place', requestId: 1, target: -1, version: s.version }, 0)).toMatchObject({ ok: false, code: 'slab/no_pages' });
    s = ok(applyMove(s, { type: 'release', target: 0, version: s.version }, 0));
    s = place(s, -1); // slab 1 (file)
    s = place(s, 1);
    // Request 3 (a task) needs a page, and the one page holds two files: it fails by itself.
    expect(s.finished).toBe(true);
    expect(s.totals).toMatchObject({ requests: 4, placed: 3, failures: 1 });
  });

  it('[SL-POL-4] [MATCH-SLAB-2] a policy playing by itself gives its empty slabs back after each free', () => {
    const built = ok(buildEngine(slabConfig()));
    playOut(built.engine, policyChooser(built.engine, ok(createPolicy('slab', 'slab-fullest'))));
    const slab = built.engine.allocator;
    expect(slab).toBeInstanceOf(SlabAllocator);
    if (slab instanceof SlabAllocator) expect(slab.slabViews().map((v) => [v.id, v.cache, v.used])).toEqual([[1, 'file', 2]]);
    expect(built.engine.summary().peakHeap).toBe(512);
  });
});

describe('an arena round', () => {
  const events = [alloc(0, 20, 'a'), alloc(1, 30, 'b'), alloc(2, 10, 'a'), free(0), free(2), alloc(3, 8, 'b')];

  it('[MATCH-MOVE-6] [MATCH-HINT-1] objects go into a chosen arena or a new one; an arena closes when all its objects are dead', () => {
    let s = ok(startMatch(arenaConfig(events), 0));
    s = place(s, -1); // arena 0 (a): 24 bytes used
    s = place(s, 0); // arena 0: 24 + 32 = 56 of 64
    s = place(s, -1); // arena 1 (a): 16 bytes
    // The frees kill 0 (arena 0 keeps 1 alive) and 2 (arena 1 closes).
    expect(s.gauge.heapBytes).toBe(64);
    expect(new Set(s.heap.map((r) => r.area))).toEqual(new Set(['arena:0']));
    expect(hintsFor(s)).toEqual([
      { policy: 'arena-per-tag', target: -1 }, // no open arena is labelled b
      { policy: 'arena-single', target: 0 }, // 56 + 8 = 64 still fits
    ]);
    expect(applyMove(s, { type: 'place', requestId: 3, target: 1, version: s.version }, 0)).toMatchObject({ ok: false, code: 'arena/unknown' });
    s = place(s, 0);
    expect(s.finished).toBe(true);
    expect(s.summary.peakHeap).toBe(128);
  });
});

describe('the clairvoyant reference on kinds without an address layout', () => {
  const arenaEvents = [alloc(0, 20, 'a'), alloc(1, 30, 'b'), alloc(2, 10, 'a'), free(0), free(2), alloc(3, 8, 'b')];
  for (const [name, config, events] of [['slab', slabConfig(), SLAB_EVENTS], ['arena', arenaConfig(arenaEvents), arenaEvents]] as const) {
    it(`[MATCH-CLAIR-1] ${name}: plays every built-in policy and keeps the best (no packing without addresses)`, () => {
      const best = bestOf(ok(policyResults(config)));
      const clairvoyant = ok(playClairvoyant(config, events));
      expect(clairvoyant.role).toBe('clairvoyant');
      expect(clairvoyant.card.score).toBe(best.card.score);
      expect(clairvoyant.summary.peakHeap).toBe(best.summary.peakHeap);
    });
  }
});
