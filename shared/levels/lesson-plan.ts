// A lesson plan as a JSON file ([LV-PLAN-*] in SPEC.md): a title and an ordered list of
// rounds, each a built-in round's id (shared/levels/rounds.ts), a round the class's host
// made (its id) or a round's full settings (shared/match/round-settings.ts). Exported with
// every host round written out as settings, a plan is self-contained: imported into the
// next class, its settings become that class's own rounds. Checking never throws; bad
// settings are refused in the engine's words, with the round's place in the plan.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import { checkRoundSettings, MAX_TITLE_CHARS, type RoundSettings } from '../match/round-settings.ts';
import { ROUND_CHOICES } from './rounds.ts';

export const LESSON_PLAN_FORMAT = 'mallocade-lesson-plan';
export const LESSON_PLAN_VERSION = 1;
export const MAX_PLAN_ROUNDS = 50;

/** A round of a plan: a round the class can start by id, or a round's settings. */
export type PlanEntry = { readonly round: string } | { readonly settings: RoundSettings };

/** [LV-PLAN-1] A lesson plan as a file holds it. */
export interface LessonPlanFile {
  readonly format: typeof LESSON_PLAN_FORMAT;
  readonly version: typeof LESSON_PLAN_VERSION;
  readonly title: string;
  readonly rounds: readonly PlanEntry[];
}

function invalid(message: string): Outcome<never, 'plan/invalid'> {
  return refuse('plan/invalid', message);
}

function isPlain(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** [LV-PLAN-2] One entry: a round id (checked by the class that starts it) or settings the engine accepts. */
function checkEntry(entry: unknown, place: number): Outcome<PlanEntry, string> {
  const where = `round ${place}`;
  if (!isPlain(entry) || Object.keys(entry).length !== 1 || !('round' in entry || 'settings' in entry)) {
    return invalid(`${where} must be { "round": id } or { "settings": { … } }`);
  }
  if ('round' in entry) {
    return typeof entry.round === 'string' && entry.round.length > 0 && entry.round.length <= 64 ? succeed({ round: entry.round }) : invalid(`${where}: the round id must be text`);
  }
  const checked = checkRoundSettings(entry.settings);
  return checked.ok ? succeed({ settings: entry.settings as RoundSettings }) : refuse(checked.code, `${where}: ${checked.message}`);
}

/**
 * [LV-PLAN-1] [LV-PLAN-2] Reads a lesson plan (untrusted JSON): `format` and `version` when
 * given must be this format's, a title of 1 to 80 characters, 1 to 50 rounds. The format
 * fields may be left out when a host writes a plan by hand.
 */
export function checkLessonPlan(raw: unknown): Outcome<LessonPlanFile, string> {
  if (!isPlain(raw)) return invalid('a lesson plan must be a JSON object with a title and rounds');
  const extra = Object.keys(raw).find((k) => !['format', 'version', 'title', 'rounds'].includes(k));
  if (extra !== undefined) return invalid(`a lesson plan has no field ${JSON.stringify(extra.slice(0, 40))}; it takes format, version, title, rounds`);
  if (raw.format !== undefined && raw.format !== LESSON_PLAN_FORMAT) return invalid(`format must be "${LESSON_PLAN_FORMAT}"`);
  if (raw.version !== undefined && raw.version !== LESSON_PLAN_VERSION) return invalid(`this server reads lesson plans of version ${LESSON_PLAN_VERSION}`);
  if (typeof raw.title !== 'string' || raw.title.trim() === '' || raw.title.length > MAX_TITLE_CHARS) return invalid(`title must be text of 1 to ${MAX_TITLE_CHARS} characters`);
  if (!Array.isArray(raw.rounds) || raw.rounds.length === 0 || raw.rounds.length > MAX_PLAN_ROUNDS) return invalid(`rounds must be a list of 1 to ${MAX_PLAN_ROUNDS} rounds`);
  const rounds: PlanEntry[] = [];
  for (const [i, entry] of raw.rounds.entries()) {
    const checked = checkEntry(entry, i + 1);
    if (!checked.ok) return checked;
    rounds.push(checked.value);
  }
  return succeed({ format: LESSON_PLAN_FORMAT, version: LESSON_PLAN_VERSION, title: raw.title.trim(), rounds });
}

/** Whether a plan's round id names a built-in round (any other id must be one of the class's own). */
export function isBuiltInRound(id: string): boolean {
  return ROUND_CHOICES.includes(id);
}
