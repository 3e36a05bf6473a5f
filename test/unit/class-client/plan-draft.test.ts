// The lesson plans dialog's data: a draft edited (add, move, remove), checked before it is
// sent (LV-PLAN-1) in a host's words; a plan file read for import; a deadline read from a
// date-time field; and a plan run through the dashboard's round choice.

import { describe, expect, it } from 'vitest';
import { addToDraft, dateTimeValue, deadlineFrom, EMPTY_DRAFT, moveInDraft, planBody, readPlanFile, removeFromDraft, suggestedDeadline, type PlanDraft } from '../../../client/src/scenes/class/plan-draft.ts';
import { isNextInPlan, planChoiceTitle, planRoundOver, planRoundStarted, queuedRound, runPlan, stepPlan } from '../../../client/src/scenes/class/plan-run.ts';
import { MAX_PLAN_ROUNDS } from '../../../shared/levels/lesson-plan.ts';

const A = { id: 'warmup', title: 'Warm-up' };
const B = { id: 'buddy-peaks', title: 'Buddy: four peaks' };
const C = { id: 'h-abc', title: 'Mine' };

function draftOf(...rounds: { id: string; title: string }[]): PlanDraft {
  return rounds.reduce(addToDraft, { ...EMPTY_DRAFT, title: 'Week 3' });
}

describe('a lesson plan draft', () => {
  it('keeps rounds in the order they were added, moves one up or down, and removes one', () => {
    const draft = draftOf(A, B, C);
    expect(draft.rounds.map((r) => r.id)).toEqual(['warmup', 'buddy-peaks', 'h-abc']);
    expect(moveInDraft(draft, 2, -1).rounds.map((r) => r.id)).toEqual(['warmup', 'h-abc', 'buddy-peaks']);
    expect(moveInDraft(draft, 0, 1).rounds.map((r) => r.id)).toEqual(['buddy-peaks', 'warmup', 'h-abc']);
    expect(removeFromDraft(draft, 1).rounds.map((r) => r.id)).toEqual(['warmup', 'h-abc']);
  });

  it('moves nothing past either end, and leaves the draft it was given as it was', () => {
    const draft = draftOf(A, B);
    expect(moveInDraft(draft, 0, -1)).toBe(draft);
    expect(moveInDraft(draft, 1, 1)).toBe(draft);
    expect(moveInDraft(draft, 5, -1)).toBe(draft);
    moveInDraft(draft, 0, 1);
    removeFromDraft(draft, 0);
    expect(draft.rounds.map((r) => r.id)).toEqual(['warmup', 'buddy-peaks']);
  });

  it('[LV-PLAN-1] becomes the body the server takes: the title trimmed, each round by id, in order', () => {
    const body = planBody({ ...draftOf(B, A), title: '  Week 3 ' });
    expect(body).toEqual({ ok: true, value: { title: 'Week 3', rounds: [{ round: 'buddy-peaks' }, { round: 'warmup' }] } });
  });

  it('[LV-PLAN-1] is not sent without a title or a round, or with more rounds than a plan holds, and says why', () => {
    const untitled = planBody({ ...draftOf(A), title: ' ' });
    expect(untitled.ok ? '' : untitled.message).toBe('Give the plan a title.');
    const empty = planBody(draftOf());
    expect(empty.ok ? '' : empty.message).toBe('Add at least one round to the plan.');
    const long = planBody(draftOf(...Array.from({ length: MAX_PLAN_ROUNDS + 2 }, () => A)));
    expect(long.ok ? '' : long.message).toBe(`A plan holds at most ${MAX_PLAN_ROUNDS} rounds; remove 2.`);
    const wordy = planBody({ ...draftOf(A), title: 'x'.repeat(200) });
    expect(wordy.ok ? '' : wordy.code).toBe('plan/invalid');
  });
});

describe('a plan file to import', () => {
  it('[LV-PLAN-1] is read when it is a lesson plan', () => {
    const file = { format: 'mallocade-lesson-plan', version: 1, title: 'Week 3', rounds: [{ round: 'warmup' }] };
    expect(readPlanFile(JSON.stringify(file))).toEqual({ ok: true, value: file });
  });

  it('[LV-PLAN-1..2] is refused before sending when it is not JSON or not a plan, with the plan rule\'s words', () => {
    const notJson = readPlanFile('{ title: ');
    expect(notJson.ok ? '' : notJson.message).toBe('This file is not a lesson plan: it is not JSON.');
    const notPlan = readPlanFile(JSON.stringify({ title: 'Week 3', rounds: [] }));
    expect(notPlan.ok ? '' : notPlan.message).toMatch(/^This file is not a lesson plan Mallocade can read: rounds must be a list of 1 to \d+ rounds\.$/);
    const badRound = readPlanFile(JSON.stringify({ title: 'Week 3', rounds: [{ settings: { kind: 'nonsense' } }] }));
    expect(badRound.ok ? '' : badRound.message).toContain('round 1');
  });
});

describe('a homework deadline', () => {
  const now = new Date(2026, 11, 5, 18, 30).getTime();

  it('is read from a date-time field as local time', () => {
    expect(deadlineFrom('2026-12-12T23:59', now)).toEqual({ ok: true, value: new Date(2026, 11, 12, 23, 59).getTime() });
  });

  it('is refused when empty, malformed or already past, with words that say so', () => {
    for (const value of ['', '12/12/2026', '2026-12-12']) {
      const read = deadlineFrom(value, now);
      expect(read.ok ? '' : read.message).toBe('Choose a date and time for the deadline.');
    }
    const past = deadlineFrom('2026-12-05T18:29', now);
    expect(past.ok ? '' : past.message).toBe('The deadline has already passed; choose a later one.');
  });

  it('is offered a week later at 23:59, and written back in the field\'s form', () => {
    const offered = suggestedDeadline(now);
    expect(offered).toBe(new Date(2026, 11, 12, 23, 59).getTime());
    expect(dateTimeValue(offered)).toBe('2026-12-12T23:59');
    expect(deadlineFrom(dateTimeValue(offered), now)).toEqual({ ok: true, value: offered });
  });
});

describe('a lesson plan run from the dashboard', () => {
  const plan = { id: 'p-1', title: 'Week 3', rounds: [A, B, C] };

  it('queues the plan\'s first round; once it has been played, the next; after the last, the plan is done', () => {
    let run = runPlan(plan);
    if (!run) throw new Error('no run');
    expect(planChoiceTitle(run)).toBe('Week 3 · 1 of 3: Warm-up');
    expect(isNextInPlan(run)).toBe(false);
    run = planRoundStarted(run);
    run = planRoundOver(run);
    if (!run) throw new Error('the plan ended after one round');
    expect(queuedRound(run)).toEqual(B);
    expect(isNextInPlan(run)).toBe(true);
    run = planRoundOver(planRoundStarted(run));
    if (!run) throw new Error('the plan ended after two rounds');
    expect(planChoiceTitle(run)).toBe('Week 3 · 3 of 3: Mine');
    expect(planRoundOver(planRoundStarted(run))).toBeNull();
  });

  it('does not move on when a round it did not start ends', () => {
    const run = runPlan(plan);
    if (!run) throw new Error('no run');
    expect(planRoundOver(run)).toBe(run);
  });

  it('steps through the plan\'s rounds with ◀ ▶, wrapping round', () => {
    const run = runPlan(plan);
    if (!run) throw new Error('no run');
    expect(queuedRound(stepPlan(run, -1))).toEqual(C);
    expect(queuedRound(stepPlan(stepPlan(run, 1), 1))).toEqual(C);
    expect(queuedRound(stepPlan(run, 3))).toEqual(A);
  });

  it('is not made for a plan without rounds', () => {
    expect(runPlan({ id: 'p-2', title: 'Empty', rounds: [] })).toBeNull();
  });
});
