import { describe, expect, it } from 'vitest';
import { checkLessonPlan, LESSON_PLAN_FORMAT } from '../../../shared/levels/lesson-plan.ts';
import { createPolicy } from '../../../shared/match/kinds.ts';

const SETTINGS = {
  title: 'Ramp', kind: 'freelist',
  source: { source: 'pattern', spec: { pattern: 'ramp', count: 4, sizes: { kind: 'uniform', min: 4, max: 8 } } },
};

describe('lesson plans (LV-PLAN)', () => {
  it('[LV-PLAN-1] reads a plan: built-in ids and settings in order, the format filled in when left out', () => {
    const plan = checkLessonPlan({ title: ' Week 3 ', rounds: [{ round: 'warm-up' }, { settings: SETTINGS }, { round: 'h-0123456789ab' }] });
    expect(plan).toEqual({ ok: true, value: { format: LESSON_PLAN_FORMAT, version: 1, title: 'Week 3', rounds: [{ round: 'warm-up' }, { settings: SETTINGS }, { round: 'h-0123456789ab' }] } });
  });

  it('[LV-PLAN-1] refuses a plan that is not one (plan/invalid)', () => {
    for (const bad of [null, [], { title: 'x' }, { title: '', rounds: [{ round: 'warm-up' }] }, { title: 'x', rounds: [] },
      { title: 'x', rounds: [{ round: 'warm-up', settings: SETTINGS }] }, { title: 'x', rounds: [{ level: 'warm-up' }] },
      { format: 'slides', title: 'x', rounds: [{ round: 'warm-up' }] }, { version: 2, title: 'x', rounds: [{ round: 'warm-up' }] },
      { title: 'x', rounds: [{ round: 'warm-up' }], owner: 'me' }, { title: 'x', rounds: new Array(51).fill({ round: 'warm-up' }) }]) {
      expect(checkLessonPlan(bad), JSON.stringify(bad)?.slice(0, 80)).toMatchObject({ ok: false, code: 'plan/invalid' });
    }
  });

  it('[LV-PLAN-2] refuses bad settings in the engine\'s words, naming the round\'s place', () => {
    const engineSays = createPolicy('freelist', 'fastest-fit');
    const plan = checkLessonPlan({ title: 'x', rounds: [{ round: 'warm-up' }, { settings: { ...SETTINGS, fallback: 'fastest-fit' } }] });
    expect(plan).toEqual({ ok: false, code: 'policy/unknown', message: `round 2: ${engineSays.ok ? '' : engineSays.message}` });
  });
});
