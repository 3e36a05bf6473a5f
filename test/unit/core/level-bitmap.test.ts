// The hierarchical bitmap against a plain boolean array, on seeded random operations.
import { describe, it, expect } from 'vitest';
import { LevelBitmap } from '../../../shared/core/level-bitmap.ts';
import { createPrng, nextInt } from '../../../shared/core/prng.ts';

function firstOf(bits: boolean[], from: number): number {
  for (let i = Math.max(0, from); i < bits.length; i++) if (bits[i]) return i;
  return -1;
}

function lastOf(bits: boolean[]): number {
  for (let i = bits.length - 1; i >= 0; i--) if (bits[i]) return i;
  return -1;
}

describe('LevelBitmap', () => {
  it('starts empty and finds nothing', () => {
    const map = new LevelBitmap(100);
    expect(map.isEmpty()).toBe(true);
    expect(map.first()).toBe(-1);
    expect(map.last()).toBe(-1);
    expect(map.nextFrom(0)).toBe(-1);
  });

  it('finds the lowest, the highest and the next set bit across words and levels', () => {
    const map = new LevelBitmap(40_000);
    for (const i of [39_999, 1025, 31, 32, 5000]) map.set(i);
    expect(map.first()).toBe(31);
    expect(map.last()).toBe(39_999);
    expect(map.nextFrom(33)).toBe(1025);
    expect(map.nextFrom(1026)).toBe(5000);
    expect(map.nextFrom(5001)).toBe(39_999);
    expect([...map.indices()]).toEqual([31, 32, 1025, 5000, 39_999]);
    map.clear(31);
    map.clear(32);
    expect(map.first()).toBe(1025);
    expect(map.count).toBe(3);
  });

  it('fill sets every bit', () => {
    const map = new LevelBitmap(70);
    map.fill();
    expect(map.count).toBe(70);
    expect(map.first()).toBe(0);
    expect(map.last()).toBe(69);
  });

  for (const [seed, size] of [[1, 1], [2, 31], [3, 33], [4, 1000], [5, 40_000]] as const) {
    it(`agrees with a boolean array on random operations (seed ${seed}, size ${size})`, () => {
      const prng = createPrng(seed);
      const map = new LevelBitmap(size);
      const bits: boolean[] = new Array<boolean>(size).fill(false);
      for (let step = 0; step < 3000; step++) {
        const i = nextInt(prng, 0, size - 1);
        if (nextInt(prng, 0, 2) === 0) {
          map.clear(i);
          bits[i] = false;
        } else {
          map.set(i);
          bits[i] = true;
        }
        const from = nextInt(prng, 0, size);
        expect(map.has(i)).toBe(bits[i]);
        expect(map.first()).toBe(firstOf(bits, 0));
        expect(map.last()).toBe(lastOf(bits));
        expect(map.nextFrom(from)).toBe(firstOf(bits, from));
        expect(map.count).toBe(bits.filter(Boolean).length);
      }
    });
  }
});
