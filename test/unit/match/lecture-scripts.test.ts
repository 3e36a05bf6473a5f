import { describe, it, expect } from 'vitest';
import { LECTURE_SCRIPTS, BUDDY_WALKTHROUGH, type LectureScript } from '../../../shared/streams/lecture.ts';
import { setupFor, defaultPolicyFor } from '../../../shared/match/kinds.ts';
import { playPolicy } from '../../../shared/match/results.ts';
import { applyMove, startMatch, type MatchState, type RoundConfig } from '../../../shared/match/match.ts';

function roundOf(script: LectureScript): RoundConfig {
  const setup = setupFor(script.setup);
  return { ...setup, source: { source: 'script', name: script.name }, seed: 0, timePerRequestMs: null, fallback: defaultPolicyFor(setup.kind) };
}

describe('lecture scripts on the engine', () => {
  for (const script of LECTURE_SCRIPTS) {
    for (const expectation of script.expect) {
      for (const policy of expectation.policies) {
        it(`[ST-LECT-1] ${script.name}: ${policy} has ${expectation.failures} failure(s) as the lecture says`, () => {
          const run = playPolicy(roundOf(script), policy);
          if (!run.ok) throw new Error(run.message);
          const { summary } = run.value;
          expect(summary.failures).toBe(expectation.failures);
          if (expectation.peakHeap !== undefined) expect(summary.peakHeap).toBe(expectation.peakHeap);
          if (expectation.peakLive !== undefined) expect(summary.peakLive).toBe(expectation.peakLive);
          if (expectation.firstFailure) expect(summary.firstFailure).toMatchObject(expectation.firstFailure);
        });
      }
    }
  }

  it('[ST-LECT-6] the buddy walk-through: 0, then 4, then one free block of order 3', () => {
    let s = startMatch(roundOf(BUDDY_WALKTHROUGH), 0);
    const place = (state: MatchState, target: number) => applyMove(state, { type: 'place', requestId: state.pending?.requestId ?? -1, target, version: state.version }, 0);
    if (!s.ok) throw new Error(s.code);
    expect(s.value.pending?.size).toBe(1);
    s = place(s.value, 0);
    if (!s.ok) throw new Error(s.code);
    expect(s.value.heap).toEqual([
      { start: 0, size: 1, state: 'live', id: 0, requested: 1 },
      { start: 1, size: 1, state: 'free' },
      { start: 2, size: 2, state: 'free' },
      { start: 4, size: 4, state: 'free' },
    ]);
    s = place(s.value, 4);
    if (!s.ok) throw new Error(s.code);
    expect(s.value.finished).toBe(true);
    expect(s.value.heap).toEqual([{ start: 0, size: 8, state: 'free' }]);
  });
});
