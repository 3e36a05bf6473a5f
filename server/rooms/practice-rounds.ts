// Which round a practice room plays: a level by id (the warm-up when none is named).
// Join options are checked here before any engine sees them.

import type { Outcome } from '../../shared/core/outcome.ts';
import { parseMessage } from '../protocol/validate.ts';
import { resolveRound, WARM_UP_ID, type RoundChoice } from './rounds.ts';

const JOIN_SHAPE = { level: { type: 'string', maxLength: 64, optional: true } } as const;

export function resolvePracticeRound(options: unknown): Outcome<RoundChoice, string> {
  const parsed = parseMessage(JOIN_SHAPE, options ?? {});
  if (!parsed.ok) return parsed;
  return resolveRound(parsed.value.level ?? WARM_UP_ID);
}
