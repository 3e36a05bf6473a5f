// The podium and board drawing of ties and of figures against the best policy (shared/score
// SC-7, SC-8): ranks, not positions, decide a step's height; bars run from the lowest figure.
// The session's podium reveal (SC-10) as a screen draws it from the synced state.

import { describe, expect, it } from 'vitest';
import { figureText, type BoardRow, type ClassStateLike } from '../../../client/src/scenes/class/class-state.ts';
import { podiumPicture, shownPlaces } from '../../../client/src/scenes/class/podium-reveal.ts';
import { wallScreen } from '../../../client/src/scenes/class/projection.ts';
import { moreTied, stepFor } from '../../../client/src/scenes/class/views/PodiumView.ts';
import { barShares } from '../../../client/src/scenes/class/views/LeaderboardView.ts';

const row = (rank: number, name: string, vsBest: number): BoardRow => ({ rank, name, score: 500, vsBest, isYou: false });

describe('the podium and the board', () => {
  it('[SC-8] draws ties as ties: players sharing a rank stand on steps of the same height and colour', () => {
    expect(stepFor(1)).toEqual(stepFor(1));
    expect(stepFor(1).height).toBe(1);
    expect(stepFor(2).height).toBe(0.7);
    expect(stepFor(3).height).toBe(0.5);
    expect(stepFor(2).colour).not.toBe(stepFor(1).colour);
    const board = [row(1, 'Ada', 0), row(1, 'Bo', 0), row(1, 'Cy', 0), row(1, 'Di', 0), row(5, 'Ed', -30)];
    expect(moreTied(board, board[0]!)).toBe(1);
    expect(moreTied([row(1, 'Ada', 0), row(2, 'Bo', -1), row(3, 'Cy', -2)], row(1, 'Ada', 0))).toBe(0);
  });

  it('[SC-7] writes a figure with its sign, a true minus for a loss', () => {
    expect([figureText(12), figureText(0), figureText(-40)]).toEqual(['+12', '0', '−40']);
  });

  it('runs the bars from a stub for the lowest figure to full for the highest, all full when all tie', () => {
    const share = barShares([row(1, 'Ada', 10), row(2, 'Bo', -40), row(3, 'Cy', -90)]);
    expect(share(10)).toBe(1);
    expect(share(-90)).toBeCloseTo(0.08);
    expect(share(-40)).toBeCloseTo(0.08 + 0.92 * 0.5);
    expect(barShares([row(1, 'Ada', 0), row(1, 'Bo', 0)])(0)).toBe(1);
  });
});

describe('the podium reveal at the end of a session (host:podium)', () => {
  const rows = [
    { rank: 1, name: 'Ada', total: 900, rounds: 2 },
    { rank: 1, name: 'Bo', total: 900, rounds: 2 },
    { rank: 3, name: 'Cy', total: 400, rounds: 1 },
  ];
  const stateWith = (podium: { stage: string; count: number; revealed: number }) =>
    ({ phase: 'results', podium: { ...podium, rows } }) as unknown as ClassStateLike;

  it('[SC-10] shows the countdown\'s number with every place hidden, then the lowest place, then the tie for first with both names', () => {
    const counting = podiumPicture(stateWith({ stage: 'countdown', count: 2, revealed: 0 }), false);
    expect(counting?.count).toBe(2);
    expect(shownPlaces(counting)).toEqual([]);
    expect(shownPlaces(podiumPicture(stateWith({ stage: 'reveal', count: 0, revealed: 1 }), false))).toEqual([['Cy']]);
    const done = podiumPicture(stateWith({ stage: 'done', count: 0, revealed: 2 }), false);
    expect(shownPlaces(done)).toEqual([['Cy'], ['Ada', 'Bo']]);
    // In rank order on the steps, the pair on steps of the same height.
    expect(done?.rows.map((r) => [r.rank, r.name, r.caption])).toEqual([[1, 'Ada', '900 points · 2 rounds'], [1, 'Bo', '900 points · 2 rounds'], [3, 'Cy', '400 points · 1 round']]);
    expect(stepFor(done!.rows[0]!.rank)).toEqual(stepFor(done!.rows[1]!.rank));
  });

  it('shows everything at once under prefers-reduced-motion, without the countdown', () => {
    const reduced = podiumPicture(stateWith({ stage: 'countdown', count: 3, revealed: 0 }), true);
    expect(reduced?.count).toBe(0);
    expect(shownPlaces(reduced)).toEqual([['Cy'], ['Ada', 'Bo']]);
  });

  it('is not up without a reveal; the projector shows it between rounds only', () => {
    expect(podiumPicture(stateWith({ stage: '', count: 0, revealed: 0 }), false)).toBeNull();
    expect(wallScreen(stateWith({ stage: 'reveal', count: 0, revealed: 1 }), false)).toBe('reveal');
    expect(wallScreen({ ...stateWith({ stage: 'reveal', count: 0, revealed: 1 }), phase: 'playing' } as ClassStateLike, false)).toBe('board');
    expect(wallScreen(stateWith({ stage: '', count: 0, revealed: 0 }), false)).toBe('podium');
  });
});
