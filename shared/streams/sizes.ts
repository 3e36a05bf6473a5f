// Size distributions for generated streams: uniform, exponential, power-of-two
// heavy, bimodal and C-struct sizes. A distribution is plain data; `drawSize`
// turns it into one size with the seeded PRNG (never an ambient, unseeded generator).

import { nextFloat, nextInt, type PrngState } from '../core/prng.ts';

export type SizeDistribution =
  /** Every size in [min, max] equally likely. */
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  /** min + an exponential of the given mean, cut off at max (many small, a few large). */
  | { readonly kind: 'exponential'; readonly mean: number; readonly min: number; readonly max: number }
  /**
   * 2^k with k uniform in [minLog2, maxLog2]; with probability `exact` the size is
   * exactly 2^k, otherwise anything in (2^(k-1), 2^k] (just over the power below).
   */
  | { readonly kind: 'pow2'; readonly minLog2: number; readonly maxLog2: number; readonly exact: number }
  /** Small sizes most of the time, large ones with probability `pLarge`. */
  | {
      readonly kind: 'bimodal';
      readonly small: readonly [number, number];
      readonly large: readonly [number, number];
      readonly pLarge: number;
    }
  /** Sizes picked from a list (C structs), with optional weights. */
  | { readonly kind: 'struct'; readonly sizes: readonly number[]; readonly weights?: readonly number[] };

/**
 * sizeof of common C types on x86-64 Linux (glibc), for struct-like streams.
 * The first two are the program's own data structures.
 */
export const STRUCT_SIZES: Readonly<Record<string, number>> = {
  'list node {next, int}': 16,
  'tree node {left, right, key, value}': 32,
  'struct timespec': 16,
  'struct sockaddr_in': 16,
  'struct addrinfo': 48,
  'struct passwd': 48,
  'struct tm': 56,
  'struct stat': 144,
  'FILE': 216,
  'struct dirent': 280,
};

/** A struct distribution over STRUCT_SIZES, small structs weighted more (as programs use them). */
export const C_STRUCTS: SizeDistribution = {
  kind: 'struct',
  sizes: [16, 32, 16, 16, 48, 48, 56, 144, 216, 280],
  weights: [30, 20, 8, 8, 6, 4, 6, 4, 2, 2],
};

export function drawSize(dist: SizeDistribution, prng: PrngState): number {
  switch (dist.kind) {
    case 'uniform':
      return nextInt(prng, dist.min, dist.max);
    case 'exponential':
      return drawExponential(dist.mean, dist.min, dist.max, prng);
    case 'pow2':
      return drawPowerOfTwoHeavy(dist.minLog2, dist.maxLog2, dist.exact, prng);
    case 'bimodal': {
      const [lo, hi] = nextFloat(prng) < dist.pLarge ? dist.large : dist.small;
      return nextInt(prng, lo, hi);
    }
    case 'struct':
      return pickWeighted(dist.sizes, dist.weights, prng);
  }
}

/** The smallest and largest size a distribution can produce. */
export function sizeRange(dist: SizeDistribution): readonly [number, number] {
  switch (dist.kind) {
    case 'uniform':
    case 'exponential':
      return [dist.min, dist.max];
    case 'pow2':
      return [dist.minLog2 === 0 ? 1 : 2 ** (dist.minLog2 - 1) + 1, 2 ** dist.maxLog2];
    case 'bimodal':
      return [Math.min(dist.small[0], dist.large[0]), Math.max(dist.small[1], dist.large[1])];
    case 'struct':
      return [Math.min(...dist.sizes), Math.max(...dist.sizes)];
  }
}

function drawExponential(mean: number, min: number, max: number, prng: PrngState): number {
  const extra = Math.floor(-mean * Math.log(1 - nextFloat(prng)));
  return Math.min(max, min + extra);
}

function drawPowerOfTwoHeavy(minLog2: number, maxLog2: number, exact: number, prng: PrngState): number {
  const k = nextInt(prng, minLog2, maxLog2);
  const power = 2 ** k;
  if (k === 0 || nextFloat(prng) < exact) return power;
  return nextInt(prng, power / 2 + 1, power);
}

/** One item of `items`, each with its weight (all equal when no weights are given). */
export function pickWeighted<T>(items: readonly T[], weights: readonly number[] | undefined, prng: PrngState): T {
  if (items.length === 0) throw new Error('pickWeighted: no items');
  const total = weights ? weights.reduce((a, b) => a + b, 0) : items.length;
  let r = nextFloat(prng) * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights ? (weights[i] ?? 0) : 1;
    if (r < 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}
