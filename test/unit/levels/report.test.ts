// `npm run --silent levels -- --json`, spawned once: one object per level in order, and
// the curriculum's teaching rules checked on what it prints ([LV-TEACH-1], [LV-STAR-1]).
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { LEVELS } from '../../../shared/levels/levels.ts';
import { starsFor } from '../../../shared/score/score.ts';

interface ReportRow {
  id: string;
  title: string;
  concept: string;
  kind: string;
  lesson: 'controls' | 'policies' | 'player';
  policies: Record<string, number>;
  clairvoyant: number | null;
  reference: number;
  stars: [number, number, number];
}

/** Points a level's idea must move a score by to count as deciding it. */
const DECISIVE = 50;

let rows: ReportRow[] = [];

beforeAll(() => {
  const run = spawnSync('npm', ['run', '--silent', 'levels', '--', '--json'], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  rows = JSON.parse(run.stdout) as ReportRow[];
}, 150_000);

function bestPolicy(row: ReportRow): number {
  return Math.max(...Object.values(row.policies));
}

describe('npm run levels -- --json', () => {
  it('[LV-REPORT-1] prints one object per level, in order, with every field', () => {
    expect(rows.map((r) => r.id)).toEqual(LEVELS.map((l) => l.id));
    for (const [i, row] of rows.entries()) {
      const level = LEVELS[i];
      expect(row.title).toBe(level?.title);
      expect(row.kind).toBe(level?.config.kind);
      expect(row.concept.length, row.id).toBeGreaterThan(20);
      expect(row.concept, row.id).not.toContain('\n');
      expect(Object.keys(row.policies).length, row.id).toBeGreaterThanOrEqual(2);
      expect(row.clairvoyant === null).toBe(level?.config.source.source === 'adaptive');
      expect(row.stars).toEqual([...row.stars].sort((a, b) => a - b));
    }
  });

  it('[LV-TEACH-1] apart from the first level, each spreads its policies by 50 points or has a reference 50 above the best', () => {
    expect(rows[0]?.lesson).toBe('controls');
    for (const row of rows.slice(1)) {
      const scores = Object.values(row.policies);
      const spread = Math.max(...scores) - Math.min(...scores);
      expect(spread >= DECISIVE || row.reference >= bestPolicy(row) + DECISIVE, `${row.id}: spread ${spread}, reference ${row.reference}`).toBe(true);
    }
  });

  it('[LV-TEACH-1] a policies level is won by its par policy, 50 points above another; a player level is won by the reference alone', () => {
    for (const [i, row] of rows.entries()) {
      const level = LEVELS[i];
      if (!level) continue;
      const par = row.policies[level.par];
      if (row.lesson === 'policies') {
        expect(par, row.id).toBe(bestPolicy(row));
        expect(Math.min(...Object.values(row.policies)), row.id).toBeLessThanOrEqual((par ?? 0) - DECISIVE);
      }
      if (row.lesson === 'player') {
        expect(row.reference, row.id).toBeGreaterThanOrEqual(bestPolicy(row) + DECISIVE);
        for (const [name, score] of Object.entries(row.policies)) expect(starsFor(score, row.stars), `${row.id}: ${name}`).toBeLessThan(3);
      }
    }
  });

  it('[LV-STAR-1] no star threshold sits above the reference, which earns three stars', () => {
    for (const row of rows) {
      expect(row.stars[2], row.id).toBeLessThanOrEqual(row.reference);
      expect(starsFor(row.reference, row.stars), row.id).toBe(3);
    }
  });

  it('refuses an unknown argument with a message and a non-zero exit', () => {
    const run = spawnSync(process.execPath, ['server/cli/levels.ts', '--csv'], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('--csv');
  });
});
