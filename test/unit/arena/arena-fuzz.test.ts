// Seeded fuzzing of the arena allocator: random player moves (legal or not), policy
// moves checked against a naive scan of the arena views, the checker after every
// operation, and an emptied allocator that holds nothing. The seed is in the test name.
import { describe, it, expect } from 'vitest';
import { ArenaAllocator } from '../../../shared/arena/arena.ts';
import type { ArenaOptions } from '../../../shared/arena/arena.ts';
import { arenaPerTag, arenaSingle } from '../../../shared/arena/policies.ts';
import { createPrng, nextInt } from '../../../shared/core/prng.ts';

const CONFIGS: readonly ArenaOptions[] = [
  { chunkSize: 256, align: 8, limit: 4096 },
  { chunkSize: 100, align: 1, limit: 1000 },
  { chunkSize: 4096, align: 16 },
];

const TAGS = [undefined, 'parse', 'render', 'io'];

function roundUp(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}

/** The naive model of both policies, from the arena views alone. */
function naiveChoice(arenas: ArenaAllocator, size: number, tag: string | undefined, perTag: boolean): number | null {
  const views = arenas.arenaViews().filter((v) => !perTag || v.label === (tag ?? ''));
  const picked = views.at(-1);
  const bytes = roundUp(size, arenas.align);
  const held = arenas.figures().bytesHeld;
  const growth = roundUp(bytes, arenas.chunkSize);
  if (picked && (bytes <= picked.room || held + growth <= arenas.limit)) return picked.id;
  return held + growth <= arenas.limit ? -1 : null;
}

function fuzz(seed: number, steps: number): void {
  const prng = createPrng(seed);
  const arenas = new ArenaAllocator(CONFIGS[seed % CONFIGS.length]);
  const live: number[] = [];
  let nextId = 0;
  let accepted = 0;
  for (let step = 0; step < steps; step++) {
    const roll = nextInt(prng, 0, 9);
    const size = nextInt(prng, 1, nextInt(prng, 0, 3) === 0 ? 600 : 120);
    const tag = TAGS[nextInt(prng, 0, TAGS.length - 1)];
    if (roll < 4 && live.length > 0) {
      const [id] = live.splice(nextInt(prng, 0, live.length - 1), 1);
      expect(arenas.free(id ?? -1).ok).toBe(true);
    } else if (roll < 7) {
      const perTag = roll < 6;
      const target = (perTag ? arenaPerTag : arenaSingle).choose(arenas, size, tag);
      expect(target).toBe(naiveChoice(arenas, size, tag, perTag));
      if (target !== null) {
        expect(arenas.allocate(nextId, size, target, tag).ok).toBe(true);
        live.push(nextId++);
      }
    } else {
      const open = arenas.arenaViews().map((v) => v.id);
      const target = [-1, 99, ...open][nextInt(prng, 0, open.length + 1)] ?? -1;
      const before = JSON.stringify([arenas.walk(), arenas.figures()]);
      const placed = arenas.allocate(nextId, size, target, tag);
      if (placed.ok) {
        live.push(nextId++);
        accepted++;
      } else {
        expect(JSON.stringify([arenas.walk(), arenas.figures()])).toBe(before);
      }
    }
    arenas.check();
  }
  expect(accepted).toBeGreaterThan(0);
  for (const id of live) {
    expect(arenas.free(id).ok).toBe(true);
    arenas.check();
  }
  expect(arenas.arenaViews()).toEqual([]);
  expect(arenas.gauge()).toEqual({ liveBytes: 0, heapBytes: 0, freeBytes: 0, largestFree: 0, internalBytes: 0 });
  expect(arenas.figures()).toMatchObject({ bytesHeld: 0, chunks: 0, deadBytes: 0, abandonedBytes: 0, roomBytes: 0, openArenas: 0 });
}

describe('arena fuzzing', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 42]) {
    it(`[AR-CHECK-1] [AR-CHECK-2] [AR-CHECK-3] [AR-CHECK-4] [AR-CHECK-5] [AR-POL-3] [AR-MOVE-4] seed ${seed}`, () => {
      fuzz(seed, 500);
    });
  }
});
