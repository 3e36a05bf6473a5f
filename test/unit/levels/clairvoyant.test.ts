// The clairvoyant reference on the curriculum's levels: the results say whether it beats
// every policy ([MATCH-CLAIR-3]), and the replay shows its heap frame by frame.
import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../../../shared/levels/levels.ts';
import { playReference } from '../../../shared/levels/reference.ts';
import { roundResults } from '../../../shared/match/results.ts';
import { engineOf, type MatchState } from '../../../shared/match/match.ts';
import { clairvoyantFrames, frameAt } from '../../../shared/replay/frames.ts';

function level(id: string): Level {
  const found = LEVELS.find((l) => l.id === id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
}

function finished(l: Level): MatchState {
  const played = playReference(l.config, l.reference);
  if (!played.ok) throw new Error(played.message);
  return played.value;
}

const live = (heap: readonly { start: number; size: number; state: string }[]) => heap.filter((r) => r.state === 'live').map((r) => [r.start, r.size]);

describe('the clairvoyant reference in the results', () => {
  it('[MATCH-CLAIR-3] is a target of its own where it beats every policy: best fit gone wrong', () => {
    // Every policy leaves three holes of 19 and fails the 20 (900); seeing the frees coming,
    // the 19s go side by side and the 20 fits (1000).
    const results = roundResults(finished(level('best-fit-gone-wrong')));
    if (!results.ok) throw new Error(results.message);
    expect(Math.max(...results.value.policies.map((p) => p.card.score))).toBe(900);
    expect(results.value.clairvoyant.card.score).toBe(1000);
    expect(results.value.clairvoyantBetter).toBe(true);
  });

  it('[MATCH-CLAIR-3] is not a separate target where a policy already packs perfectly: first fit', () => {
    const results = roundResults(finished(level('first-fit')));
    if (!results.ok) throw new Error(results.message);
    expect(results.value.best.card.score).toBe(1000);
    expect(results.value.clairvoyantBetter).toBe(false);
  });

  it('[MATCH-CLAIR-3] its heap replays frame by frame beside the player: the buddy walk-through', () => {
    // In 2^3 units, alloc 2^0 then 2^2: the only layout whose extent is the 5 live units
    // puts the 2^2 at 0 and so the 2^0 at 4; both are freed at the end.
    const l = level('buddy-walkthrough');
    const frames = clairvoyantFrames(l.config, engineOf(finished(l)).events);
    if (!frames.ok) throw new Error(frames.message);
    // [MATCH-REPLAY-2] frame N is the heap after N events.
    expect(frames.value.map((f) => f.at)).toEqual([0, 1, 2, 3, 4]);
    expect(live(frameAt(frames.value, 1)!.heap)).toEqual([[4, 1]]);
    expect(live(frameAt(frames.value, 2)!.heap)).toEqual([[0, 4], [4, 1]]);
    expect(live(frameAt(frames.value, 4)!.heap)).toEqual([]);
  });
});
