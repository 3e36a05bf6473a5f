// `npm run sim -- --kind slab` (server/cli/sim.ts): the slab runner behind the command line.
import { describe, it, expect } from 'vitest';
import { simulate } from '../../../server/cli/sim.ts';

const TRACE = 'test/fixtures/traces/short1-bal.rep';

describe('npm run sim --kind slab', () => {
  it('[SL-RUN-1] [SL-RUN-2] [SL-CLASS-2] plays short1-bal with kmalloc-quarter, worked out by hand', () => {
    // Classes: 2040 -> 2048 (1 page, 2 slots), 48 -> 48 (3 pages), 4072 -> 4096 (1 page, 1 slot).
    // After a3: the 2048 slab, the 48 slab and a 4096 slab are held: 5 pages.
    const { out, code } = simulate(['--kind', 'slab', '--trace', TRACE, '--policy', 'kmalloc-quarter', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      policy: 'kmalloc-quarter', ops: 12, failures: 0, peakLive: 8144, peakHeap: 5 * 4096,
      pagesHeld: 0, peakPages: 5, peakNeededPages: 5, peakInternalBytes: 48,
    });
  });

  it('[SL-RUN-1] a page limit makes failures; unknown flags are refused', () => {
    const limited = simulate(['--kind', 'slab', '--trace', TRACE, '--policy', 'slab-fullest', '--page-limit', '2', '--json']);
    expect((JSON.parse(limited.out) as { failures: number }).failures).toBeGreaterThan(0);
    const bad = simulate(['--kind', 'slab', '--trace', TRACE, '--policy', 'slab-fullest', '--preset', 'csapp']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/unknown option --preset for --kind slab/);
  });
});
