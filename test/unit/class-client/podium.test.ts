// The podium and board drawing of ties and of figures against the best policy (shared/score
// SC-7, SC-8): ranks, not positions, decide a step's height; bars run from the lowest figure.

import { describe, expect, it } from 'vitest';
import { figureText, type BoardRow } from '../../../client/src/scenes/class/class-state.ts';
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
