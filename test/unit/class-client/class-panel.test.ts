// What a class adds to the play board: the student's standing in words, and how many
// lines the compact board gets so that the leaderboard shows the top five and the
// student's own row (read through LeaderboardView's own choice of rows).

import { describe, expect, it } from 'vitest';
import { compactBoardLines, standingText, type BoardRow, type ClassStateLike, type PlayerInfoLike } from '../../../client/src/scenes/class/class-state.ts';
import { rowsToShow } from '../../../client/src/scenes/class/views/LeaderboardView.ts';

function rows(count: number, you: number | null): BoardRow[] {
  return Array.from({ length: count }, (_, i) => ({ rank: i + 1, name: `P${i + 1}`, score: 100 - i, vsBest: -i, isYou: i === you }));
}

function state(leaderboardMode: string): ClassStateLike {
  return {
    code: 'K7TQ3M', phase: 'playing', roundNo: 1, roundTitle: 'Warm-up', locked: false, lateJoin: true, leaderboardMode, playerCount: 5,
    leaderboard: [], players: undefined, heaps: undefined, figures: undefined,
  };
}

const me: PlayerInfoLike = { playerId: 'p1', nickname: 'Ada', connected: true, score: 640, vsBest: -40, rank: 2, placed: 3, finished: false };

describe('the class panel on the play board', () => {
  it('[SC-7] says the figure against the best policy and the rank in words, and only the figure while the host hides the board', () => {
    expect(standingText(state('shown'), me)).toBe('You: −40 vs best · rank 2 of 5');
    expect(standingText(state('anonymous'), me)).toBe('You: −40 vs best · rank 2 of 5');
    expect(standingText(state('hidden'), me)).toBe('You: −40 vs best');
    expect(standingText(state('shown'), { ...me, vsBest: 12 })).toBe('You: +12 vs best · rank 2 of 5');
    expect(standingText(state('shown'), { ...me, rank: 0, vsBest: 0 })).toBe('You: 0 vs best · no rank yet');
    expect(standingText(state('shown'), null)).toBe('');
  });

  it('shows every row of a small board', () => {
    expect(compactBoardLines(rows(4, 3))).toBe(4);
    expect(compactBoardLines(rows(6, 5))).toBe(6);
    expect(compactBoardLines([])).toBe(0);
  });

  it('shows the top five of a big board, and the student\'s row after them when it is lower down', () => {
    const shown = (board: BoardRow[]) => rowsToShow(board, compactBoardLines(board)).map((r) => (r === 'gap' ? '…' : r.name));
    expect(shown(rows(30, 2))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(shown(rows(30, null))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(shown(rows(30, 5))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    expect(shown(rows(30, 20))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', '…', 'P21']);
  });
});
