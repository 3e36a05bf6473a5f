// The idle time a class closes after (issue #12, item 11): read from
// MALLOCADE_CLASS_IDLE_MINUTES, and the watch on a live class's activity.
import { describe, expect, it } from 'vitest';
import { ActivityWatch, classIdleMsFromEnv, closedMessage, DEFAULT_IDLE_MINUTES } from '../../server/rooms/class-closing.ts';

describe('a class idle time', () => {
  it('is MALLOCADE_CLASS_IDLE_MINUTES in minutes (fractions too), else 120 minutes', () => {
    expect(DEFAULT_IDLE_MINUTES).toBe(120);
    expect(classIdleMsFromEnv(undefined)).toBe(120 * 60_000);
    expect(classIdleMsFromEnv('45')).toBe(45 * 60_000);
    expect(classIdleMsFromEnv('0.5')).toBe(30_000);
    for (const bad of ['', ' ', '0', '-5', 'soon', 'Infinity']) expect(classIdleMsFromEnv(bad)).toBe(120 * 60_000);
  });

  it('runs from the last activity, and says when that is worth writing down (a quarter of the idle time on)', () => {
    const watch = new ActivityWatch(40_000, 1_000);
    expect(watch.isIdle(40_999)).toBe(false);
    expect(watch.isIdle(41_000)).toBe(true);
    watch.note(5_000);
    expect(watch.isIdle(41_000)).toBe(false);
    expect(watch.toWrite()).toBeNull();
    watch.note(11_000);
    expect(watch.toWrite()).toBe(11_000);
    expect(watch.toWrite()).toBeNull();
    // An earlier time never moves it back.
    watch.note(2_000);
    expect(watch.lastActiveAt).toBe(11_000);
  });

  it('tells students who closed the class', () => {
    expect(closedMessage('host', 60_000).message).toBe('The class was closed by the host.');
    expect(closedMessage('idle', 120 * 60_000).message).toBe('The class closed itself after 120 minutes without activity.');
  });
});
