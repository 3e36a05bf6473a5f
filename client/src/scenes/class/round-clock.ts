// The whole-round countdown as every class screen shows it (host, projector, student): the
// time left from the synced state (server/rooms/round-clock.ts: the wall-clock deadline while
// the round runs, the time left frozen while it is paused), and its words ("4:05 left").
// Pure: the scene passes the time now and redraws the words every half second.

import { countInWord } from '../../../../shared/match/count-in.ts';
import { classPhase, isRoundOn, type ClassStateLike } from './class-state.ts';

/** Milliseconds left on the round's whole-round clock at wall time `nowMs`; null when the round has none or is not on. */
export function roundTimeLeftMs(state: ClassStateLike | undefined, nowMs: number): number | null {
  const phase = classPhase(state);
  if (!state || !isRoundOn(phase)) return null;
  const deadline = state.roundDeadline ?? 0;
  const remaining = state.roundRemainingMs ?? 0;
  if (deadline === 0 && remaining === 0) return null;
  // During the 3-2-1 the clock has not started: all its time is left.
  return phase === 'paused' || deadline === 0 || countInAt(state, nowMs) !== null ? remaining : Math.max(0, deadline - nowMs);
}

/** The 3-2-1 of a round just started (MATCH-TIME-6) at wall time `nowMs`: '3', '2', '1', or null when none is running. */
export function countInAt(state: ClassStateLike | undefined, nowMs: number): '3' | '2' | '1' | null {
  const startsAt = state?.roundStartsAt ?? 0;
  if (!state || classPhase(state) !== 'playing' || startsAt === 0) return null;
  return countInWord(startsAt - nowMs);
}

/** "4:05", "0:09", "1:02:03": minutes and seconds, rounded up (a clock showing 0:00 has run out). */
export function clockFace(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** "Round: 4:05 left" (", paused" while paused); '' when the round has no whole-round clock. */
export function roundClockWords(state: ClassStateLike | undefined, nowMs: number): string {
  const left = roundTimeLeftMs(state, nowMs);
  if (left === null) return '';
  return `Round: ${clockFace(left)} left${classPhase(state) === 'paused' ? ', paused' : ''}`;
}
