// The level report (SPEC [LV-REPORT-1]): for each level, what every built-in policy,
// the clairvoyant reference and the level's reference solution score on its round,
// and the star thresholds; what `npm run levels` prints and what the tests check the
// curriculum against ([LV-TEACH-1]).

import { succeed, type Outcome } from '../core/outcome.ts';
import { fixedStreamContenders, policyResults } from '../match/results.ts';
import { levelPar, type Level, type LevelLesson } from './levels.ts';

export interface LevelReport {
  readonly id: string;
  readonly title: string;
  readonly concept: string;
  readonly kind: string;
  readonly lesson: LevelLesson;
  /** Policy name → score on the level's stream, in the registry's order. */
  readonly policies: Readonly<Record<string, number>>;
  /** The clairvoyant reference's score; null against an adversary (its stream depends on the player). */
  readonly clairvoyant: number | null;
  /** The reference solution's score. */
  readonly reference: number;
  readonly stars: readonly [number, number, number];
}

export function reportLevel(level: Level): Outcome<LevelReport, string> {
  const contenders = fixedStreamContenders(level.config, {});
  if (contenders && !contenders.ok) return contenders;
  const played = contenders ? succeed(contenders.value.policies) : policyResults(level.config);
  if (!played.ok) return played;
  const par = levelPar(level);
  if (!par.ok) return par;
  return succeed({
    id: level.id,
    title: level.title,
    concept: level.concept,
    kind: level.config.kind,
    lesson: level.lesson,
    policies: Object.fromEntries(played.value.map((p) => [p.name, p.card.score])),
    clairvoyant: contenders ? contenders.value.clairvoyant.card.score : null,
    reference: par.value.reference,
    stars: par.value.stars,
  });
}

/** The best and worst built-in policy scores in a report. */
export function policySpread(report: LevelReport): { readonly best: number; readonly worst: number } {
  const scores = Object.values(report.policies);
  return { best: Math.max(...scores), worst: Math.min(...scores) };
}
