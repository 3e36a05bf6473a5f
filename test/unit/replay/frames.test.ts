import { describe, expect, it } from 'vitest';
import { applyMove, startMatch, type RoundConfig } from '../../../shared/match/match.ts';
import { frameAt, playerFrames, policyFrames } from '../../../shared/replay/frames.ts';
import { resolveRound, WARM_UP_ID } from '../../../shared/levels/rounds.ts';

/** The warm-up round: the lecture's buddy walk-through (2^3 units; alloc 2^0, alloc 2^2, free both). */
const warmUp = resolveRound(WARM_UP_ID);
if (!warmUp.ok) throw new Error(warmUp.message);
const walkthrough: RoundConfig = warmUp.value.config;

const live = (heap: readonly { start: number; size: number; state: string }[]) => heap.filter((r) => r.state === 'live').map((r) => [r.start, r.size]);

describe('replay frames', () => {
  it("rebuild the player's heap after every move, keyed by the stream events run", () => {
    const started = startMatch(walkthrough, 0);
    if (!started.ok) throw new Error(started.message);
    const one = applyMove(started.value, { type: 'place', requestId: 0, target: 2, version: 0 }, 10);
    if (!one.ok) throw new Error(one.message);
    const two = applyMove(one.value, { type: 'place', requestId: 1, target: 4, version: 1 }, 20);
    if (!two.ok) throw new Error(two.message);
    const frames = playerFrames(walkthrough, 0, two.value.log);
    if (!frames.ok) throw new Error(frames.message);
    // Start: alloc(1) pending after 1 event; after move 1: alloc(4) pending after 2 events;
    // after move 2: both frees ran, 4 events, everything free again.
    expect(frames.value.map((f) => f.at)).toEqual([1, 2, 4]);
    expect(frames.value.map((f) => live(f.heap))).toEqual([[], [[2, 1]], []]);
  });

  it("play a built-in policy afresh and line its heap up with the player's at the same moment", () => {
    const frames = policyFrames(walkthrough, 'buddy-lowest');
    if (!frames.ok) throw new Error(frames.message);
    expect(frames.value.map((f) => f.at)).toEqual([1, 2, 4]);
    // The lecture's walk-through: 2^0 at address 0, then 2^2 at address 4.
    expect(live(frameAt(frames.value, 2)!.heap)).toEqual([[0, 1]]);
    expect(live(frameAt(frames.value, 3)!.heap)).toEqual([[0, 1]]);
    expect(frameAt(frames.value, 4)!.heap).toEqual([{ start: 0, size: 8, state: 'free' }]);
  });

  it('refuse an unknown policy with a code', () => {
    expect(policyFrames(walkthrough, 'no-such-policy')).toMatchObject({ ok: false, code: 'policy/unknown' });
  });
});
