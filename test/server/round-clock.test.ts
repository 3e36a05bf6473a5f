// The whole-round clock (server/rooms/round-clock.ts) on its own: its end in class match
// time, "+N s", when it has run out, and what the state shows while running and paused.
import { describe, expect, it } from 'vitest';
import { WholeRoundClock } from '../../server/rooms/round-clock.ts';

describe('the whole-round clock', () => {
  it('ends `limit` after the start in match time, shown as a wall-clock deadline moved by the time paused', () => {
    const clock = new WholeRoundClock();
    clock.start(60_000, 1_000);
    expect(clock.endsAt).toBe(61_000);
    expect(clock.view(11_000, 500, false)).toEqual({ deadline: 61_500, remainingMs: 50_000 });
    // Paused: no deadline runs, the time left stands.
    expect(clock.view(11_000, 500, true)).toEqual({ deadline: 0, remainingMs: 50_000 });
    expect(clock.isDue(60_999)).toBe(false);
    expect(clock.isDue(61_000)).toBe(true);
  });

  it('takes "+30 s" only when there is a clock, and shows nothing without one', () => {
    const clock = new WholeRoundClock();
    clock.start(null, 0);
    expect(clock.extend(30_000)).toBe(false);
    expect(clock.view(5, 0, false)).toEqual({ deadline: 0, remainingMs: 0 });
    expect(clock.isDue(Number.MAX_SAFE_INTEGER)).toBe(false);
    const restored = new WholeRoundClock(10_000);
    expect(restored.extend(30_000)).toBe(true);
    expect(restored.view(45_000, 0, false)).toEqual({ deadline: 40_000, remainingMs: 0 });
    restored.clear();
    expect(restored.endsAt).toBeNull();
  });
});
