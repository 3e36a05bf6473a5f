// A class's lesson plans (shared/levels/lesson-plan.ts, LV-PLAN-*): saved in storage as a
// title and the ids of the class's rounds in order; a plan's round settings become the
// class's own rounds when it is saved (or imported from another class's export), and an
// export writes them out again as settings, so the file is self-contained.

import { randomBytes } from 'node:crypto';
import { refuse, succeed, type Outcome } from '../../shared/core/outcome.ts';
import { checkLessonPlan, isBuiltInRound, LESSON_PLAN_FORMAT, LESSON_PLAN_VERSION, type LessonPlanFile, type PlanEntry } from '../../shared/levels/lesson-plan.ts';
import type { RoundSettings } from '../../shared/match/round-settings.ts';
import type { Storage } from '../storage/storage.ts';
import { findClassRound, listClassRounds, saveHostRound, type ListedRound } from './round-library.ts';

/** A plan as the API lists it: its rounds as the round picker lists them. */
export interface ListedPlan {
  readonly id: string;
  readonly title: string;
  readonly rounds: readonly ListedRound[];
}

/** What storage keeps of a plan. */
interface StoredPlan {
  readonly title: string;
  readonly rounds: readonly string[];
}

function newPlanId(): string {
  return `p-${randomBytes(6).toString('hex')}`;
}

/** Every entry that names a round by id must name one the class has; nothing is stored before they all do. */
async function unknownRound(storage: Storage, sessionId: string, rounds: readonly PlanEntry[]): Promise<Outcome<never, string> | null> {
  for (const [i, entry] of rounds.entries()) {
    if (!('round' in entry)) continue;
    const found = await findClassRound(storage, sessionId, entry.round);
    if (!found.ok) return refuse(found.code, `round ${i + 1}: ${found.message}`);
  }
  return null;
}

/** [LV-PLAN-1..3] Checks a plan, makes its settings the class's own rounds, and stores it under a new id. */
export async function saveLessonPlan(storage: Storage, sessionId: string, raw: unknown, now: number): Promise<Outcome<ListedPlan, string>> {
  const checked = checkLessonPlan(raw);
  if (!checked.ok) return checked;
  const missing = await unknownRound(storage, sessionId, checked.value.rounds);
  if (missing) return missing;
  const ids: string[] = [];
  for (const entry of checked.value.rounds) {
    if ('round' in entry) {
      ids.push(entry.round);
      continue;
    }
    const saved = await saveHostRound(storage, sessionId, entry.settings, now);
    if (!saved.ok) return saved;
    ids.push(saved.value.id);
  }
  const id = newPlanId();
  const plan: StoredPlan = { title: checked.value.title, rounds: ids };
  await storage.saveLessonPlan({ sessionId, planId: id, plan: JSON.stringify(plan), createdAt: now });
  return succeed(listed(id, plan, await listClassRounds(storage, sessionId)));
}

function listed(id: string, plan: StoredPlan, rounds: readonly ListedRound[]): ListedPlan {
  return { id, title: plan.title, rounds: plan.rounds.flatMap((roundId) => rounds.find((r) => r.id === roundId) ?? []) };
}

/** The class's lesson plans, oldest first. */
export async function listLessonPlans(storage: Storage, sessionId: string): Promise<ListedPlan[]> {
  const rounds = await listClassRounds(storage, sessionId);
  return (await storage.listLessonPlans(sessionId)).map((record) => listed(record.planId, JSON.parse(record.plan) as StoredPlan, rounds));
}

/** [LV-PLAN-3] A plan as a file another class can import: built-in rounds by id, the host's written out as settings. */
export async function exportLessonPlan(storage: Storage, sessionId: string, planId: string): Promise<Outcome<LessonPlanFile, string>> {
  const record = (await storage.listLessonPlans(sessionId)).find((p) => p.planId === planId);
  if (!record) return refuse('plan/unknown', `this class has no lesson plan "${planId}"`);
  const plan = JSON.parse(record.plan) as StoredPlan;
  const own = new Map((await storage.listHostRounds(sessionId)).map((r) => [r.roundId, JSON.parse(r.settings) as RoundSettings]));
  const rounds = plan.rounds.map((id): PlanEntry => {
    const settings = own.get(id);
    return isBuiltInRound(id) || !settings ? { round: id } : { settings };
  });
  return succeed({ format: LESSON_PLAN_FORMAT, version: LESSON_PLAN_VERSION, title: plan.title, rounds });
}
