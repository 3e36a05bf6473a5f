// The rooms' one pausable clock (server/rooms/match-clock.ts): match time is wall
// time minus the time stopped, frozen while stopped.
import { describe, expect, it } from 'vitest';
import { MatchClock } from '../../server/rooms/match-clock.ts';

describe('the match clock', () => {
  it('runs with wall time, stands still while stopped, and runs behind by the time stopped', () => {
    let wall = 1_000;
    const clock = new MatchClock(() => wall);
    expect(clock.now()).toBe(1_000);
    clock.stop();
    wall = 1_500;
    expect(clock.stopped).toBe(true);
    expect(clock.now()).toBe(1_000);
    expect(clock.pausedMs).toBe(0);
    expect(clock.pausedMsIfStartedNow()).toBe(500);
    clock.start();
    expect(clock.pausedMs).toBe(500);
    wall = 1_700;
    expect(clock.now()).toBe(1_200);
  });

  it('ignores a second stop or a start while running, and starts from time already paused', () => {
    let wall = 0;
    const clock = new MatchClock(() => wall, 300);
    clock.start();
    expect(clock.now()).toBe(-300);
    clock.stop();
    wall = 100;
    clock.stop();
    wall = 250;
    clock.start();
    expect(clock.pausedMs).toBe(550);
    expect(clock.now()).toBe(-300);
  });
});
