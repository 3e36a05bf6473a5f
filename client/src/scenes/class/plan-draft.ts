// The lesson plans dialog's plain data: a plan being made (a title and rounds in order,
// added, moved and removed), checked before it is sent with the one rule for plans
// (shared/levels/lesson-plan.ts checkLessonPlan, LV-PLAN-1..2) in words a host reads; a
// plan file read for import, checked the same way; and a homework deadline read from a
// date-time field (local time, as the host typed it). Pure: no DOM, no clock (now is an argument).

import { refuse, succeed, type Outcome } from '../../../../shared/core/outcome.ts';
import { checkLessonPlan, MAX_PLAN_ROUNDS } from '../../../../shared/levels/lesson-plan.ts';

/** A round of a draft, as the class's list names it. */
export interface DraftRound {
  readonly id: string;
  readonly title: string;
}

export interface PlanDraft {
  readonly title: string;
  readonly rounds: readonly DraftRound[];
}

export const EMPTY_DRAFT: PlanDraft = { title: '', rounds: [] };

/** What the dialog sends to save a draft (the plan file's fields without format and version). */
export interface PlanBody {
  readonly title: string;
  readonly rounds: readonly { readonly round: string }[];
}

export function addToDraft(draft: PlanDraft, round: DraftRound): PlanDraft {
  return { ...draft, rounds: [...draft.rounds, { id: round.id, title: round.title }] };
}

export function removeFromDraft(draft: PlanDraft, index: number): PlanDraft {
  return { ...draft, rounds: draft.rounds.filter((_, i) => i !== index) };
}

/** Moves the round at `index` one place earlier (-1) or later (+1); at either end nothing moves. */
export function moveInDraft(draft: PlanDraft, index: number, by: -1 | 1): PlanDraft {
  const to = index + by;
  if (index < 0 || index >= draft.rounds.length || to < 0 || to >= draft.rounds.length) return draft;
  const rounds = [...draft.rounds];
  [rounds[index], rounds[to]] = [rounds[to] as DraftRound, rounds[index] as DraftRound];
  return { ...draft, rounds };
}

/**
 * [LV-PLAN-1] The draft as the body the server takes, or why it cannot be sent yet: an
 * empty title or no round first in plain words, then anything else the plan rule refuses.
 */
export function planBody(draft: PlanDraft): Outcome<PlanBody, string> {
  if (draft.title.trim() === '') return refuse('plan/invalid', 'Give the plan a title.');
  if (draft.rounds.length === 0) return refuse('plan/invalid', 'Add at least one round to the plan.');
  if (draft.rounds.length > MAX_PLAN_ROUNDS) return refuse('plan/invalid', `A plan holds at most ${MAX_PLAN_ROUNDS} rounds; remove ${draft.rounds.length - MAX_PLAN_ROUNDS}.`);
  const body: PlanBody = { title: draft.title.trim(), rounds: draft.rounds.map((r) => ({ round: r.id })) };
  const checked = checkLessonPlan(body);
  return checked.ok ? succeed(body) : checked;
}

/** [LV-PLAN-1..2] A plan file's text, checked before it is sent for import: the parsed file, or what is wrong with it. */
export function readPlanFile(text: string): Outcome<unknown, string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse('plan/invalid', 'This file is not a lesson plan: it is not JSON.');
  }
  const checked = checkLessonPlan(raw);
  return checked.ok ? succeed(raw) : refuse(checked.code, `This file is not a lesson plan Mallocade can read: ${checked.message}.`);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A date-time field's value ("2026-12-12T23:59", local time) as wall milliseconds; it must be after `now`. */
export function deadlineFrom(value: string, now: number): Outcome<number, string> {
  const parts = DATE_TIME.exec(value.trim());
  if (!parts) return refuse('assignment/invalid', 'Choose a date and time for the deadline.');
  const [year, month, day, hour, minute] = parts.slice(1).map(Number) as [number, number, number, number, number];
  const at = new Date(year, month - 1, day, hour, minute).getTime();
  if (Number.isNaN(at)) return refuse('assignment/invalid', 'Choose a date and time for the deadline.');
  return at > now ? succeed(at) : refuse('assignment/invalid', 'The deadline has already passed; choose a later one.');
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** Wall milliseconds as a date-time field's value (local time, to the minute). */
export function dateTimeValue(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${twoDigits(d.getMonth() + 1)}-${twoDigits(d.getDate())}T${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}`;
}

/** The deadline a new assignment offers: a week after `now`, at 23:59 local time. */
export function suggestedDeadline(now: number): number {
  const d = new Date(now + 7 * 86_400_000);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), 23, 59).getTime();
}
