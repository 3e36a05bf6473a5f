// `npm run sim -- --transcript` (server/cli/sim.ts over shared/freelist/transcript.ts):
// every operation's address, the free blocks searched (as OSTEP's malloc.py counts them)
// and the free list after it. Every expected value is worked out by hand from the rules
// in the comments (or, for OSTEP's question 1, is the answer the book's homework prints).
import { execFileSync } from 'node:child_process';
import { describe, it, expect } from 'vitest';
import { simulate } from '../../../server/cli/sim.ts';
import { parseOstepOps } from '../../../shared/trace/ostep.ts';
import { alloc, free } from '../../../shared/core/stream.ts';

interface Op {
  op: string;
  size: number;
  id: number;
  addr: number;
  searched: number;
  freeList: [number, number][];
}

/** Runs the simulator in process with --transcript --json and returns the ops. */
function transcript(ops: string, policy: string, ...flags: string[]): Op[] {
  const { out, err, code } = simulate(['--ops', ops, '--policy', policy, '--transcript', '--json', ...flags]);
  expect(err).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(out) as { ops: Op[] }).ops;
}

const allocs = (ops: Op[]): [number, number][] => ops.filter((o) => o.op === 'alloc').map((o) => [o.addr, o.searched]);
const lastList = (ops: Op[]): [number, number][] => ops.at(-1)!.freeList;

// OSTEP chapter 17, question 1: malloc.py -n 10 -H 0 -p BEST -s 0 (base 1000, 100 bytes, no coalescing).
const OSTEP_Q1 = '+3,-0,+5,-1,+8,-2,+8,-3,+2,+7';
const MALLOC_PY = ['--preset', 'lecture', '--base', '1000', '--heap-limit', '100', '--coalesce', 'none'];

describe('npm run sim --transcript', () => {
  it('[FL-TRANS-2] [FL-TRANS-4] best fit prints what OSTEP\'s homework answer prints for question 1', () => {
    const out = execFileSync(process.execPath, ['server/cli/sim.ts', '--ops', OSTEP_Q1, '--policy', 'best-fit', ...MALLOC_PY, '--transcript', '--json'], { encoding: 'utf8' });
    const { ops } = JSON.parse(out) as { ops: Op[] };
    expect(ops[0]).toEqual({ op: 'alloc', size: 3, id: 0, addr: 1000, searched: 1, freeList: [[1003, 97]] });
    expect(ops[1]).toEqual({ op: 'free', size: 3, id: 0, addr: 1000, searched: 0, freeList: [[1000, 3], [1003, 97]] });
    expect(allocs(ops)).toEqual([[1000, 1], [1003, 2], [1008, 3], [1008, 4], [1000, 4], [1008, 4]]);
    expect(ops[5]!.freeList).toEqual([[1000, 3], [1003, 5], [1008, 8], [1016, 84]]);
    expect(lastList(ops)).toEqual([[1002, 1], [1003, 5], [1015, 1], [1016, 84]]);
  });

  it('[FL-TRANS-2] worst fit takes the largest block and searches the whole list', () => {
    const ops = transcript(OSTEP_Q1, 'worst-fit', ...MALLOC_PY);
    // +3 at 1000; +5 in (1003, 97); +8 in (1008, 92); +8 in (1016, 84); ptr[3] at 1016 is freed
    // beside the free (1008, 8) and not merged; +2 in (1024, 76) with 5 blocks listed; +7 in (1026, 74).
    expect(allocs(ops)).toEqual([[1000, 1], [1003, 2], [1008, 3], [1016, 4], [1024, 5], [1026, 5]]);
    expect(ops[7]!.freeList).toEqual([[1000, 3], [1003, 5], [1008, 8], [1016, 8], [1024, 76]]);
    expect(lastList(ops)).toEqual([[1000, 3], [1003, 5], [1008, 8], [1016, 8], [1033, 67]]);
  });

  it('[FL-TRANS-2] first fit by address stops at the first block that fits', () => {
    const ops = transcript(OSTEP_Q1, 'first-fit-address', ...MALLOC_PY);
    // +5 passes (1000, 3); +8 passes 3 and 5; the second +8 stops at (1008, 8); +2 fits the
    // first block; +7 passes (1002, 1) and (1003, 5) and stops at (1008, 8).
    expect(allocs(ops)).toEqual([[1000, 1], [1003, 2], [1008, 3], [1008, 3], [1000, 1], [1008, 3]]);
    expect(lastList(ops)).toEqual([[1002, 1], [1003, 5], [1015, 1], [1016, 84]]);
  });

  // Four 10-byte blocks fill [0, 40) of a 100-byte heap; ptr[0] then ptr[2] are freed, so
  // LIFO lists (20,10) (0,10) (40,60), FIFO (40,60) (0,10) (20,10), address order (0,10) (20,10) (40,60).
  const ORDERS = '+10,+10,+10,+10,-0,-2,+15,+5';
  const LECTURE = ['--preset', 'lecture', '--coalesce', 'none'];

  it('[FL-TRANS-1] [FL-ORDER-2] [FL-ORDER-3] LIFO first fit: freed blocks go in front, a remainder keeps its place', () => {
    const ops = transcript(ORDERS, 'first-fit-lifo', ...LECTURE);
    expect(ops[5]!.freeList).toEqual([[20, 10], [0, 10], [40, 60]]);
    // +15 passes both 10s (3 searched) and leaves (55, 45) at the back; +5 takes the front (20, 10).
    expect(allocs(ops).slice(4)).toEqual([[40, 3], [20, 1]]);
    expect(ops[6]!.freeList).toEqual([[20, 10], [0, 10], [55, 45]]);
    expect(lastList(ops)).toEqual([[25, 5], [0, 10], [55, 45]]);
  });

  it('[FL-TRANS-1] [FL-ORDER-2] FIFO first fit: freed blocks go to the back', () => {
    const ops = transcript(ORDERS, 'first-fit-fifo', ...LECTURE);
    expect(ops[5]!.freeList).toEqual([[40, 60], [0, 10], [20, 10]]);
    // +15 and +5 both fit the block at the front, which stays at the front as it shrinks.
    expect(allocs(ops).slice(4)).toEqual([[40, 1], [55, 1]]);
    expect(lastList(ops)).toEqual([[60, 40], [0, 10], [20, 10]]);
  });

  it('[FL-TRANS-1] address-ordered first fit on the same stream', () => {
    const ops = transcript(ORDERS, 'first-fit-address', ...LECTURE);
    expect(ops[5]!.freeList).toEqual([[0, 10], [20, 10], [40, 60]]);
    expect(allocs(ops).slice(4)).toEqual([[40, 3], [0, 1]]);
    expect(lastList(ops)).toEqual([[5, 5], [20, 10], [55, 45]]);
  });

  it('[FL-TRANS-2] next fit searches from the rover, wrapping round', () => {
    // The rover is on ptr[3] (30) after the four blocks; +15 starts at (40, 60): 1 searched,
    // rover 40. +5 then starts at the block at or past 40, (55, 45): 1 searched.
    const ops = transcript(ORDERS, 'next-fit', ...LECTURE);
    expect(allocs(ops).slice(4)).toEqual([[40, 1], [55, 1]]);
    // +40: from the rover (55) the first block is (60, 40), which fits; the rover moves to 60.
    // +8: no free block starts at or past 60, so the search wraps round to (0, 10).
    const more = transcript(`${ORDERS},+40,+8`, 'next-fit', ...LECTURE);
    expect(allocs(more).slice(6)).toEqual([[60, 1], [0, 1]]);
    expect(lastList(more)).toEqual([[8, 2], [20, 10]]);
  });

  // Three 10-byte blocks fill a 30-byte heap; ptr[0] and ptr[1] are freed side by side; then 20 bytes are asked.
  const NEIGHBOURS = '+10,+10,+10,-0,-1,+20';
  const SMALL = ['--preset', 'lecture', '--heap-limit', '30'];

  it('[FL-TRANS-3] [FL-COAL-1] immediate coalescing merges the freed neighbours at once', () => {
    const ops = transcript(NEIGHBOURS, 'first-fit-address', ...SMALL, '--coalesce', 'immediate');
    expect(ops[4]).toEqual({ op: 'free', size: 10, id: 1, addr: 10, searched: 0, freeList: [[0, 20]] });
    expect(ops[5]).toMatchObject({ op: 'alloc', size: 20, id: 3, addr: 0, searched: 1, freeList: [] });
  });

  it('[FL-TRANS-3] without coalescing two 10-byte holes cannot hold 20 bytes', () => {
    const ops = transcript(NEIGHBOURS, 'first-fit-address', ...SMALL, '--coalesce', 'none');
    expect(ops[4]!.freeList).toEqual([[0, 10], [10, 10]]);
    expect(ops[5]).toMatchObject({ addr: -1, searched: 2, freeList: [[0, 10], [10, 10]] });
  });

  it('[FL-TRANS-3] deferred coalescing merges when the search fails and counts both searches', () => {
    const ops = transcript(NEIGHBOURS, 'first-fit-address', ...SMALL, '--coalesce', 'deferred');
    expect(ops[4]!.freeList).toEqual([[0, 10], [10, 10]]);
    // 2 searched in vain, then 1 in the merged list.
    expect(ops[5]).toMatchObject({ addr: 0, searched: 3, freeList: [] });
  });

  it('[FL-TRANS-3] the table agrees: only immediate and deferred coalescing place the 20 bytes', () => {
    const failures = (mode: string): unknown => {
      const { out } = simulate(['--ops', NEIGHBOURS, '--policy', 'best-fit', ...SMALL, '--coalesce', mode, '--json']);
      return (JSON.parse(out) as { failures: number }).failures;
    };
    expect([failures('immediate'), failures('deferred'), failures('none')]).toEqual([0, 0, 1]);
  });

  it('[FL-SPLIT-2] without splitting the whole free block is handed out', () => {
    // A heap that grows by exactly what each block needs (chunk 1) up to 30 bytes.
    const grow = ['--preset', 'lecture', '--growth', 'sbrk', '--chunk', '1', '--heap-limit', '30'];
    const ops = '+10,+10,+10,-1,+4,-3,+4';
    const split = transcript(ops, 'first-fit-address', ...grow);
    // Growing the heap searches an empty list; +4 cuts (10, 10) and leaves (14, 6).
    expect(allocs(split)).toEqual([[0, 0], [10, 0], [20, 0], [10, 1], [10, 1]]);
    expect(split[4]!.freeList).toEqual([[14, 6]]);
    const whole = transcript(ops, 'first-fit-address', ...grow, '--split', 'off');
    expect(allocs(whole)).toEqual([[0, 0], [10, 0], [20, 0], [10, 1], [10, 1]]);
    expect(whole[4]!.freeList).toEqual([]);
    // Freeing the 4 bytes gives back the whole 10-byte block.
    expect(whole[5]).toMatchObject({ op: 'free', size: 4, addr: 10, freeList: [[10, 10]] });
  });

  it('[FL-TRANS-2] TLSF looks at one list head through its bitmaps', () => {
    const ops = transcript('+10,+10,-0,+5', 'tlsf', '--preset', 'lecture');
    expect(allocs(ops).map(([, searched]) => searched)).toEqual([1, 1, 1]);
  });

  it('[FL-OPT-2] --heap-limit is the usable heap under csapp: 4096 bytes of blocks after the 12-byte start', () => {
    // A fixed heap: one free block from 12 (after padding and the prologue) of exactly 4096 bytes;
    // 8 bytes take a 16-byte block, leaving (28, 4080).
    const ops = transcript('+8', 'first-fit-address', '--preset', 'csapp', '--growth', 'fixed', '--heap-limit', '4096');
    expect(ops[0]).toMatchObject({ addr: 12, searched: 1, freeList: [[28, 4080]] });
    // The break is the usable bytes plus 12 before and 4 after.
    const { out } = simulate(['--ops', '+8', '--policy', 'best-fit', '--preset', 'csapp', '--growth', 'fixed', '--heap-limit', '4096', '--json']);
    expect((JSON.parse(out) as { peakHeap: number }).peakHeap).toBe(4096 + 16);
    // 4088 bytes need 4096: they fit; 4089 need 4104: they fail.
    expect(transcript('+4088', 'best-fit', '--preset', 'csapp', '--growth', 'fixed', '--heap-limit', '4096')[0]!.addr).toBe(12);
    expect(transcript('+4089', 'best-fit', '--preset', 'csapp', '--growth', 'fixed', '--heap-limit', '4096')[0]!.addr).toBe(-1);
  });

  it('[FL-METRIC-2] the table shows the first failure with its free bytes and largest hole', () => {
    const { out, code } = simulate(['--ops', NEIGHBOURS, '--policy', 'first-fit-address', ...SMALL, '--coalesce', 'none']);
    expect(code).toBe(0);
    // Op 5 (0-based) asks 20 bytes with 20 free in two 10-byte holes.
    expect(out).toMatch(/firstFailure/);
    expect(out).toMatch(/op 5: 20 B, 20 free, largest hole 10/);
  });

  it('prints the transcript as malloc.py does', () => {
    const { out } = simulate(['--ops', '+3,-0', '--policy', 'best-fit', ...MALLOC_PY, '--transcript']);
    expect(out).toContain('ptr[0] = Alloc(3) returned 1000 (searched 1 elements)\nFree List [ Size 1 ]: [ addr:1003 sz:97 ]');
    expect(out).toContain('Free(ptr[0]) freed 3 bytes at 1000\nFree List [ Size 2 ]: [ addr:1000 sz:3 ] [ addr:1003 sz:97 ]');
  });

  it('--policy all prints one transcript per policy', () => {
    const { out } = simulate(['--ops', '+3', '--policy', 'all', '--preset', 'lecture', '--transcript', '--json']);
    const runs = JSON.parse(out) as { policy: string; ops: Op[] }[];
    expect(runs.map((r) => r.policy)).toEqual(['first-fit-lifo', 'first-fit-fifo', 'first-fit-address', 'next-fit', 'best-fit', 'worst-fit', 'tlsf']);
    expect(runs.every((r) => r.ops.length === 1 && r.ops[0]!.addr === 0)).toBe(true);
  });

  it('refuses bad transcript flags with a message', () => {
    const cases: [string[], RegExp][] = [
      [['--ops', '+3', '--policy', 'best-fit', '--coalesce', 'sometimes'], /--coalesce must be immediate, deferred, none/],
      [['--ops', '+3', '--policy', 'best-fit', '--split', 'yes'], /--split must be on or off/],
      [['--ops', '+3', '--policy', 'best-fit', '--growth', 'mmap'], /--growth must be fixed or sbrk/],
      [['--ops', '+3,-4', '--policy', 'best-fit'], /item 2: "-4" frees ptr\[4\]/],
      [['--ops', '+3', '--policy', 'buddy', '--kind', 'buddy', '--transcript'], /unknown option --transcript/],
      [['--adversary', 'fair', '--live-budget', '100', '--max-size', '10', '--policy', 'best-fit', '--transcript'], /--transcript replays a --trace or --ops/],
    ];
    for (const [argv, message] of cases) {
      const result = simulate(argv);
      expect(result.code, argv.join(' ')).not.toBe(0);
      expect(result.err).toMatch(message);
    }
  });
});

describe('OSTEP operation lists', () => {
  it('[OSTEP-1] +N allocates the next pointer, -k frees pointer k', () => {
    const parsed = parseOstepOps(' +10, +20 ,-0,+5,-2');
    expect(parsed).toEqual({ ok: true, value: [alloc(0, 10), alloc(1, 20), free(0), alloc(2, 5), free(2)] });
  });

  it('[OSTEP-2] a malformed item is refused naming it', () => {
    for (const [text, message] of [['+10,x', /^item 2: "x"/], ['+10,+', /^item 2/], ['-0', /^item 1: "-0" frees ptr\[0\], but only 0/], ['+1.5', /^item 1/]] as const) {
      const parsed = parseOstepOps(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) {
        expect(parsed.code).toBe('trace/malformed');
        expect(parsed.message).toMatch(message);
      }
    }
  });
});
