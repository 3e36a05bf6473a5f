import { describe, expect, it } from 'vitest';
import { applyMove, startMatch, type RoundConfig } from '../../../shared/match/match.ts';
import { clairvoyantFrames, frameAt, playerFrames, policyFrames, type Frame } from '../../../shared/replay/frames.ts';
import { writeStep } from '../../../shared/replay/steps.ts';
import { LEVELS } from '../../../shared/levels/levels.ts';
import { policiesFor, type RegisteredKind } from '../../../shared/match/kinds.ts';
import { alloc, free } from '../../../shared/core/stream.ts';
import { resolveRound, WARM_UP_ID } from '../../../shared/levels/rounds.ts';

/** The warm-up round: the lecture's buddy walk-through (2^3 units; alloc 2^0, alloc 2^2, free both). */
const warmUp = resolveRound(WARM_UP_ID);
if (!warmUp.ok) throw new Error(warmUp.message);
const walkthrough: RoundConfig = warmUp.value.config;

const live = (heap: readonly { start: number; size: number; state: string }[]) => heap.filter((r) => r.state === 'live').map((r) => [r.start, r.size]);

/** The player's frames on the walk-through after placing its two requests at `targets`. */
function walkthroughPlayedAt(targets: readonly [number, number]): Frame[] {
  const started = startMatch(walkthrough, 0);
  if (!started.ok) throw new Error(started.message);
  const one = applyMove(started.value, { type: 'place', requestId: 0, target: targets[0], version: 0 }, 10);
  if (!one.ok) throw new Error(one.message);
  const two = applyMove(one.value, { type: 'place', requestId: 1, target: targets[1], version: 1 }, 20);
  if (!two.ok) throw new Error(two.message);
  const frames = playerFrames(walkthrough, 0, two.value.log);
  if (!frames.ok) throw new Error(frames.message);
  return frames.value;
}

describe('replay frames', () => {
  it("[MATCH-REPLAY-2] rebuild the player's heap after each stream event: frame N is the heap after N events", () => {
    const frames = walkthroughPlayedAt([2, 4]);
    // The stream: alloc 2^0 (placed at 2), alloc 2^2 (placed at 4), free the first, free the second.
    expect(frames.map((f) => f.at)).toEqual([0, 1, 2, 3, 4]);
    expect(frames.map((f) => live(f.heap))).toEqual([[], [[2, 1]], [[2, 1], [4, 4]], [[4, 4]], []]);
    expect(live(frameAt(frames, 1)!.heap)).toEqual([[2, 1]]);
  });

  it('[MATCH-REPLAY-2] one step of the replay runs one event on every level: a placed malloc adds one block, a free takes one away', () => {
    for (const level of LEVELS) {
      const policy = policiesFor(level.config.kind as RegisteredKind)[0]!.create().name;
      const frames = policyFrames(level.config, policy);
      if (!frames.ok) throw new Error(frames.message);
      expect(frames.value.map((f) => f.at), level.id).toEqual(frames.value.map((_, i) => i));
      for (const [i, frame] of frames.value.entries()) {
        if (i === 0) continue;
        const change = live(frame.heap).length - live(frames.value[i - 1]!.heap).length;
        const step = frame.step!;
        const expected = step.at === null ? 0 : step.op === 'free' ? -1 : step.op === 'malloc' ? 1 : 0;
        expect(change, `${level.id}, step ${i}: ${writeStep(step)}`).toBe(expected);
      }
    }
  });

  it("[MATCH-REPLAY-2] play a built-in policy afresh and line its heap up with the player's after the same events", () => {
    const frames = policyFrames(walkthrough, 'buddy-lowest');
    if (!frames.ok) throw new Error(frames.message);
    expect(frames.value.map((f) => f.at)).toEqual([0, 1, 2, 3, 4]);
    // The lecture's walk-through: 2^0 at address 0, then 2^2 at address 4, then both freed.
    expect(live(frameAt(frames.value, 1)!.heap)).toEqual([[0, 1]]);
    expect(live(frameAt(frames.value, 2)!.heap)).toEqual([[0, 1], [4, 4]]);
    expect(live(frameAt(frames.value, 3)!.heap)).toEqual([[4, 4]]);
    expect(frameAt(frames.value, 4)!.heap).toEqual([{ start: 0, size: 8, state: 'free' }]);
  });

  it('[MATCH-REPLAY-3] label each step: malloc or free, the size and where the block went or left from', () => {
    const frames = policyFrames(walkthrough, 'buddy-lowest');
    if (!frames.ok) throw new Error(frames.message);
    expect(frames.value.map((f) => f.step)).toEqual([
      null,
      { op: 'malloc', size: 1, at: 0, area: null },
      { op: 'malloc', size: 4, at: 4, area: null },
      { op: 'free', size: 1, at: 0, area: null },
      { op: 'free', size: 4, at: 4, area: null },
    ]);
    expect(frames.value.map((f) => (f.step ? writeStep(f.step) : null))).toEqual([
      null, 'malloc(1) → at 0', 'malloc(4) → at 4', 'free the 1-byte block at 0', 'free the 4-byte block at 4',
    ]);
    // Addresses as the reader chose them (the client's hex setting).
    expect(writeStep(frameAt(frames.value, 2)!.step!, (a) => `0x${a.toString(16)}`)).toBe('malloc(4) → at 0x4');
  });

  it('[MATCH-REPLAY-3] a malloc that fails is labelled as returning NULL', () => {
    const config: RoundConfig = { ...walkthrough, source: { source: 'events', events: [alloc(0, 16)] } };
    const frames = policyFrames(config, 'buddy-lowest');
    if (!frames.ok) throw new Error(frames.message);
    expect(frames.value.map((f) => (f.step ? writeStep(f.step) : null))).toEqual([null, 'malloc(16) → NULL (no room)']);
  });

  it("[MATCH-REPLAY-2] the clairvoyant's frames line up the same way", () => {
    const frames = clairvoyantFrames(walkthrough, [alloc(0, 1), alloc(1, 4), free(0), free(1)]);
    if (!frames.ok) throw new Error(frames.message);
    expect(frames.value.map((f) => f.at)).toEqual([0, 1, 2, 3, 4]);
    expect(live(frames.value[2]!.heap)).toHaveLength(2);
  });

  it('refuse an unknown policy with a code', () => {
    expect(policyFrames(walkthrough, 'no-such-policy')).toMatchObject({ ok: false, code: 'policy/unknown' });
  });
});
