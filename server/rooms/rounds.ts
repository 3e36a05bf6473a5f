// The rounds a room can start, by name: the levels of the curriculum (shared/levels)
// and the built-in warm-up. Rooms name a round; the config comes from shared/.

import { refuse, succeed, type Outcome } from '../../shared/core/outcome.ts';
import type { RoundConfig } from '../../shared/match/match.ts';

export interface RoundChoice {
  readonly config: RoundConfig;
  readonly showHints: boolean;
  readonly title: string;
}

export const WARM_UP_ID = 'warm-up';
/** A full-length class round: 60 requests, long enough to play through a restart or a load run. */
export const BUDDY_PEAKS_ID = 'buddy-peaks';

const BUILT_IN: Readonly<Record<string, RoundChoice>> = {
  [WARM_UP_ID]: {
    title: 'Warm-up: the buddy walk-through',
    showHints: true,
    config: {
      kind: 'buddy',
      options: { maxOrder: 3 },
      source: { source: 'script', name: 'buddy-walkthrough' },
      seed: 1,
      timePerRequestMs: null,
      fallback: 'buddy-lowest',
    },
  },
  [BUDDY_PEAKS_ID]: {
    title: 'Buddy: four peaks',
    showHints: false,
    config: {
      kind: 'buddy',
      options: { maxOrder: 8 },
      // Four peaks of 15 blocks (1 to 16 units) that die together, a few kept for
      // good: every student faces the same seeded stream (fair), and where the kept
      // blocks land decides how high the heap has to grow.
      source: { source: 'pattern', spec: { pattern: 'peaks', peaks: 4, perPeak: 15, sizes: { kind: 'pow2', minLog2: 0, maxLog2: 4, exact: 0.5 }, survivors: 0.15 } },
      seed: 7,
      timePerRequestMs: 30_000,
      fallback: 'buddy-lowest',
    },
  },
};

/** Every round id a host may start. */
export const ROUND_CHOICES: readonly string[] = Object.keys(BUILT_IN);

export function resolveRound(id: string): Outcome<RoundChoice, 'level/unknown'> {
  const choice = BUILT_IN[id];
  return choice ? succeed(choice) : refuse('level/unknown', `there is no level "${id}"`);
}
