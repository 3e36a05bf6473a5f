// `npm run sim -- --kind arena` (server/cli/sim.ts): the arena runner behind the command line.
import { describe, it, expect } from 'vitest';
import { simulate } from '../../../server/cli/sim.ts';

const TRACE = 'test/fixtures/traces/short1-bal.rep';

describe('npm run sim --kind arena', () => {
  it('[AR-RUN-1] plays short1-bal in a single arena, worked out by hand', () => {
    // 4096-byte chunks: 2040 + 2040 fill the first; 48 starts a second; each 4072 needs a chunk
    // of its own (a3, a4, a5): five chunks before the last free closes the arena.
    const { out, code } = simulate(['--kind', 'arena', '--trace', TRACE, '--policy', 'arena-single', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      policy: 'arena-single', ops: 12, failures: 0, peakLive: 8144, peakHeap: 5 * 4096,
      bytesHeld: 0, peakBytesHeld: 5 * 4096, arenasOpened: 1, openArenas: 0,
    });
  });

  it('[AR-INIT-1] [AR-RUN-1] chunk size and alignment reach the arenas; a bad alignment is refused', () => {
    const big = simulate(['--kind', 'arena', '--trace', TRACE, '--policy', 'arena-single', '--chunk-size', '16384', '--json']);
    // Every object ever bumped fits one chunk: 2040 + 2040 + 48 + 3 * 4072 = 16344 <= 16384.
    expect((JSON.parse(big.out) as { peakHeap: number }).peakHeap).toBe(16384);
    const bad = simulate(['--kind', 'arena', '--trace', TRACE, '--policy', 'arena-single', '--align', '3']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/align must be a whole number above 0 that divides the chunk size/);
  });
});
