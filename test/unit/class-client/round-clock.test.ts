// The whole-round countdown every class screen shows (client/src/scenes/class/round-clock.ts),
// from the synced deadline and time left (docs/PROTOCOL.md, roundDeadline / roundRemainingMs).
import { describe, expect, it } from 'vitest';
import type { ClassStateLike } from '../../../client/src/scenes/class/class-state.ts';
import { clockFace, roundClockWords, roundTimeLeftMs } from '../../../client/src/scenes/class/round-clock.ts';

function state(overrides: Partial<ClassStateLike>): ClassStateLike {
  return {
    code: 'K7TQ3M', phase: 'playing', roundNo: 1, roundTitle: 'Peaks', locked: false, lateJoin: true, leaderboardMode: 'shown', playerCount: 0,
    leaderboard: [], players: undefined, heaps: undefined, figures: undefined, ...overrides,
  };
}

describe('the whole-round countdown', () => {
  it('runs down to the deadline while the round runs, and stands still at the time left while it is paused', () => {
    expect(roundTimeLeftMs(state({ roundDeadline: 100_000, roundRemainingMs: 90_000 }), 40_000)).toBe(60_000);
    expect(roundTimeLeftMs(state({ roundDeadline: 100_000, roundRemainingMs: 90_000 }), 130_000)).toBe(0);
    expect(roundTimeLeftMs(state({ phase: 'paused', roundDeadline: 0, roundRemainingMs: 61_500 }), 999_999)).toBe(61_500);
  });

  it('is not there without a whole-round clock, nor outside a round', () => {
    expect(roundTimeLeftMs(state({ roundDeadline: 0, roundRemainingMs: 0 }), 1)).toBeNull();
    expect(roundTimeLeftMs(state({}), 1)).toBeNull();
    expect(roundTimeLeftMs(state({ phase: 'results', roundDeadline: 100_000, roundRemainingMs: 5 }), 1)).toBeNull();
    expect(roundClockWords(state({ phase: 'lobby' }), 1)).toBe('');
  });

  it('reads as minutes and seconds, rounded up, and says when it is paused', () => {
    expect(clockFace(245_000)).toBe('4:05');
    expect(clockFace(8_001)).toBe('0:09');
    expect(clockFace(0)).toBe('0:00');
    expect(clockFace(3_723_000)).toBe('1:02:03');
    expect(roundClockWords(state({ roundDeadline: 10_000, roundRemainingMs: 9_000 }), 0)).toBe('Round: 0:10 left');
    expect(roundClockWords(state({ phase: 'paused', roundRemainingMs: 61_000 }), 0)).toBe('Round: 1:01 left, paused');
  });
});
