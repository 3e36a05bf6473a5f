// Which round a practice room plays: a level by id (the warm-up when none is named).
// Join options are checked here before any engine sees them.

import type { Outcome } from '../../shared/core/outcome.ts';
import { PRACTICE_JOIN_SHAPE } from '../protocol/messages.ts';
import { parseMessage } from '../protocol/validate.ts';
import { resolveRound, WARM_UP_ID, type RoundChoice } from './rounds.ts';

export function resolvePracticeRound(options: unknown): Outcome<RoundChoice, string> {
  const parsed = parseMessage(PRACTICE_JOIN_SHAPE, options ?? {});
  if (!parsed.ok) return parsed;
  return resolveRound(parsed.value.level ?? WARM_UP_ID);
}
