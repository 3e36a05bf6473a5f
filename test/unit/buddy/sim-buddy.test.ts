// `npm run sim -- --kind buddy` (server/cli/sim.ts): the buddy runner behind the command line.
import { describe, it, expect } from 'vitest';
import { simulate } from '../../../server/cli/sim.ts';

const TRACE = 'test/fixtures/traces/short1-bal.rep';

describe('npm run sim --kind buddy', () => {
  it('[BU-RUN-1] [BU-RUN-2] plays short1-bal with buddy-lowest, worked out by hand', () => {
    // 2040 -> 2048 at 0, 2040 -> 2048 at 2048 (freed), 48 -> 64 at 2048, 4072 -> 4096 at 4096
    // (freed, then again), and at the end 4072 -> 4096 at 0: the extent peaks at 8192, with 8144 live.
    const { out, code } = simulate(['--kind', 'buddy', '--trace', TRACE, '--policy', 'buddy-lowest', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      policy: 'buddy-lowest',
      ops: 12,
      failures: 0,
      peakLive: 8144,
      peakHeap: 8192,
      utilization: 8144 / 8192,
      fragmentation: 48 / 8144,
      firstFailure: null,
      unit: 1,
      minOrder: 4,
      maxOrder: 30,
      peakInternalBytes: 8 + 16 + 24,
      internalBytes: 0,
      freeBlocksByOrder: { 30: 1 },
    });
  });

  it('[BU-RUN-1] a small space makes failures; bad orders get a message and a non-zero exit', () => {
    const small = simulate(['--kind', 'buddy', '--trace', TRACE, '--policy', 'all', '--max-order', '12', '--json']);
    const runs = JSON.parse(small.out) as { policy: string; failures: number }[];
    expect(runs.map((r) => r.policy)).toEqual(['buddy-lowest', 'buddy-lifo']);
    expect(runs.every((r) => r.failures > 0)).toBe(true);
    const bad = simulate(['--kind', 'buddy', '--trace', TRACE, '--policy', 'buddy-lowest', '--max-order', '40']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/maxOrder must be a whole number from 0 to 30, not 40/);
  });
});
