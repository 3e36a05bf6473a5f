// The debrief on real runs of the curriculum's levels ([MATCH-DEBRIEF-1..2]): the facts
// of the player's run, and the sentences the results carry.
import { describe, expect, it } from 'vitest';
import { LEVELS, type Level } from '../../../shared/levels/levels.ts';
import { playReference } from '../../../shared/levels/reference.ts';
import { debriefFacts } from '../../../shared/match/debrief.ts';
import { applyMove, hintsFor, startMatch, type MatchState } from '../../../shared/match/match.ts';
import { roundResults } from '../../../shared/match/results.ts';

function level(id: string): Level {
  const found = LEVELS.find((l) => l.id === id);
  if (!found) throw new Error(`no level ${id}`);
  return found;
}

/** The player puts every request where `policy`'s hint marker points. */
function followHints(l: Level, policy: string): MatchState {
  const started = startMatch(l.config, 0);
  if (!started.ok) throw new Error(started.message);
  let state = started.value;
  while (state.pending) {
    const target = hintsFor(state).find((h) => h.policy === policy)?.target;
    if (target === undefined || target === null) throw new Error(`${policy} has no hint`);
    const next = applyMove(state, { type: 'place', requestId: state.pending.requestId, target, version: state.version }, 0);
    if (!next.ok) throw new Error(next.message);
    state = next.value;
  }
  return state;
}

function debriefOf(state: MatchState): string {
  const results = roundResults(state);
  if (!results.ok) throw new Error(results.message);
  return results.value.debrief;
}

describe('the debrief', () => {
  it('[MATCH-DEBRIEF-1] [MATCH-DEBRIEF-2] names the failed malloc with the free bytes and the largest hole: best fit gone wrong', () => {
    // Five allocs and three frees, then the 20 is the 9th event; the three 19s are free.
    const state = followHints(level('best-fit-gone-wrong'), 'best-fit');
    const facts = debriefFacts(state);
    if (!facts.ok) throw new Error(facts.message);
    expect(facts.value.failure).toMatchObject({ step: 9, size: 20, freeBytes: 57, largestFree: 19 });
    const text = debriefOf(state);
    expect(text).toContain('malloc(20) failed at step 9: 57 B were free, but no hole was larger than 19 B.');
    expect(text).toContain('the clairvoyant, which saw the whole stream in advance, needed 99 B');
  });

  it('[MATCH-DEBRIEF-1] finds the slivers best fit leaves: sawdust', () => {
    // Fourteen setup events; best fit puts each of the four 9s (events 15 to 18) into a
    // 10-byte hole between 1-byte walls, leaving a 1-byte sliver each time.
    const facts = debriefFacts(followHints(level('sawdust'), 'best-fit'));
    if (!facts.ok) throw new Error(facts.message);
    expect(facts.value.slivers).toEqual([15, 16, 17, 18].map((step) => ({ step, size: 1 })));
    expect(facts.value.failure).toMatchObject({ size: 4, freeBytes: 4, largestFree: 1 });
  });

  it('[MATCH-DEBRIEF-1] [MATCH-DEBRIEF-2] says the heap grew beside uncoalesced neighbours: coalescing, now or later', () => {
    // Six 8s, three neighbours freed, then the 20 (event 10) finds 24 bytes in a row, as three holes of 8.
    const state = followHints(level('deferred-coalescing'), 'first-fit-address');
    const facts = debriefFacts(state);
    if (!facts.ok) throw new Error(facts.message);
    expect(facts.value.growth).toEqual({ step: 10, size: 20, freeBytes: 24, largestHole: 8, largestRun: 24 });
    expect(debriefOf(state)).toContain('At step 10 the 20 B request grew the heap while neighbouring holes held 24 B together');
  });

  it('[MATCH-DEBRIEF-2] a run that wastes nothing says so, beside the policies it beats: peaks, the reference', () => {
    // Every policy puts the kept block inside the first peak and grows for the 36; the
    // reference keeps the heap at the 46 bytes live at the first peak.
    const played = playReference(level('peaks').config, level('peaks').reference);
    if (!played.ok) throw new Error(played.message);
    const text = debriefOf(played.value);
    expect(text).toContain('Your heap never grew past the 46 B the program had live at its peak');
    expect(text).toContain('That beats every built-in policy');
  });

  it('[MATCH-DEBRIEF-2] [SC-11] written for the host watching a student, it names the student, not "you": peaks, the reference', () => {
    const played = playReference(level('peaks').config, level('peaks').reference);
    if (!played.ok) throw new Error(played.message);
    const results = roundResults(played.value, { timeline: true, player: 'Ada' });
    if (!results.ok) throw new Error(results.message);
    expect(results.value.debrief).toContain("Ada's heap never grew past the 46 B the program had live at its peak");
    expect(results.value.debrief).not.toMatch(/\byour?\b/i);
  });

  it('[MATCH-DEBRIEF-2] leaves the clairvoyant out where it is only the best policy again: first fit', () => {
    const text = debriefOf(followHints(level('first-fit'), 'first-fit-address'));
    expect(text).toContain('That matches the best built-in policy');
    expect(text).not.toContain('clairvoyant');
  });
});
