// `npm run bench -- --json` on a short trace: the JSON the issue names, every figure
// from a run that finished (the engine entries from the bench's JavaScript build), and
// each ratio the engine's figure over the C library's. No figure's size is asserted:
// speed is the bench's to print, not a test's to judge.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { FREELIST_POLICY_NAMES } from '../../shared/freelist/policies.ts';

interface BenchJson {
  trace: { ops: number };
  engine: Record<string, number>;
  libc: number | null;
  ratioToLibc: Record<string, number | null>;
  goals: { policy: string; goal: number; ratio: number | null; met: boolean | null }[];
  naive: { ops: number; naive: Record<string, number>; engine: Record<string, number> };
}

describe('npm run bench', () => {
  it('prints one JSON object with every policy, the C library and the ratios between them', () => {
    const run = spawnSync(process.execPath, ['test/bench/bench.ts', '--json', '--ops', '20000'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as BenchJson;
    expect(out.trace.ops).toBe(20_000);
    for (const name of [...FREELIST_POLICY_NAMES, 'buddy-lowest', 'buddy-lifo']) {
      expect(out.engine[name], name).toBeGreaterThan(0);
    }
    if (out.libc === null) {
      expect(Object.values(out.ratioToLibc).every((r) => r === null)).toBe(true);
    } else {
      for (const [name, rate] of Object.entries(out.engine)) expect(out.ratioToLibc[name]).toBeCloseTo(rate / out.libc, 9);
    }
    expect(out.goals.map((g) => [g.policy, g.goal])).toEqual([['best-fit', 0.5], ['first-fit-address', 0.25]]);
    for (const g of out.goals) expect(g.met).toBe(g.ratio === null ? null : g.ratio >= g.goal);
    expect(Object.keys(out.naive.naive)).toEqual([...FREELIST_POLICY_NAMES]);
    expect(existsSync('bench-out/js/shared/freelist/heap.js')).toBe(true);
  }, 150_000);

  it('refuses an unknown argument with a message and a non-zero exit', () => {
    const run = spawnSync(process.execPath, ['test/bench/bench.ts', '--fast'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bench: unknown argument --fast/);
  });
});
