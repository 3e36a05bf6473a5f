// The seeded pseudo-random generator. Its whole state is plain data (four 32-bit
// words), so a match can be saved, cloned and replayed exactly. Algorithm: sfc32,
// seeded through splitmix32.

export interface PrngState {
  a: number;
  b: number;
  c: number;
  d: number;
}

function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A generator state from any integer seed (the same seed always gives the same stream). */
export function createPrng(seed: number): PrngState {
  const s0 = seed >>> 0;
  const state: PrngState = {
    a: splitmix32(s0),
    b: splitmix32(s0 ^ 0x1b873593),
    c: splitmix32(s0 ^ 0xcc9e2d51),
    d: splitmix32(s0 ^ 0x5bd1e995),
  };
  for (let i = 0; i < 12; i++) nextUint32(state);
  return state;
}

/** Advances the state in place and returns a uniform 32-bit unsigned integer. */
export function nextUint32(s: PrngState): number {
  const t = (((s.a + s.b) | 0) + s.d) | 0;
  s.d = (s.d + 1) | 0;
  s.a = s.b ^ (s.b >>> 9);
  s.b = (s.c + (s.c << 3)) | 0;
  s.c = (s.c << 21) | (s.c >>> 11);
  s.c = (s.c + t) | 0;
  return t >>> 0;
}

/** A float in [0, 1). */
export function nextFloat(s: PrngState): number {
  return nextUint32(s) / 4294967296;
}

/** An integer in [min, max], both ends included. */
export function nextInt(s: PrngState, min: number, max: number): number {
  if (max < min) throw new Error(`nextInt: empty range [${min}, ${max}]`);
  return min + Math.floor(nextFloat(s) * (max - min + 1));
}
