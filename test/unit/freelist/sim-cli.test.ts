// `npm run sim` (server/cli/sim.ts): flags, JSON output, errors.
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { simulate } from '../../../server/cli/sim.ts';

const TRACE = 'test/fixtures/traces/short1-bal.rep';

describe('npm run sim', () => {
  it('[FL-METRIC-2] prints one JSON object for one policy (csapp preset, worked out in csapp.test.ts)', () => {
    const out = execFileSync(process.execPath, ['server/cli/sim.ts', '--trace', TRACE, '--policy', 'first-fit-address', '--preset', 'csapp', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject({
      policy: 'first-fit-address', ops: 12, failures: 0, peakLive: 8144, peakHeap: 12304,
      utilization: 8144 / 12304, fragmentation: (12304 - 8144) / 8144, firstFailure: null,
    });
  });

  it('[FL-METRIC-2] --policy all prints an array, one object per policy; a heap limit makes failures', () => {
    const { out, code } = simulate(['--trace', TRACE, '--policy', 'all', '--preset', 'lecture', '--heap-limit', '5000', '--json']);
    expect(code).toBe(0);
    const runs = JSON.parse(out) as { policy: string; failures: number; firstFailure: unknown }[];
    expect(runs.map((r) => r.policy)).toEqual(['first-fit-lifo', 'first-fit-fifo', 'first-fit-address', 'next-fit', 'best-fit', 'worst-fit', 'tlsf']);
    // 2040 + 48 + 4072 = 6160 live bytes at a3 cannot fit 5000 bytes.
    expect(runs.every((r) => r.failures > 0 && r.firstFailure !== null)).toBe(true);
  });

  it('[FL-OPT-1] alignment, overhead and minimum block reach the heap', () => {
    const { out } = simulate(['--trace', TRACE, '--policy', 'best-fit', '--align', '16', '--overhead', '16', '--min-block', '64', '--json']);
    const run = JSON.parse(out) as { peakLive: number; peakInternalBytes: number };
    expect(run.peakLive).toBe(8144);
    // Each block holds 16 bytes of overhead and rounds up to 16: 2040 -> 2064, 48 -> 64, 4072 -> 4096;
    // the most at once is after a3, with 2040, 48 and 4072 live.
    expect(run.peakInternalBytes).toBe(24 + 16 + 24);
  });

  it('bad arguments get a clear message and a non-zero exit', () => {
    const cases: [string[], RegExp][] = [
      [['--policy', 'best-fit'], /give exactly one stream source: --trace/],
      [['--trace', TRACE], /--policy is required/],
      [['--trace', TRACE, '--policy', 'bestfit'], /no freelist policy named "bestfit"/],
      [['--trace', TRACE, '--policy', 'best-fit', '--align', 'eight'], /--align needs a whole number/],
      [['--trace', TRACE, '--policy', 'best-fit', '--preset', 'glibc'], /--preset must be one of lecture, csapp/],
      [['--trace', TRACE, '--policy', 'best-fit', '--colour', 'red'], /unknown option --colour/],
      [['--trace', TRACE, '--policy', 'best-fit', '--kind', 'pool'], /--kind must be one of/],
      [['--trace', TRACE, '--policy'], /--policy needs a value/],
      [['--trace', 'test/fixtures/traces/missing.rep', '--policy', 'best-fit'], /cannot read/],
      [['--trace', 'test/fixtures/traces/bad-op.rep', '--policy', 'best-fit'], /line 6: "x 1 2" is not an op/],
      [['--trace', TRACE, '--policy', 'best-fit', '--align', '3'], /alignment must be a power of two/],
    ];
    for (const [argv, message] of cases) {
      const result = simulate(argv);
      expect(result.code, argv.join(' ')).not.toBe(0);
      expect(result.err).toMatch(message);
    }
    const child = spawnSync(process.execPath, ['server/cli/sim.ts', '--trace', TRACE], { encoding: 'utf8' });
    expect(child.status).toBe(2);
    expect(child.stderr).toMatch(/^sim: --policy is required/);
  });
});
