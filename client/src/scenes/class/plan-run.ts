// A lesson plan run from the dashboard: its rounds queue up in the round choice, one at
// a time. The dashboard's Start starts the queued round; when that round is over, the
// next round of the plan is queued and Start reads "Next round in plan"; after the last
// one the plan is done. ◀ ▶ step through the plan's rounds meanwhile. Pure data.

import type { DraftRound } from './plan-draft.ts';

export interface PlanRun {
  readonly planId: string;
  readonly title: string;
  readonly rounds: readonly DraftRound[];
  /** The plan's round queued in the dashboard's choice. */
  readonly at: number;
  /** The plan's round started last (-1 before the first). */
  readonly started: number;
}

/** A plan's rounds queued from its first; null for a plan without rounds. */
export function runPlan(plan: { readonly id: string; readonly title: string; readonly rounds: readonly DraftRound[] }): PlanRun | null {
  if (plan.rounds.length === 0) return null;
  return { planId: plan.id, title: plan.title, rounds: plan.rounds.map((r) => ({ id: r.id, title: r.title })), at: 0, started: -1 };
}

/** The round the run has queued. */
export function queuedRound(run: PlanRun): DraftRound {
  const round = run.rounds[run.at];
  if (!round) throw new Error(`a plan run queued round ${run.at} of ${run.rounds.length}`);
  return round;
}

/** The queued round was started. */
export function planRoundStarted(run: PlanRun): PlanRun {
  return { ...run, started: run.at };
}

/** A round ended: after the queued one, the next is queued; after the last, the plan is done (null). */
export function planRoundOver(run: PlanRun): PlanRun | null {
  if (run.started !== run.at) return run;
  return run.at + 1 < run.rounds.length ? { ...run, at: run.at + 1 } : null;
}

/** ◀ ▶ within the plan (wrapping round). */
export function stepPlan(run: PlanRun, step: number): PlanRun {
  const count = run.rounds.length;
  return { ...run, at: (((run.at + step) % count) + count) % count };
}

/** Whether Start now goes on to the next round of a plan already under way. */
export function isNextInPlan(run: PlanRun | null): boolean {
  return run !== null && run.started >= 0 && run.started < run.at;
}

/** The round choice's words: "Week 3 · 2 of 3: Best fit". */
export function planChoiceTitle(run: PlanRun): string {
  return `${run.title} · ${run.at + 1} of ${run.rounds.length}: ${queuedRound(run).title}`;
}
