// Plays an adversary against one built-in policy of a kind, for `npm run sim --
// --adversary adaptive|fair ...`: the same rules as a round (results.ts), printed
// with the same figures as a trace run (the metrics summary, peak internal bytes).

import { refuse, type Outcome } from '../core/outcome.ts';
import { lectureHeapConfig, type FreeListConfig } from '../freelist/index.ts';
import { playPolicy } from './results.ts';
import type { RoundConfig } from './round-config.ts';
import type { AdversarySource } from './sources.ts';

export interface AdversaryRun {
  readonly adversary: string;
  readonly liveBudget: number;
  readonly maxSize: number;
  readonly minSize?: number;
  readonly seed: number;
  /** Fair adversary only: how many requests, and the menu (default 4000 and 4). */
  readonly requests?: number;
  readonly menu?: number;
  /** Free-list options over the default: alignment 1, no overhead, a heap that grows by what it needs. */
  readonly options?: FreeListConfig;
}

/** The free-list heap an adversary run uses unless told otherwise (ADV-ADAPT-6's heap). */
export const ADVERSARY_HEAP: FreeListConfig = lectureHeapConfig(null);

function sourceOf(run: AdversaryRun): Outcome<AdversarySource, string> {
  if (run.adversary === 'adaptive') {
    return { ok: true, value: { source: 'adaptive', liveBudget: run.liveBudget, maxSize: run.maxSize, ...(run.minSize === undefined ? {} : { minSize: run.minSize }) } };
  }
  if (run.adversary === 'fair') {
    return {
      ok: true,
      value: {
        source: 'fair', liveBudget: run.liveBudget, requests: run.requests ?? 4000, menu: run.menu ?? 4,
        sizes: { kind: 'uniform', min: run.minSize ?? 1, max: run.maxSize },
      },
    };
  }
  return refuse('source/unknown', `--adversary must be adaptive or fair, not "${run.adversary}"`);
}

/** One policy against the adversary: { policy, ops, failures, peakLive, peakHeap, utilization, fragmentation, firstFailure, peakInternalBytes }. */
export function runAdversary(run: AdversaryRun, policy: string): Outcome<Record<string, unknown>, string> {
  const source = sourceOf(run);
  if (!source.ok) return source;
  const config: RoundConfig = {
    kind: 'freelist', options: { ...ADVERSARY_HEAP, ...run.options }, source: source.value, seed: run.seed, timePerRequestMs: null, fallback: 'first-fit-address',
  };
  const played = playPolicy(config, policy);
  if (!played.ok) return played;
  return { ok: true, value: { policy, ...played.value.summary, peakInternalBytes: played.value.peakInternalBytes } };
}
