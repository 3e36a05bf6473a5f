import { describe, it, expect } from 'vitest';
import { simulate } from '../../../server/cli/sim.ts';

describe('npm run sim -- --adversary', () => {
  it('[ADV-ADAPT-6] --adversary adaptive prints the same JSON figures as a trace run', () => {
    const { out, code } = simulate(['--adversary', 'adaptive', '--live-budget', '4096', '--max-size', '16', '--seed', '3', '--policy', 'best-fit', '--json']);
    expect(code).toBe(0);
    const run = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(run)).toEqual(expect.arrayContaining(['policy', 'ops', 'failures', 'peakLive', 'peakHeap', 'utilization', 'fragmentation', 'firstFailure']));
    expect(run.policy).toBe('best-fit');
    expect(run.peakLive).toBe(4096);
    expect(run.fragmentation as number).toBeGreaterThan(2);
  });

  it('--policy all prints one object per policy; the fair adversary runs too', () => {
    const { out, code } = simulate(['--adversary', 'fair', '--live-budget', '1024', '--max-size', '32', '--requests', '300', '--policy', 'all', '--json']);
    expect(code).toBe(0);
    const runs = JSON.parse(out) as { policy: string; peakLive: number }[];
    expect(runs.map((r) => r.policy)).toContain('first-fit-address');
    for (const r of runs) expect(r.peakLive).toBeLessThanOrEqual(1024);
  });

  it('bad adversary arguments get a message and a non-zero exit', () => {
    expect(simulate(['--adversary', 'adaptive', '--max-size', '16', '--policy', 'best-fit']).code).not.toBe(0);
    expect(simulate(['--adversary', 'sneaky', '--live-budget', '10', '--max-size', '16', '--policy', 'best-fit']).err).toMatch(/adaptive or fair/);
    expect(simulate(['--adversary', 'adaptive', '--live-budget', 'lots', '--max-size', '16', '--policy', 'best-fit']).code).not.toBe(0);
  });
});
