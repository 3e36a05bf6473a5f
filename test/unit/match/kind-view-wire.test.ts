// The kind view's wire form (shared/match/kind-view-wire.ts, [MATCH-VIEW-2]): a tuple
// led by the kind's code, which a client decodes back into exactly the kind view the
// engine gave, for every kind, move after move of a real round.
import { describe, expect, it } from 'vitest';
import { decodeKindView, encodeKindView } from '../../../shared/match/kind-view-wire.ts';
import { kindViewOf, type KindView } from '../../../shared/match/kind-view.ts';
import { applyMove, engineOf, hintsFor, startMatch, type MatchState } from '../../../shared/match/match.ts';
import { LEVELS } from '../../../shared/levels/levels.ts';

const BUDDY: KindView = { kind: 'buddy', unit: 2, minOrder: 1, maxOrder: 3, freeLists: [[], [4, 12], [8], []] };
const FREE_LIST: KindView = {
  kind: 'freelist',
  rule: { align: 8, overhead: 8, header: 4, minBlock: 16, split: true, growth: 'sbrk', growthStep: 'block-or-chunk', chunk: 4096, limit: 65536, prologue: 4, epilogue: 4, mmapThreshold: 131072 },
  rover: 24,
  listOrder: { lifo: [40, 8], fifo: [8, 40] },
};
const UNMAPPED_FIXED: KindView = {
  kind: 'freelist',
  rule: { align: 1, overhead: 0, header: 0, minBlock: 1, split: false, growth: 'fixed', growthStep: 'chunks', chunk: 4096, limit: 99, prologue: 0, epilogue: 0, mmapThreshold: null },
  rover: 0,
  listOrder: { lifo: [], fifo: [] },
};
const SLAB: KindView = {
  kind: 'slab',
  caches: [{ name: 'task', objectSize: 96, pagesPerSlab: 1, slotsPerSlab: 2, wastePerSlab: 64, liveObjects: 1, full: 0, partial: 1, empty: 0 }],
  slabs: [
    { id: 0, cache: 'task', pages: 1, slots: 2, used: 1, state: 'partial' },
    { id: 1, cache: 'task', pages: 1, slots: 2, used: 0, state: 'empty' },
    { id: 2, cache: 'task', pages: 1, slots: 2, used: 2, state: 'full' },
    { id: 3, cache: 'large', pages: 3, slots: 1, used: 1, state: 'large' },
  ],
  pages: { held: 6, limit: 8 },
  pendingCache: 'task',
};
const SLAB_UNLIMITED: KindView = { kind: 'slab', caches: [], slabs: [], pages: { held: 0 } };
const ARENA: KindView = { kind: 'arena', arenas: [{ id: 0, label: 'a', chunks: 2, bytesHeld: 128, liveObjects: 1, deadObjects: 1, room: 8 }, { id: 4, label: '', chunks: 1, bytesHeld: 64, liveObjects: 0, deadObjects: 0, room: 64 }] };

const EVERY_KIND: readonly KindView[] = [BUDDY, FREE_LIST, UNMAPPED_FIXED, SLAB, SLAB_UNLIMITED, ARENA, { kind: 'arena', arenas: [] }];

/** Levels of every allocator kind (the free list's with its rover, its list orders and an mmap threshold), played by following their hints. */
const LEVELS_PLAYED = ['buddy-rounding', 'next-fit', 'sbrk-mmap', 'slab', 'arenas'].map((id) => {
  const level = LEVELS.find((l) => l.id === id);
  if (!level) throw new Error(`no level ${id}`);
  return { kind: level.config.kind, level };
});

/** The match after the pending request is placed where the first hint that the engine takes says; null when none does. */
function followHint(state: MatchState): MatchState | null {
  for (const hint of hintsFor(state)) {
    if (hint.target === null || !state.pending) continue;
    const next = applyMove(state, { type: 'place', requestId: state.pending.requestId, target: hint.target, version: state.version }, 0);
    if (next.ok) return next.value;
  }
  return null;
}

describe('the kind view on the wire [MATCH-VIEW-2]', () => {
  it('[MATCH-VIEW-2] every kind decodes back to itself; no kind view is the empty string', () => {
    for (const view of EVERY_KIND) expect(decodeKindView(encodeKindView(view))).toEqual(view);
    expect(encodeKindView(null)).toBe('');
    expect(decodeKindView('')).toBeNull();
  });

  it('[MATCH-VIEW-2] each kind is a tuple led by its code, as the protocol gives it', () => {
    expect(JSON.parse(encodeKindView(BUDDY))).toEqual(['b', 2, 1, 3, [[], [4, 12], [8], []]]);
    expect(JSON.parse(encodeKindView(FREE_LIST))).toEqual(['l', [8, 8, 4, 16, 1, 'sbrk', 'block-or-chunk', 4096, 65536, 4, 4, 131072], 24, [40, 8], [8, 40]]);
    expect(JSON.parse(encodeKindView(UNMAPPED_FIXED))).toEqual(['l', [1, 0, 0, 1, 0, 'fixed', 'chunks', 4096, 99, 0, 0, null], 0, [], []]);
    expect(JSON.parse(encodeKindView(SLAB))).toEqual(['s',
      [['task', 96, 1, 2, 64, 1, 0, 1, 0]],
      [[0, 'task', 1, 2, 1, 'partial'], [1, 'task', 1, 2, 0, 'empty'], [2, 'task', 1, 2, 2, 'full'], [3, 'large', 3, 1, 1, 'large']],
      6, 8, 'task']);
    expect(JSON.parse(encodeKindView(SLAB_UNLIMITED))).toEqual(['s', [], [], 0, null, null]);
    expect(JSON.parse(encodeKindView(ARENA))).toEqual(['a', [[0, 'a', 2, 128, 1, 1, 8], [4, '', 1, 64, 0, 0, 64]]]);
  });

  it.each(LEVELS_PLAYED)('[MATCH-VIEW-2] $kind ($level.id): the engine\'s kind view decodes back to itself after every move', ({ level }) => {
    const started = startMatch(level.config, 0);
    if (!started.ok) throw new Error(started.message);
    let state: MatchState | null = started.value;
    let moves = 0;
    while (state) {
      const view = kindViewOf(engineOf(state).allocator, state.pending);
      expect(view?.kind).toBe(level.config.kind);
      expect(decodeKindView(encodeKindView(view)), `after move ${moves}`).toEqual(view);
      state = state.finished ? null : followHint(state);
      moves++;
    }
    expect(moves).toBeGreaterThan(3);
  });

  it('[MATCH-VIEW-2] anything that is not a kind view decodes to null', () => {
    for (const text of [
      'not json', '{"kind":"buddy"}', '[]', '["z"]', '["toString"]',
      '["b",1,0,2]', '["b",1,0,2,[[1],["x"]]]', '["b",1,0,2,[],7]',
      '["l",[1,0,0,1,2,"fixed","chunks",4096,99,0,0,null],0,[],[]]',
      '["l",[1,0,0,1,1,"grow","chunks",4096,99,0,0,null],0,[],[]]',
      '["s",[],[[0,"task",1,2,1,"half"]],1,null,null]', '["s",[],[],1,null]',
      '["a",[[0,"a",2,128,1,1]]]', '["a",{}]',
    ]) expect(decodeKindView(text), text).toBeNull();
  });
});
