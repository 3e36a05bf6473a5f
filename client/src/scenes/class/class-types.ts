// The words the class views and the test hook share about a class: its phase, how
// the board is shown, and one row of a drawn leaderboard. Types only, imported by
// class-state.ts (which reads them off the synced state) and by test-hook.ts, so
// neither needs the other.

export type ClassPhase = 'lobby' | 'playing' | 'paused' | 'results';
export type BoardMode = 'shown' | 'hidden' | 'anonymous';

/** One row of a drawn leaderboard. */
export interface BoardRow {
  readonly rank: number;
  readonly name: string;
  /** The score on the part played. */
  readonly score: number;
  /** The figure the board ranks by and shows: the score against the best policy on the same requests. */
  readonly vsBest: number;
  /** The student looking at the board (marked with words, not only a colour). */
  readonly isYou: boolean;
}
