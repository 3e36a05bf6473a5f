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
};

/** Every round id a host may start. */
export const ROUND_CHOICES: readonly string[] = Object.keys(BUILT_IN);

export function resolveRound(id: string): Outcome<RoundChoice, 'level/unknown'> {
  const choice = BUILT_IN[id];
  return choice ? succeed(choice) : refuse('level/unknown', `there is no level "${id}"`);
}
