import { describe, it, expect } from 'vitest';
import { drawSize, sizeRange, C_STRUCTS, STRUCT_SIZES, type SizeDistribution } from '../../../shared/streams/sizes.ts';
import { createPrng } from '../../../shared/core/prng.ts';

const DISTRIBUTIONS: readonly SizeDistribution[] = [
  { kind: 'uniform', min: 16, max: 4096 },
  { kind: 'exponential', mean: 40, min: 8, max: 512 },
  { kind: 'pow2', minLog2: 3, maxLog2: 10, exact: 0.7 },
  { kind: 'bimodal', small: [8, 32], large: [1000, 2000], pLarge: 0.1 },
  C_STRUCTS,
];

function draws(dist: SizeDistribution, n: number, seed: number): number[] {
  const prng = createPrng(seed);
  return Array.from({ length: n }, () => drawSize(dist, prng));
}

describe('size distributions', () => {
  for (const dist of DISTRIBUTIONS) {
    it(`[ST-SIZE-1] ${dist.kind}: every draw lies inside its range and is a positive integer`, () => {
      const [lo, hi] = sizeRange(dist);
      for (const s of draws(dist, 2000, 1)) {
        expect(Number.isInteger(s)).toBe(true);
        expect(s).toBeGreaterThanOrEqual(Math.max(1, lo));
        expect(s).toBeLessThanOrEqual(hi);
      }
    });
  }

  it('[ST-SIZE-1] pow2 with exact 1 draws only powers of two; with exact 0 only sizes just over a power', () => {
    expect(draws({ kind: 'pow2', minLog2: 2, maxLog2: 8, exact: 1 }, 500, 2).every((s) => (s & (s - 1)) === 0)).toBe(true);
    const over = draws({ kind: 'pow2', minLog2: 2, maxLog2: 8, exact: 0 }, 500, 2);
    for (const s of over) {
      const below = 2 ** Math.floor(Math.log2(s - 1));
      expect(s).toBeGreaterThan(below);
      expect(s).toBeLessThanOrEqual(below * 2);
    }
    expect(over.some((s) => (s & (s - 1)) !== 0)).toBe(true);
  });

  it('[ST-SIZE-1] exponential: many small sizes, few large ones', () => {
    const sizes = draws({ kind: 'exponential', mean: 32, min: 1, max: 10000 }, 4000, 3);
    const small = sizes.filter((s) => s <= 33).length;
    expect(small / sizes.length).toBeGreaterThan(0.55);
    expect(small / sizes.length).toBeLessThan(0.75);
  });

  it('[ST-SIZE-1] bimodal draws the large mode about pLarge of the time', () => {
    const sizes = draws({ kind: 'bimodal', small: [8, 32], large: [1000, 2000], pLarge: 0.25 }, 4000, 4);
    const large = sizes.filter((s) => s >= 1000).length / sizes.length;
    expect(large).toBeGreaterThan(0.2);
    expect(large).toBeLessThan(0.3);
    expect(sizes.every((s) => s <= 32 || s >= 1000)).toBe(true);
  });

  it('[ST-SIZE-1] struct sizes come from the table of C structs', () => {
    const known = new Set(Object.values(STRUCT_SIZES));
    expect(draws(C_STRUCTS, 500, 5).every((s) => known.has(s))).toBe(true);
  });
});
