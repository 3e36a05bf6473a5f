// The free-space index building blocks against plain arrays: MaxTree (first/last leaf
// that reaches a value), LevelBitmap (next member), the size treap, the size index's
// bucket pool (grown and repacked under churn), the first-fit root tree (lowest value
// from a leaf on), TLSF classes; and first fit through the size index on blocks too
// big for its exact-size buckets.
import { describe, it, expect } from 'vitest';
import { createPrng, nextInt } from '../../../shared/core/prng.ts';
import { LevelBitmap } from '../../../shared/core/level-bitmap.ts';
import { MaxTree } from '../../../shared/freelist/max-tree.ts';
import { RootTree, SizeIndex, SizeTreap } from '../../../shared/freelist/size-index.ts';
import { FreeListHeap } from '../../../shared/freelist/heap.ts';
import { resolveOptions } from '../../../shared/freelist/options.ts';
import { firstFitAddress } from '../../../shared/freelist/policies.ts';
import { NaiveHeap } from './naive-heap.ts';
import { TlsfClasses } from '../../../shared/freelist/tlsf-index.ts';

describe('MaxTree', () => {
  for (const seed of [1, 2, 3]) {
    it(`[FL-INDEX-1] finds the first and last leaf reaching a value like a scan does, seed ${seed}`, () => {
      const prng = createPrng(seed);
      const tree = new MaxTree(10);
      const values: number[] = [];
      for (let step = 0; step < 3000; step++) {
        const j = nextInt(prng, 0, nextInt(prng, 0, 3) === 0 ? 5000 : 300);
        tree.cover(j);
        while (values.length < tree.leaves) values.push(0);
        const v = nextInt(prng, 0, 3) === 0 ? 0 : nextInt(prng, 1, 1000);
        tree.set(j, v);
        values[j] = v;
        const need = nextInt(prng, 1, 1100);
        const from = nextInt(prng, 0, values.length + 20);
        const expectedFirst = values.findIndex((x, i) => i >= from && x >= need);
        expect(tree.findFirst(from, need)).toBe(expectedFirst);
        expect(tree.findFirst(0, need)).toBe(values.findIndex((x) => x >= need));
        const to = nextInt(prng, -1, values.length + 20);
        let expectedLast = -1;
        for (let i = Math.min(to, values.length - 1); i >= 0; i--) {
          if (values[i]! >= need) {
            expectedLast = i;
            break;
          }
        }
        expect(tree.findLast(to, need)).toBe(expectedLast);
        expect(tree.max).toBe(Math.max(0, ...values));
      }
      expect(tree.isConsistent()).toBe(true);
    });
  }

  it('[FL-INDEX-1] keeps its leaves when it grows and when reset', () => {
    const tree = new MaxTree(16);
    tree.set(3, 7);
    tree.cover(100);
    expect(tree.leaves).toBeGreaterThan(100);
    expect(tree.leaf(3)).toBe(7);
    expect(tree.findFirst(0, 5)).toBe(3);
    tree.reset([0, 9, 0, 4], 40);
    expect(tree.findFirst(0, 5)).toBe(1);
    expect(tree.findLast(100, 3)).toBe(3);
    expect(tree.leaf(3)).toBe(4);
  });
});

describe('LevelBitmap over exact sizes', () => {
  it('[FL-INDEX-2] answers next and last like a sorted set', () => {
    const prng = createPrng(9);
    const bits = new LevelBitmap(40_000);
    const members = new Set<number>();
    for (let step = 0; step < 4000; step++) {
      const k = nextInt(prng, 0, 39_999);
      if (nextInt(prng, 0, 2) === 0) {
        bits.clear(k);
        members.delete(k);
      } else {
        bits.set(k);
        members.add(k);
      }
      const q = nextInt(prng, 0, 40_010);
      const sorted = [...members].sort((a, b) => a - b);
      expect(bits.nextFrom(q)).toBe(sorted.find((m) => m >= q) ?? -1);
      expect(bits.last()).toBe(sorted.length ? sorted[sorted.length - 1] : -1);
      expect(bits.has(k)).toBe(members.has(k));
    }
  });
});

describe('SizeTreap', () => {
  it('[FL-INDEX-3] finds the least (size, address) at or above a size', () => {
    const prng = createPrng(4);
    const n = 400;
    const heap = { start: new Int32Array(n), size: new Int32Array(n), stamps: new Int32Array(2 * n) };
    const treap = new SizeTreap(heap, n);
    const inTree = new Set<number>();
    for (let step = 0; step < 3000; step++) {
      const s = nextInt(prng, 0, n - 1);
      if (inTree.has(s)) {
        treap.remove(s, heap.start[s]!, heap.size[s]!);
        inTree.delete(s);
      } else {
        heap.start[s] = s * 100;
        heap.size[s] = nextInt(prng, 1, 50) * 8;
        treap.insert(s);
        inTree.add(s);
      }
      const need = nextInt(prng, 1, 420);
      const fits = [...inTree].filter((x) => heap.size[x]! >= need).sort((a, b) => heap.size[a]! - heap.size[b]! || heap.start[a]! - heap.start[b]!);
      expect(treap.ceiling(need)).toBe(fits[0] ?? -1);
      const all = [...inTree].sort((a, b) => heap.size[b]! - heap.size[a]! || heap.start[a]! - heap.start[b]!);
      expect(treap.largest()).toBe(all[0] ?? -1);
    }
    treap.verify();
  });
});

describe('TLSF classes', () => {
  it('[FL-TLSF-1] one class per size below 32 units, then 32 slices of each power of two', () => {
    const c = new TlsfClasses(3);
    expect(c.smallLimit).toBe(256);
    expect(c.classOf(8)).toBe(1);
    expect(c.classOf(248)).toBe(31);
    // 256 = 2^8: first level 1, slice 0; 264 is in the same slice (slices of 8 bytes); 512 starts level 2.
    expect(c.classOf(256)).toBe(32);
    expect(c.classOf(264)).toBe(33);
    expect(c.classOf(512)).toBe(64);
    expect(c.classOf(1000)).toBe(2 * 32 + Math.floor((1000 - 512) / 16));
    // A search rounds up to the next class boundary: every block of that class fits.
    expect(c.searchClassOf(257)).toBe(c.classOf(264));
    expect(c.searchClassOf(264)).toBe(c.classOf(264));
    expect(c.searchClassOf(96)).toBe(12);
  });
});

describe('SizeIndex', () => {
  it('[FL-POL-5] keeps best fit right while thousands of buckets fill, grow, empty and refill in its shared pool', () => {
    const prng = createPrng(11);
    const n = 6000;
    const heap = { start: new Int32Array(n), size: new Int32Array(n), stamps: new Int32Array(2 * n) };
    const index = new SizeIndex(heap, 8, n);
    const inIndex = new Set<number>();
    for (let step = 0; step < 40_000; step++) {
      const s = nextInt(prng, 0, n - 1);
      if (inIndex.has(s)) {
        if (nextInt(prng, 0, 1) === 0) {
          index.remove(s);
          inIndex.delete(s);
        } else {
          // A block keeps its slot and changes extent (its start stays unique: slot * 2^16 + offset; heap addresses are 31-bit).
          const oldStart = heap.start[s]!;
          const oldSize = heap.size[s]!;
          heap.start[s] = s * 2 ** 16 + nextInt(prng, 0, 1000) * 8;
          heap.size[s] = nextInt(prng, 1, nextInt(prng, 0, 9) === 0 ? 20_000 : 600) * 8;
          index.update(s, oldStart, oldSize);
        }
      } else {
        heap.start[s] = s * 2 ** 16 + nextInt(prng, 0, 1000) * 8;
        heap.size[s] = nextInt(prng, 1, nextInt(prng, 0, 9) === 0 ? 20_000 : 600) * 8;
        index.insert(s);
        inIndex.add(s);
      }
      if (step % 97 === 0) {
        const need = nextInt(prng, 1, 5000) * 8;
        const fits = [...inIndex].filter((x) => heap.size[x]! >= need).sort((a, b) => heap.size[a]! - heap.size[b]! || heap.start[a]! - heap.start[b]!);
        expect(index.bestFit(need)).toBe(fits[0] ?? -1);
      }
      if (step % 4001 === 0) index.verify([...inIndex]);
    }
    index.verify([...inIndex]);
  });
});

describe('RootTree', () => {
  for (const seed of [1, 2]) {
    it(`[FL-INDEX-4] finds the least leaf from any position like a scan does, seed ${seed}`, () => {
      const prng = createPrng(seed);
      const n = 16_385; // the size index's buckets, the large one last
      const tree = new RootTree(n);
      const empty = 0x7fffffff;
      const values = new Array<number>(n).fill(empty);
      const used = new Set<number>();
      for (let step = 0; step < 3000; step++) {
        const k = nextInt(prng, 0, nextInt(prng, 0, 3) === 0 ? n - 1 : 300);
        let v = empty;
        if (nextInt(prng, 0, 3) > 0) {
          do v = nextInt(prng, 0, 1_000_000); while (used.has(v)); // addresses are distinct
          used.add(v);
        }
        tree.set(k, v);
        values[k] = v;
        const from = nextInt(prng, 0, n - 1);
        let expected = -1;
        for (let i = from; i < n; i++) if (values[i]! < empty && (expected < 0 || values[i]! < values[expected]!)) expected = i;
        expect(tree.lowestFrom(from)).toBe(expected);
        expect(tree.leaf(k)).toBe(v);
      }
      expect(tree.isConsistent()).toBe(true);
    });
  }
});

describe('first fit through the size index', () => {
  it('[FL-POL-3] picks the lowest-addressed fit among blocks too big for an exact-size bucket, like the naive model', () => {
    // Alignment 1: exact buckets end at 16384 bytes, so these sizes exercise the large blocks.
    const resolved = resolveOptions({ align: 1, overhead: 0, minBlock: 1, limit: 1 << 22, chunk: 4096 });
    if (!resolved.ok) throw new Error(resolved.message);
    const heap = new FreeListHeap(resolved.value);
    const model = new NaiveHeap(resolved.value);
    const prng = createPrng(7);
    const live: number[] = [];
    for (let id = 0; id < 600; id++) {
      if (live.length > 0 && nextInt(prng, 0, 2) === 0) {
        const gone = live.splice(nextInt(prng, 0, live.length - 1), 1)[0]!;
        expect(heap.free(gone).ok).toBe(true);
        expect(model.free(gone).ok).toBe(true);
      }
      const size = nextInt(prng, 0, 3) === 0 ? nextInt(prng, 16_000, 60_000) : nextInt(prng, 1, 9000);
      expect(firstFitAddress.choose(heap, size), `request ${id}: choose`).toBe(model.choose('first-fit-address', size));
      const at = heap.placeWith(firstFitAddress.find, id, size);
      expect(at, `request ${id} of ${size} bytes`).toBe(model.placeBy('first-fit-address', id, size));
      if (at >= 0) live.push(id);
      heap.check();
    }
  });
});
