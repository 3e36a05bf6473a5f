import { describe, expect, it } from 'vitest';
import { rankByScore, rankPlayed } from '../../../shared/score/rank.ts';

describe('class ranking', () => {
  it('gives equal scores the same rank and skips the next (1, 2, 2, 4), equals ordered by name', () => {
    const entries = [
      { name: 'dee', score: 700 },
      { name: 'bo', score: 900 },
      { name: 'cy', score: 700 },
      { name: 'al', score: 500 },
    ];
    const ranked = rankByScore(entries, (e) => e.score, (e) => e.name).map((r) => [r.entry.name, r.rank]);
    expect(ranked).toEqual([['bo', 1], ['cy', 2], ['dee', 2], ['al', 4]]);
  });

  it('ranks an empty class as empty', () => {
    expect(rankByScore([], () => 0, () => '')).toEqual([]);
  });

  it('[SC-8] ranks only players who have played, by their figure against the pace; ties share a rank', () => {
    const entries = [
      { name: 'ada', vsBest: 0, played: 13 },
      { name: 'bob', vsBest: 0, played: 1 },
      { name: 'cyd', vsBest: 0, played: 0 },
      { name: 'dot', vsBest: -40, played: 7 },
      { name: 'eve', vsBest: 12, played: 5 },
    ];
    const ranked = rankPlayed(entries, (e) => e.vsBest, (e) => e.name, (e) => e.played).map((r) => [r.entry.name, r.rank]);
    expect(ranked).toEqual([['eve', 1], ['ada', 2], ['bob', 2], ['dot', 4]]);
  });
});
