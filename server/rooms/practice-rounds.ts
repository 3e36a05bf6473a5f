// Which round a practice room plays: a level of the curriculum by id, or the
// default warm-up round. Join options are checked here before any engine sees them.

import { refuse, succeed, type Outcome } from '../../shared/core/outcome.ts';
import type { RoundConfig } from '../../shared/match/match.ts';
import { parseMessage } from '../protocol/validate.ts';

export interface PracticeRound {
  readonly config: RoundConfig;
  readonly showHints: boolean;
  readonly title: string;
}

const WARM_UP: PracticeRound = {
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
};

const JOIN_SHAPE = { level: { type: 'string', maxLength: 64, optional: true } } as const;

export function resolvePracticeRound(options: unknown): Outcome<PracticeRound, string> {
  const parsed = parseMessage(JOIN_SHAPE, options ?? {});
  if (!parsed.ok) return parsed;
  if (parsed.value.level === undefined) return succeed(WARM_UP);
  return refuse('level/unknown', `there is no level "${parsed.value.level}"`);
}
