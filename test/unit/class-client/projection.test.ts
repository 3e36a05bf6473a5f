// What the projector shows (client/src/scenes/class/projection.ts), on plain objects shaped
// like the synced state: the host's choice once there is something to show, a heap named
// only when the host says so, the best and worst beside the policy's on one scale.
import { describe, expect, it } from 'vitest';
import type { ClassStateLike, MatchLike, PlayerInfoLike, ProjectionLike, RegionLike } from '../../../client/src/scenes/class/class-state.ts';
import { comparisonHeaps, spotlightHeap, wallScreen } from '../../../client/src/scenes/class/projection.ts';

const region = (start: number, size: number, state: string, id = -1): RegionLike => ({ start, size, state, id, requested: size, tag: '', area: '' });

function heap(regions: RegionLike[], placed: number, total: number): MatchLike {
  return { kind: 'freelist', phase: 'playing', version: placed, regions, hasPending: true, pending: undefined, hints: [], meters: { placed, total, liveBytes: 0, heapBytes: 0 } };
}

const player = (playerId: string, nickname: string, rank: number, vsBest: number): PlayerInfoLike => ({
  playerId, nickname, connected: true, score: 0, vsBest, rank, placed: 0, finished: false,
});

function projection(overrides: Partial<ProjectionLike>): ProjectionLike {
  return { show: 'board', playerId: '', named: false, bestId: '', worstId: '', policy: '', requests: 0, regions: [], ...overrides };
}

function state(overrides: Partial<ClassStateLike> = {}): ClassStateLike {
  return {
    code: 'K7TQ3M', phase: 'playing', roundNo: 1, roundTitle: 'Peaks', locked: false, lateJoin: true, leaderboardMode: 'shown', playerCount: 2, leaderboard: [],
    players: new Map([['p1', player('p1', 'Ada', 1, 12)], ['p2', player('p2', 'Bob', 2, -40)]]),
    heaps: new Map([['p1', heap([region(0, 16, 'live', 0), region(16, 8, 'free')], 3, 4)], ['p2', heap([region(0, 8, 'free'), region(8, 40, 'live', 0)], 2, 3)]]),
    figures: undefined,
    ...overrides,
  };
}

describe('the projector follows the host', () => {
  it('shows what the host put up once there is something to show, else follows the round', () => {
    expect(wallScreen(state(), false)).toBe('board');
    expect(wallScreen(state({ projection: projection({ show: 'heap', playerId: 'p2' }) }), false)).toBe('heap');
    expect(wallScreen(state({ projection: projection({ show: 'heap', playerId: 'gone' }) }), false)).toBe('board');
    expect(wallScreen(state({ projection: projection({ show: 'compare' }), phase: 'results' }), false)).toBe('compare');
    expect(wallScreen(state({ projection: projection({ show: 'figures' }), phase: 'lobby', roundNo: 0 }), false)).toBe('join');
    expect(wallScreen(state({ phase: 'results' }), false)).toBe('podium');
    expect(wallScreen(state({ projection: projection({ show: 'heap', playerId: 'p1' }) }), true)).toBe('problem');
  });

  it('names a student only when the host asked for it', () => {
    expect(spotlightHeap(state(), 'p1', true)).toMatchObject({ label: "Ada's heap", caption: '3 placed of 4 so far · +12 vs best' });
    expect(spotlightHeap(state(), 'p1', false)?.label).toBe("A student's heap");
    expect(spotlightHeap(state(), 'nobody', true)).toBeNull();
  });

  it('puts the best, the worst and the policy on one scale, names as the board shows them', () => {
    const compare = projection({ show: 'compare', bestId: 'p1', worstId: 'p2', policy: 'first-fit-address', requests: 3, regions: [region(0, 10, 'live', 0), region(10, 6, 'free')] });
    const heaps = comparisonHeaps(state({ projection: compare }));
    expect(heaps.map((h) => h.label)).toEqual(['Best: Ada', 'Worst: Bob', 'first fit on the same round']);
    expect(heaps[2]?.caption).toBe('after 3 requests');
    // Bob's heap reaches 48 bytes: every line spans 48, so a shorter heap is a shorter bar.
    expect(heaps.map((h) => h.line.extent)).toEqual([48, 48, 48]);
    const anonymous = comparisonHeaps(state({ projection: compare, leaderboardMode: 'anonymous' }));
    expect(anonymous.map((h) => h.label)).toEqual(['Best student', 'Worst student', 'first fit on the same round']);
    // One student ranked (best is worst): their heap once.
    expect(comparisonHeaps(state({ projection: { ...compare, worstId: 'p1' } })).map((h) => h.label)).toEqual(['Best: Ada', 'first fit on the same round']);
  });
});
