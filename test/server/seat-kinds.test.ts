// A seat on a slab or arena round: the release message's shape check, the synced kind
// view (what SlabView and ArenaView draw), and hints as slab/arena ids.
import { describe, it, expect } from 'vitest';
import { alloc, free } from '../../shared/core/stream.ts';
import { startMatch, type RoundConfig } from '../../shared/match/match.ts';
import { decodeKindView } from '../../shared/match/kind-view-wire.ts';
import { Seat } from '../../server/rooms/seat.ts';

const SLAB_ROUND: RoundConfig = {
  kind: 'slab',
  options: { pageSize: 256, caches: [{ name: 'task', objectSize: 96, pagesPerSlab: 1 }, { name: 'file', objectSize: 64, pagesPerSlab: 1 }], classes: 'none' },
  source: { source: 'events', events: [alloc(0, 90, 'task'), free(0), alloc(1, 60, 'file')] },
  seed: 1,
  timePerRequestMs: null,
  fallback: 'slab-fullest',
};

function seatOn(config: RoundConfig): Seat {
  const started = startMatch(config, 0);
  if (!started.ok) throw new Error(started.message);
  return new Seat(started.value, { showHints: true });
}

describe('a seat on a slab round', () => {
  it('[MATCH-VIEW-1] syncs the kind view and says the player can release', () => {
    const seat = seatOn(SLAB_ROUND);
    expect(seat.view.kind).toBe('slab');
    expect(seat.view.canRelease).toBe(true);
    expect(decodeKindView(seat.view.kindView)).toEqual({ kind: 'slab', caches: [expect.objectContaining({ name: 'task' })], slabs: [], pages: { held: 0 }, pendingCache: 'task' });
    expect(seat.place({ requestId: 0, target: -1, version: 0 }, 1).ok).toBe(true);
    // The free emptied slab 0; it stays held until the player gives it back.
    expect(decodeKindView(seat.view.kindView)).toMatchObject({ slabs: [{ id: 0, cache: 'task', used: 0, state: 'empty' }], pages: { held: 1 }, pendingCache: 'file' });
    expect(seat.view.hints.map((h) => [h.policy, h.target])).toEqual([['slab-fullest', -1], ['slab-first', -1], ['slab-naive', -1]]);
  });

  it('[MATCH-SLAB-1] takes a release message, checks its shape, and answers with the engine\'s codes', () => {
    const seat = seatOn(SLAB_ROUND);
    seat.place({ requestId: 0, target: -1, version: 0 }, 1);
    expect(seat.release({ target: 'zero', version: 1 }, 2)).toMatchObject({ ok: false, code: 'message/bad_type' });
    expect(seat.release({ target: 0, version: 1, all: true }, 2)).toMatchObject({ ok: false, code: 'message/unknown_field' });
    expect(seat.release({ target: 4, version: 1 }, 2)).toMatchObject({ ok: false, code: 'slab/unknown' });
    expect(seat.release({ target: 0, version: 1 }, 2)).toEqual({ ok: true, value: { type: 'release', target: 0, atMs: 2 } });
    expect(seat.view.version).toBe(2);
    expect(decodeKindView(seat.view.kindView)).toMatchObject({ slabs: [], pages: { held: 0 } });
    expect(seat.view.hasPending).toBe(true);
  });
});

describe('a seat on an arena round', () => {
  it('[MATCH-VIEW-1] syncs the arenas; release is not a move here', () => {
    const seat = seatOn({ kind: 'arena', options: { chunkSize: 64 }, source: { source: 'events', events: [alloc(0, 20, 'a'), alloc(1, 8, 'a')] }, seed: 1, timePerRequestMs: null, fallback: 'arena-per-tag' });
    expect(seat.view.canRelease).toBe(false);
    seat.place({ requestId: 0, target: -1, version: 0 }, 1);
    expect(decodeKindView(seat.view.kindView)).toEqual({ kind: 'arena', arenas: [{ id: 0, label: 'a', chunks: 1, bytesHeld: 64, liveObjects: 1, deadObjects: 0, room: 40 }] });
    expect(seat.view.hints.map((h) => [h.policy, h.target])).toEqual([['arena-per-tag', 0], ['arena-single', 0]]);
    expect(seat.release({ target: 0, version: 1 }, 2)).toMatchObject({ ok: false, code: 'move/unsupported' });
  });
});
