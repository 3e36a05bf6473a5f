// The classroom scenes' readers of the synced state and their screen geometry, on
// plain objects shaped like the Colyseus state: expected values worked out by hand.

import { describe, expect, it } from 'vitest';
import {
  boardMode, boardRows, classPhase, heapLineOf, heapThumbs, hintsOf, hostPageOf, ownHeap, ownPlayer, playerRows, rankText,
  type ClassStateLike, type LeaderRowLike, type MatchLike, type PlayerInfoLike, type RegionLike,
} from '../../../client/src/scenes/class/class-state.ts';
import { gridCells, splitColumns, takeTop } from '../../../client/src/scenes/class/layout.ts';

function region(start: number, size: number, state: string, id = -1, requested = 0): RegionLike {
  return { start, size, state, id, requested, tag: '', area: '' };
}

function match(regions: RegionLike[], overrides: Partial<MatchLike> = {}): MatchLike {
  return {
    kind: 'buddy', phase: 'playing', version: 3, regions, hasPending: true,
    pending: { id: 4, size: 4, tag: '', deadline: 0 },
    hints: [{ policy: 'buddy-lowest', target: 4 }, { policy: 'buddy-lifo', target: -1 }],
    meters: { placed: 1, total: 2, liveBytes: 1, heapBytes: 8 },
    ...overrides,
  };
}

function player(playerId: string, nickname: string, extra: Partial<PlayerInfoLike> = {}): PlayerInfoLike {
  return { playerId, nickname, connected: true, score: 0, vsBest: 0, rank: 0, placed: 0, finished: false, ...extra };
}

function classState(overrides: Partial<ClassStateLike> = {}): ClassStateLike {
  return {
    code: 'K7TQ3M', phase: 'playing', roundNo: 1, roundTitle: 'Warm-up', locked: false, lateJoin: true, leaderboardMode: 'shown', playerCount: 2,
    leaderboard: [{ rank: 1, name: 'Grace', score: 900, vsBest: 0 }, { rank: 2, name: 'Ada', score: 625, vsBest: -275 }],
    players: new Map(), heaps: new Map(), figures: undefined,
    ...overrides,
  };
}

describe('classroom state readers', () => {
  it('reads an unknown phase or board mode as the lobby and a shown board', () => {
    expect(classPhase(classState({ phase: 'paused' }))).toBe('paused');
    expect(classPhase(classState({ phase: '' }))).toBe('lobby');
    expect(classPhase(undefined)).toBe('lobby');
    expect(boardMode(classState({ leaderboardMode: 'anonymous' }))).toBe('anonymous');
    expect(boardMode(classState({ leaderboardMode: 'weird' }))).toBe('shown');
  });

  it("marks the viewer's own row on the board, but never on an anonymous board", () => {
    expect(boardRows(classState(), 'Ada')).toEqual([
      { rank: 1, name: 'Grace', score: 900, vsBest: 0, isYou: false },
      { rank: 2, name: 'Ada', score: 625, vsBest: -275, isYou: true },
    ]);
    const anonymous = classState({ leaderboardMode: 'anonymous', leaderboard: [{ rank: 1, name: 'Player 1', score: 900, vsBest: 12 }] });
    expect(boardRows(anonymous, 'Player 1')).toEqual([{ rank: 1, name: 'Player 1', score: 900, vsBest: 12, isYou: false }]);
  });

  it("adds a student's own row, from their own entry, when they rank below the top rows they are sent", () => {
    const players = new Map([['p7', player('p7', 'Lin', { rank: 17, score: 400, vsBest: -500 })]]);
    expect(boardRows(classState({ players }), 'Lin')).toEqual([
      { rank: 1, name: 'Grace', score: 900, vsBest: 0, isYou: false },
      { rank: 2, name: 'Ada', score: 625, vsBest: -275, isYou: false },
      { rank: 17, name: 'Lin', score: 400, vsBest: -500, isYou: true },
    ]);
    // Not yet ranked (rank 0), or the board hidden (no rows): nothing is added.
    expect(boardRows(classState({ players: new Map([['p7', player('p7', 'Lin')]]) }), 'Lin')).toHaveLength(2);
    expect(boardRows(classState({ players, leaderboard: [] }), 'Lin')).toEqual([]);
  });

  const figures = (board: LeaderRowLike[]) => ({ board, utilizationHistogram: [], heatMap: [], heatMapBytes: 1, heatMapRequest: -1 });

  it('reads the whole board where the client has it (the host, the projector), else the top rows', () => {
    const board = [{ rank: 1, name: 'Grace', score: 900, vsBest: 0 }, { rank: 2, name: 'Ada', score: 625, vsBest: -275 }, { rank: 3, name: 'Lin', score: 400, vsBest: -500 }];
    expect(boardRows(classState({ figures: figures(board) })).map((r) => r.name)).toEqual(['Grace', 'Ada', 'Lin']);
    expect(boardRows(classState({ figures: figures([]) })).map((r) => r.name)).toEqual(['Grace', 'Ada']);
  });

  it("finds a student's own entry and heap (the only ones the server shows them), or by id for the host", () => {
    const heap = match([region(0, 8, 'free')]);
    const state = classState({ players: new Map([['p1', player('p1', 'Ada')]]), heaps: new Map([['p1', heap]]) });
    expect(ownPlayer(state)?.nickname).toBe('Ada');
    expect(ownHeap(state)).toBe(heap);
    expect(ownPlayer(state, 'p9')).toBeNull();
    expect(ownHeap(classState())).toBeNull();
  });

  it('[FL-MODEL-1] turns synced regions into an address line: ids only on live blocks, the break past the epilogue, blocks ending before it', () => {
    const line = heapLineOf(match([region(0, 1, 'live', 1, 1), region(1, 1, 'free'), region(2, 2, 'free'), region(4, 4, 'free'), region(8, 8, 'unused')]));
    expect(line.regions[0]).toEqual({ start: 0, size: 1, state: 'live', id: 1, requested: 1 });
    expect(line.regions[1]).toEqual({ start: 1, size: 1, state: 'free' });
    expect(line.breakAt).toBe(16);
    expect(line.blockEnd).toBe(8);
    expect(line.extent).toBe(16);
  });

  it('[MATCH-KIND-LABEL-1] leaves out the hints of policies that would fail, and names policies as the registry does', () => {
    expect(hintsOf(match([]))).toEqual([{ label: 'lowest buddy', address: 4 }]);
  });

  it('lists players by nickname ignoring case, reading fields the server has not written yet as zero', () => {
    const players = new Map([
      ['p2', player('p2', 'bob', { score: 10 })],
      ['p1', player('p1', 'Ada', { score: undefined as unknown as number })],
      ['p3', player('p3', 'Cy', { connected: false })],
    ]);
    const rows = playerRows(classState({ players }));
    expect(rows.map((r) => r.nickname)).toEqual(['Ada', 'bob', 'Cy']);
    expect(rows[0]?.score).toBe(0);
    expect(rows[2]?.connected).toBe(false);
  });

  it('makes a thumbnail for each player with a heap this round, in the list order', () => {
    const players = new Map([['p2', player('p2', 'Bo', { finished: true })], ['p1', player('p1', 'Ada')], ['p3', player('p3', 'Cy')]]);
    const heaps = new Map([['p1', match([region(0, 8, 'free')])], ['p2', match([region(0, 4, 'live', 1, 3), region(4, 12, 'free')])]]);
    const thumbs = heapThumbs(classState({ players, heaps }));
    expect(thumbs.map((t) => [t.name, t.extent, t.finished, t.placed, t.total])).toEqual([['Ada', 8, false, 1, 2], ['Bo', 16, true, 1, 2]]);
  });

  it('lists a host\'s page of the roster in the page\'s order, leaving out students the view does not hold yet', () => {
    const players = new Map([['p1', player('p1', 'Ada')], ['p2', player('p2', 'Bo')], ['p3', player('p3', 'Cy')], ['p9', player('p9', 'Zed')]]);
    const heaps = new Map([['p3', match([region(0, 8, 'free')])], ['p1', match([region(0, 8, 'free')])]]);
    const hostPages = new Map([['host-1', { offset: 30, limit: 3, sort: 'placed', search: '', total: 31, ids: ['p3', 'p1', 'p4'] }]]);
    const state = classState({ players, heaps, hostPages });
    const page = hostPageOf(state, 'host-1');
    expect(page).toEqual({ offset: 30, total: 31, ids: ['p3', 'p1', 'p4'] });
    expect(hostPageOf(state, 'another host')).toBeNull();
    // Zed is in the view (the projector shows him) but not on the page; p4 has not arrived yet.
    expect(playerRows(state, page?.ids).map((r) => r.nickname)).toEqual(['Cy', 'Ada']);
    expect(heapThumbs(state, page?.ids).map((t) => t.name)).toEqual(['Cy', 'Ada']);
  });

  it('says a rank in words', () => {
    expect(rankText(2, 5)).toBe('rank 2 of 5');
    expect(rankText(0, 5)).toBe('no rank yet');
  });
});

describe('classroom screen geometry', () => {
  it('splits a width by weight after the gaps', () => {
    // 300 px minus two 10 px gaps = 280 px: 140, 70, 70.
    expect(splitColumns({ x: 10, y: 0, w: 300, h: 50 }, [2, 1, 1], 10)).toEqual([
      { x: 10, y: 0, w: 140, h: 50 },
      { x: 160, y: 0, w: 70, h: 50 },
      { x: 240, y: 0, w: 70, h: 50 },
    ]);
  });

  it('takes the top of a box and leaves the rest under a gap', () => {
    expect(takeTop({ x: 0, y: 100, w: 50, h: 200 }, 60, 10)).toEqual([{ x: 0, y: 100, w: 50, h: 60 }, { x: 0, y: 170, w: 50, h: 130 }]);
  });

  it('fills a grid row by row with as many columns as fit, and only the rows that fit', () => {
    // 330 px: three columns of at least 100 px with 10 px gaps -> 103 px each; 2 rows of 40 px fit in 95 px.
    const cells = gridCells({ x: 0, y: 0, w: 330, h: 95 }, 8, 100, 40, 10);
    expect(cells).toHaveLength(6);
    expect(cells[1]).toEqual({ x: 113, y: 0, w: 103, h: 40 });
    expect(cells[3]).toEqual({ x: 0, y: 50, w: 103, h: 40 });
  });
});
