// Seeded fuzzing of the buddy allocator: random player moves (legal or not) and policy
// moves, the checker after every operation, a naive oracle for both policies, and an
// emptied space that must be one block of the top order. The seed is in the test name.
import { describe, it, expect } from 'vitest';
import { BuddyAllocator } from '../../../shared/buddy/buddy.ts';
import { buddyLifo, buddyLowest } from '../../../shared/buddy/policies.ts';
import { createPrng, nextInt } from '../../../shared/core/prng.ts';
import type { PrngState } from '../../../shared/core/prng.ts';

/** The naive model of both policies: scan every free block the walker shows. */
function naiveChoice(buddy: BuddyAllocator, size: number, lifo: boolean): number | null {
  const need = buddy.blockBytes(buddy.orderFor(size));
  const fitting = buddy.walk().filter((r) => r.state === 'free' && r.size >= need);
  if (fitting.length === 0) return null;
  const smallest = Math.min(...fitting.map((r) => r.size));
  if (lifo) {
    const order = Math.log2(smallest / buddy.unit);
    return buddy.freeLists()[order]?.[0] ?? null;
  }
  return Math.min(...fitting.filter((r) => r.size === smallest).map((r) => r.start));
}

function randomSize(prng: PrngState, buddy: BuddyAllocator): number {
  const order = nextInt(prng, 0, Math.max(0, buddy.maxOrder - 2));
  return nextInt(prng, 1, 2 ** order * buddy.unit);
}

function fuzz(seed: number, steps: number): void {
  const prng = createPrng(seed);
  const unit = [1, 4, 16][nextInt(prng, 0, 2)] ?? 1;
  const maxOrder = nextInt(prng, 3, 10);
  const minOrder = nextInt(prng, 0, 2);
  const buddy = new BuddyAllocator({ maxOrder, minOrder, unit });
  const live: number[] = [];
  let nextId = 0;
  let accepted = 0;
  for (let step = 0; step < steps; step++) {
    const roll = nextInt(prng, 0, 9);
    if (roll < 3 && live.length > 0) {
      const [id] = live.splice(nextInt(prng, 0, live.length - 1), 1);
      expect(buddy.free(id ?? -1).ok).toBe(true);
    } else if (roll < 7) {
      const size = randomSize(prng, buddy);
      const lifo = roll >= 5;
      const target = (lifo ? buddyLifo : buddyLowest).choose(buddy, size);
      expect(target).toBe(naiveChoice(buddy, size, lifo));
      if (target !== null) {
        expect(buddy.allocate(nextId, size, target).ok).toBe(true);
        live.push(nextId++);
      }
    } else {
      // A player's move at a random (often illegal) address: accepted, or refused with nothing changed.
      const size = randomSize(prng, buddy);
      const block = buddy.blockBytes(Math.min(buddy.orderFor(size), buddy.maxOrder));
      const aligned = nextInt(prng, 0, 3) > 0;
      const address = aligned ? block * nextInt(prng, 0, buddy.spaceBytes / block - 1) : nextInt(prng, -1, buddy.spaceBytes);
      const before = JSON.stringify([buddy.walk(), buddy.freeLists()]);
      const placed = buddy.allocate(nextId, size, address);
      if (placed.ok) {
        live.push(nextId++);
        accepted++;
      }
      else expect(JSON.stringify([buddy.walk(), buddy.freeLists()])).toBe(before);
    }
    buddy.check();
  }
  expect(accepted).toBeGreaterThan(0); // the player's moves were exercised, not only refused
  for (const id of live) {
    expect(buddy.free(id).ok).toBe(true);
    buddy.check();
  }
  expect(buddy.walk()).toEqual([{ start: 0, size: buddy.spaceBytes, state: 'free' }]);
  expect(buddy.gauge()).toEqual({ liveBytes: 0, heapBytes: 0, freeBytes: buddy.spaceBytes, largestFree: buddy.spaceBytes, internalBytes: 0 });
}

describe('buddy fuzzing', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 42, 2024]) {
    it(`[BU-CHECK-1] [BU-CHECK-2] [BU-CHECK-3] [BU-CHECK-4] [BU-CHECK-5] [BU-POL-1] [BU-POL-2] seed ${seed}`, () => {
      fuzz(seed, 600);
    });
  }
});
