// Which round a practice room plays: a level by id (the warm-up when none is named), or
// a round of an assignment (server/classroom/assignments.ts) for a student of its class.
// Join options are checked here before any engine sees them.

import type { Outcome } from '../../shared/core/outcome.ts';
import { PRACTICE_JOIN_SHAPE } from '../protocol/messages.ts';
import { parseMessage } from '../protocol/validate.ts';
import { resolveRound, WARM_UP_ID, type RoundChoice } from './rounds.ts';
import { openAssignmentRound, type AssignmentSeat } from '../classroom/assignments.ts';
import type { Storage } from '../storage/storage.ts';

export function resolvePracticeRound(options: unknown): Outcome<RoundChoice, string> {
  const parsed = parseMessage(PRACTICE_JOIN_SHAPE, options ?? {});
  if (!parsed.ok) return parsed;
  return resolveRound(parsed.value.level ?? WARM_UP_ID);
}

/** The assignment round the options name, for the student they name; null when they name no assignment. */
export async function resolveAssignmentRound(options: unknown, storage: Storage, now: number): Promise<Outcome<AssignmentSeat, string> | null> {
  const parsed = parseMessage(PRACTICE_JOIN_SHAPE, options ?? {});
  if (!parsed.ok) return parsed;
  const { assignment, round, token, nickname, studentId } = parsed.value;
  if (assignment === undefined) return null;
  return openAssignmentRound(storage, assignment, round ?? 0, { token, nickname, studentId }, now);
}
