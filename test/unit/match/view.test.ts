// What a seat's screen shows, from the match alone (shared/match/view.ts): the queue
// of next requests follows the engine's rule for which events become requests, the
// moves on offer come from the kind registry, and the view carries the match's own
// regions, pending request, hints and meters.
import { describe, expect, it } from 'vitest';
import { alloc, free, realloc, type StreamEvent } from '../../../shared/core/stream.ts';
import { engineOf, hintsFor, startMatch, applyMove, type MatchState, type RoundConfig } from '../../../shared/match/match.ts';
import { movesOnOffer } from '../../../shared/match/kinds.ts';
import { kindViewOf } from '../../../shared/match/kind-view.ts';
import { decodeKindView } from '../../../shared/match/kind-view-wire.ts';
import { Rivals } from '../../../shared/match/rivals.ts';
import { seatStream, seatView, upcomingEvents, type QueuedEvent } from '../../../shared/match/view.ts';
import { LEVELS } from '../../../shared/levels/levels.ts';
import type { FreeListConfig } from '../../../shared/freelist/index.ts';

function freeListRound(events: readonly StreamEvent[], options: FreeListConfig = { align: 1, overhead: 0, header: 0, minBlock: 1, limit: 256 }): RoundConfig {
  return { kind: 'freelist', options, source: { source: 'events', events }, seed: 1, timePerRequestMs: null, fallback: 'first-fit-address' };
}

function started(config: RoundConfig): MatchState {
  const m = startMatch(config, 0);
  if (!m.ok) throw new Error(m.message);
  return m.value;
}

const NOTHING_LIVE = { nextRequestId: 0, blockOf: () => null };

/** The queue's mallocs' sizes (its frees are test/unit/match/happenings.test.ts's). */
function mallocSizes(queue: readonly QueuedEvent[]): number[] {
  return queue.flatMap((e) => (e.op === 'malloc' ? [e.size] : []));
}

const STREAM: readonly StreamEvent[] = [alloc(0, 8), alloc(1, 0), free(0), alloc(2, 16), realloc(2, 0), alloc(3, 4), realloc(3, 12), alloc(4, 5)];

describe('the seat view [MATCH-SEAT-1] [MATCH-SEAT-2]', () => {
  it('[MATCH-SEAT-2] [MATCH-REQ-1] queues allocs and reallocs of positive size as mallocs, in stream order, at most the limit', () => {
    expect(mallocSizes(upcomingEvents(STREAM, 0, NOTHING_LIVE))).toEqual([8, 16, 4, 12, 5]);
    expect(mallocSizes(upcomingEvents(STREAM, 4, NOTHING_LIVE))).toEqual([4, 12, 5]);
    expect(mallocSizes(upcomingEvents(STREAM, 0, NOTHING_LIVE, 2))).toEqual([8]);
    expect(upcomingEvents(STREAM, STREAM.length, NOTHING_LIVE)).toEqual([]);
  });

  it('[MATCH-SEAT-1] shows the match: its regions, pending request, the queue after it, meters and kind view', () => {
    const match = started(freeListRound(STREAM));
    const view = seatView(match, { hints: false, stream: seatStream(match.config), rivals: null });
    expect(view.kind).toBe('freelist');
    expect(view.version).toBe(0);
    expect(view.regions).toEqual(match.heap);
    expect(view.pending).toMatchObject({ requestId: 0, size: 8 });
    // The first event is pending; the queue is the requests after it.
    expect(mallocSizes(view.upcoming)).toEqual([16, 4, 12, 5]);
    expect(view.hints).toEqual([]);
    expect(view.rivals).toEqual([]);
    expect(view.meters).toMatchObject({ ...match.gauge, placed: 0, total: 1, failures: 0, fallbacks: 0 });
    expect(decodeKindView(view.kindView)).toEqual(kindViewOf(engineOf(match).allocator, match.pending));
    expect(view.finished).toBe(false);
  });

  it('[MATCH-SEAT-1] [MATCH-HINT-1] carries the hints and rivals only when the seat shows them', () => {
    const level = LEVELS.find((l) => l.id === 'first-fit');
    if (!level) throw new Error('no first-fit level');
    const match = started(level.config);
    const view = seatView(match, { hints: true, stream: seatStream(match.config), rivals: Rivals.of(match.config) });
    expect(view.hints).toEqual(hintsFor(match));
    expect(view.hints.length).toBeGreaterThan(0);
    expect(view.rivals.map((r) => r.policy)).toEqual(view.hints.map((h) => h.policy));
  });

  it('[MATCH-SEAT-1] follows the match as it moves on, and has no queue against an adversary or once over', () => {
    const match = started(freeListRound([alloc(0, 8), alloc(1, 4)]));
    const next = applyMove(match, { type: 'place', requestId: 0, target: 0, version: 0 }, 1);
    if (!next.ok) throw new Error(next.message);
    const view = seatView(next.value, { hints: false, stream: seatStream(next.value.config), rivals: null });
    expect(view.version).toBe(1);
    expect(view.pending).toMatchObject({ requestId: 1, size: 4 });
    expect(view.upcoming).toEqual([]);
    expect(view.meters.placed).toBe(1);
    expect(seatStream({ ...next.value.config, source: { source: 'adaptive', liveBudget: 64, maxSize: 8 } })).toBeNull();
  });
});

describe('moves on offer come from the kind registry [MATCH-KIND-MOVES-1]', () => {
  const movesOf = (config: RoundConfig) => {
    const match = started(config);
    return movesOnOffer(config.kind, engineOf(match).allocator);
  };

  it('a free list offers growing when it grows by sbrk (the default) and coalescing when it is deferred', () => {
    expect(movesOf(freeListRound(STREAM, { growth: 'fixed', limit: 64 }))).toEqual({ grow: false, coalesce: false, release: false });
    expect(movesOf(freeListRound(STREAM, { limit: 256 }))).toEqual({ grow: true, coalesce: false, release: false });
    expect(movesOf(freeListRound(STREAM, { growth: 'fixed', limit: 64, coalesce: 'deferred' }))).toEqual({ grow: false, coalesce: true, release: false });
  });

  it('a slab offers giving back empty slabs; buddy and arena offer nothing beyond placing', () => {
    const levelOf = (kind: string) => {
      const level = LEVELS.find((l) => l.config.kind === kind);
      if (!level) throw new Error(`no ${kind} level`);
      return level.config;
    };
    expect(movesOf(levelOf('slab'))).toEqual({ grow: false, coalesce: false, release: true });
    expect(movesOf(levelOf('buddy'))).toEqual({ grow: false, coalesce: false, release: false });
    expect(movesOf(levelOf('arena'))).toEqual({ grow: false, coalesce: false, release: false });
  });

  it('the seat view carries them', () => {
    const match = started(freeListRound(STREAM, { growth: 'fixed', limit: 64, coalesce: 'deferred' }));
    expect(seatView(match, { hints: false, stream: null, rivals: null }).moves).toEqual({ grow: false, coalesce: true, release: false });
  });
});
