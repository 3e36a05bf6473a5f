// The play screen's one source of events (client/src/scenes/play/play-events.ts): each
// synced change's happenings reach every subscriber once, in order; the first state seen
// is where the screen starts.
import { describe, expect, it } from 'vitest';
import { PlayEvents, describeEvent, failureReason, type PlayEvent } from '../../../client/src/scenes/play/play-events.ts';

const FREED = { type: 'freed', requestId: 3, start: 10, size: 20 } as const;
const FAILED = { type: 'failed', requestId: 5, size: 20, freeBytes: 57, largestFree: 19 } as const;

describe('the play events', () => {
  it('emits each version\'s events once, in order, to every subscriber', () => {
    const events = new PlayEvents();
    const a: PlayEvent[] = [];
    const b: string[] = [];
    events.on((e) => a.push(e));
    const off = events.on((e) => b.push(e.type));
    events.take(4, [FREED]);
    expect(a).toEqual([]);
    events.take(5, [FREED, FAILED]);
    events.take(5, [FREED, FAILED]);
    expect(a).toEqual([FREED, FAILED]);
    off();
    events.take(6, [FAILED]);
    expect(a).toEqual([FREED, FAILED, FAILED]);
    expect(b).toEqual(['freed', 'failed']);
  });
});

describe('the play events in words', () => {
  it('says why a malloc failed, and what a timeout cost', () => {
    expect(describeEvent(FAILED)).toBe('malloc(20) → NULL: 57 B free, largest hole 19 B.');
    expect(failureReason(FAILED)).toMatch(/^57 B are free, enough for 20 B, but no single hole is big enough: that is external fragmentation\.$/);
    expect(failureReason({ ...FAILED, freeBytes: 12, largestFree: 12 })).toMatch(/^Only 12 B are free/);
    expect(describeEvent({ type: 'timeout', requestId: 2, policy: 'first-fit-address', placed: true, penalty: 25 })).toBe("Time's up: placed by first fit, −25.");
  });
});
