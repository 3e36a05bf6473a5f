// The classroom's class-wide pictures (server/rooms/class-figures.ts), as pure
// functions: standings from a match, the ranked board as the host shows it, the
// utilization histogram, and the heat map of the most recent request.
import { describe, expect, it } from 'vitest';
import { classBoard, classExtent, classTotals, Heat, heatMapBins, standingOf, sumByPlayer, utilizationHistogram, HEAT_BINS } from '../../server/rooms/class-figures.ts';
import { applyMove, startMatch } from '../../shared/match/match.ts';
import { alloc } from '../../shared/core/stream.ts';
import { roundPace } from '../../shared/match/pace.ts';

const entry = (playerId: string, nickname: string, vsBest: number, played = 3) => ({ playerId, nickname, score: 500 + vsBest, vsBest, played });

describe('the class board', () => {
  const entries = [entry('p1', 'Cleo', -20), entry('p2', 'Ada', 0), entry('p3', 'Bea', -20), entry('p4', 'Dot', -500)];

  it('[SC-8] ranks by the figure against the pace, equal figures sharing a rank and listed by name', () => {
    const board = classBoard(entries, 'shown');
    expect(board.rows).toEqual([
      { rank: 1, name: 'Ada', score: 500, vsBest: 0 },
      { rank: 2, name: 'Bea', score: 480, vsBest: -20 },
      { rank: 2, name: 'Cleo', score: 480, vsBest: -20 },
      { rank: 4, name: 'Dot', score: 0, vsBest: -500 },
    ]);
    expect(Object.fromEntries(board.ranks)).toEqual({ p1: 2, p2: 1, p3: 2, p4: 4 });
  });

  it('[SC-8] leaves a player who has not played off the board, with no rank', () => {
    const board = classBoard([...entries, entry('p5', 'Eve', 0, 0)], 'shown');
    expect(board.rows.map((r) => r.name)).toEqual(['Ada', 'Bea', 'Cleo', 'Dot']);
    expect(board.ranks.has('p5')).toBe(false);
  });

  it('shows "Player N" when anonymous and no rows when hidden, ranking everyone either way', () => {
    expect(classBoard(entries, 'anonymous').rows.map((r) => r.name)).toEqual(['Player 1', 'Player 2', 'Player 3', 'Player 4']);
    const hidden = classBoard(entries, 'hidden');
    expect(hidden.rows).toEqual([]);
    expect(hidden.ranks.get('p2')).toBe(1);
  });

  it('shows at most 50 rows', () => {
    const many = Array.from({ length: 70 }, (_, i) => entry(`p${i}`, `N${String(i).padStart(2, '0')}`, -i));
    const board = classBoard(many, 'shown');
    expect(board.rows).toHaveLength(50);
    expect(board.ranks.size).toBe(70);
    expect(board.rows.at(-1)).toEqual({ rank: 50, name: 'N49', score: 451, vsBest: -49 });
  });
});

describe('the utilization histogram', () => {
  it('counts players per decile, 100% in the last', () => {
    expect(utilizationHistogram([0, 0.05, 0.1, 0.55, 0.99, 1])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(utilizationHistogram([])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('the heat map', () => {
  it('keeps where each student put the newest request; an older request changes nothing, a newer starts afresh', () => {
    const heat = new Heat();
    expect(heat.requestId).toBe(-1);
    heat.note('a', 3, 10);
    heat.note('b', 3, 20);
    heat.note('a', 3, 12);
    heat.note('c', 2, 99);
    expect(heat.requestId).toBe(3);
    expect([...heat.places()]).toEqual([12, 20]);
    heat.note('b', 4, 40);
    expect([...heat.places()]).toEqual([40]);
  });

  it('bins the targets over the class range, 32 bins, a target at or past the end in the last', () => {
    const bins = heatMapBins([0, 1, 63, 64, 127, 500], 128);
    expect(bins).toHaveLength(HEAT_BINS);
    expect(bins[0]).toBe(2);
    expect(bins[15]).toBe(1);
    expect(bins[16]).toBe(1);
    expect(bins[31]).toBe(2);
    expect(bins.reduce((a, b) => a + b, 0)).toBe(6);
  });

  it('takes the class range from the furthest region of any heap (at least 1)', () => {
    expect(classExtent([[{ start: 0, size: 16 }, { start: 16, size: 48 }], [{ start: 0, size: 100 }]])).toBe(100);
    expect(classExtent([])).toBe(1);
  });
});

describe('a student\'s standing', () => {
  it('[SC-7] scores the part played against the pace, and counts placements and failures from the match', () => {
    const config = {
      kind: 'freelist', options: { align: 1, overhead: 0, header: 0, minBlock: 1, growth: 'fixed', limit: 16 },
      source: { source: 'events', events: [alloc(0, 8), alloc(1, 4)] }, seed: 1, timePerRequestMs: null, fallback: 'first-fit-address',
    } as const;
    const start = startMatch(config, 0);
    if (!start.ok) throw new Error(start.message);
    const pace = roundPace(config);
    if (!pace.ok) throw new Error(pace.message);
    // Nothing placed yet: an empty round is full utilization (SC-1), for the student and the pace alike.
    expect(standingOf(start.value, pace.value)).toMatchObject({ score: 1000, vsBest: 0, played: 0, placed: 0, failures: 0, finished: false });
    const placed = applyMove(start.value, { type: 'place', requestId: 0, target: 0, version: 0 }, 1);
    if (!placed.ok) throw new Error(placed.message);
    const standing = standingOf(placed.value, pace.value);
    expect(standing.placed).toBe(1);
    // 8 of 16 bytes: 500 points, as every policy placing the 8 (anywhere) scores.
    expect(standing).toMatchObject({ score: 500, vsBest: 0, played: 1 });
    // 8 bytes live on a fixed 16-byte heap.
    expect(standing.utilization).toBe(0.5);
  });
});

describe('totals across a session\'s rounds (the podium)', () => {
  const results = [
    { playerId: 'a', nickname: 'Ada', score: 700 }, { playerId: 'g', nickname: 'Grace', score: 900 }, { playerId: 'l', nickname: 'Linus', score: 800 },
    { playerId: 'a', nickname: 'Ada', score: 300 }, { playerId: 'g', nickname: 'Grace', score: 100 },
  ];

  it('sums each student\'s scores over the rounds and ranks them; equal totals share a rank (ties are ties)', () => {
    // Ada 700 + 300 = 1000, Grace 900 + 100 = 1000, Linus 800 (one round).
    expect(classTotals(sumByPlayer(results), 'shown')).toEqual([
      { rank: 1, name: 'Ada', total: 1000, rounds: 2 },
      { rank: 1, name: 'Grace', total: 1000, rounds: 2 },
      { rank: 3, name: 'Linus', total: 800, rounds: 1 },
    ]);
  });

  it('[SC-10] counts a round only where the student played a request: sitting through one (an empty heap, 1000 points) adds nothing', () => {
    const sat = [...results, { playerId: 'l', nickname: 'Linus', score: 1000, played: 0 }, { playerId: 'b', nickname: 'Bo', score: 1000, played: 0 }, { playerId: 'a', nickname: 'Ada', score: 0, played: 3 }];
    expect(classTotals(sumByPlayer(sat), 'shown')).toEqual([
      { rank: 1, name: 'Ada', total: 1000, rounds: 3 },
      { rank: 1, name: 'Grace', total: 1000, rounds: 2 },
      { rank: 3, name: 'Linus', total: 800, rounds: 1 },
    ]);
  });

  it('keeps one sum a student however many rounds the session plays (a long class holds no more than a short one)', () => {
    const rounds = 40;
    const many = Array.from({ length: rounds }, () => results.slice(0, 3)).flat();
    const sums = sumByPlayer(many);
    expect(sums.size).toBe(3);
    expect(sums.get('a')).toEqual({ nickname: 'Ada', total: 700 * rounds, rounds });
  });

  it('shows the totals as the board is shown: none when hidden, "Player N" when anonymous', () => {
    expect(classTotals(sumByPlayer(results), 'hidden')).toEqual([]);
    expect(classTotals(sumByPlayer(results), 'anonymous').map((r) => [r.rank, r.name])).toEqual([[1, 'Player 1'], [1, 'Player 2'], [3, 'Player 3']]);
    expect(classTotals(sumByPlayer([]), 'shown')).toEqual([]);
  });
});

