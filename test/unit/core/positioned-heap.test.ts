// The positioned heap (shared/core/positioned-heap.ts) against a sorted list: seeded
// pushes, removals from the middle and re-keyed members; the first member is always the
// list's first, every position stays right, and removed members are out.
import { describe, expect, it } from 'vitest';
import { createPrng, nextInt } from '../../../shared/core/prng.ts';
import { PositionedHeap } from '../../../shared/core/positioned-heap.ts';

interface Item { readonly id: number; key: number; heapPos: number }

const before = (a: Item, b: Item): boolean => (a.key !== b.key ? a.key < b.key : a.id < b.id);
const sorted = (items: readonly Item[]): Item[] => [...items].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));

describe('PositionedHeap', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: keeps the first member and every position right through pushes, removals and re-keys`, () => {
      const prng = createPrng(seed);
      const heap = new PositionedHeap<Item>(before);
      let members: Item[] = [];
      for (let step = 0; step < 2000; step++) {
        const roll = nextInt(prng, 0, 9);
        if (roll < 5 || members.length === 0) {
          const item: Item = { id: step, key: nextInt(prng, 0, 50), heapPos: -1 };
          heap.push(item);
          members.push(item);
        } else if (roll < 8) {
          const victim = members[nextInt(prng, 0, members.length - 1)]!;
          heap.remove(victim);
          members = members.filter((m) => m !== victim);
          expect(heap.has(victim)).toBe(false);
          expect(victim.heapPos).toBe(-1);
        } else {
          const moved = members[nextInt(prng, 0, members.length - 1)]!;
          moved.key = nextInt(prng, 0, 50);
          heap.update(moved);
        }
        expect(heap.size).toBe(members.length);
        expect(heap.peek()).toBe(sorted(members)[0]);
        expect(heap.isConsistent()).toBe(true);
      }
      for (const m of members) expect(heap.has(m)).toBe(true);
    });
  }
});
