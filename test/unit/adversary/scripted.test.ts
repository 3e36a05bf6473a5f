import { describe, it, expect } from 'vitest';
import { SCRIPTED_ADVERSARIES, type ScriptedAdversary } from '../../../shared/adversary/scripted.ts';
import { setupFor, defaultPolicyFor } from '../../../shared/match/kinds.ts';
import { playPolicy } from '../../../shared/match/results.ts';
import type { RoundConfig } from '../../../shared/match/match.ts';
import type { ScriptSetup } from '../../../shared/streams/lecture.ts';

function roundOn(script: ScriptedAdversary, setup: ScriptSetup): RoundConfig {
  const allocator = setupFor(setup);
  return { ...allocator, source: { source: 'scripted', name: script.name }, seed: 0, timePerRequestMs: null, fallback: defaultPolicyFor(allocator.kind) };
}

function run(script: ScriptedAdversary, setup: ScriptSetup, policy: string) {
  const played = playPolicy(roundOn(script, setup), policy);
  if (!played.ok) throw new Error(played.message);
  return played.value.summary;
}

describe('scripted adversaries', () => {
  for (const script of SCRIPTED_ADVERSARIES) {
    for (const expectation of script.expect) {
      for (const policy of expectation.policies) {
        it(`[ADV-SCRIPT-${SCRIPTED_ADVERSARIES.indexOf(script) + 1}] ${script.name}: ${policy} as worked out by hand`, () => {
          const summary = run(script, script.setup, policy);
          expect(summary.failures).toBe(expectation.failures);
          if (expectation.firstFailure) expect(summary.firstFailure).toMatchObject(expectation.firstFailure);
          if (expectation.peakHeap !== undefined) expect(summary.peakHeap).toBe(expectation.peakHeap);
          if (expectation.peakLive !== undefined) expect(summary.peakLive).toBe(expectation.peakLive);
        });
      }
    }

    it(`[ADV-SCRIPT-5] ${script.name} beats ${script.beats.join(', ')} and spares ${script.spares.join(', ')}`, () => {
      const spared = script.spares.map((p) => run(script, script.rival ?? script.setup, p));
      const beaten = script.beats.map((p) => run(script, script.setup, p));
      for (const s of spared) expect(s.failures).toBe(0);
      for (const b of beaten) {
        const worse = b.failures > 0 || spared.every((s) => b.fragmentation > s.fragmentation + 0.5);
        expect(worse).toBe(true);
      }
    });
  }
});
