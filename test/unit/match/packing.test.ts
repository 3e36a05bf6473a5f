import { describe, it, expect } from 'vitest';
import { alloc, free, realloc } from '../../../shared/core/stream.ts';
import { packIntervals, requestLives, type PackItem } from '../../../shared/match/packing.ts';

describe('offline packing for the clairvoyant reference', () => {
  it('[MATCH-CLAIR-2] request lives follow the engine\'s numbering; a realloc\'s old block lives through the realloc', () => {
    const events = [alloc(5, 10, 't'), alloc(6, 0), alloc(7, 4), free(5), realloc(7, 8), free(-1), realloc(7, 0), alloc(5, 3)];
    expect(requestLives(events)).toEqual([
      { requestId: 0, size: 10, tag: 't', birth: 0, death: 3 },
      { requestId: 1, size: 4, birth: 2, death: 5 },
      { requestId: 2, size: 8, birth: 4, death: 6 },
      { requestId: 3, size: 3, birth: 7, death: Infinity },
    ]);
  });

  const item = (requestId: number, birth: number, death: number, bytes: number, align = 1): PackItem =>
    ({ requestId, birth, death, bytes, align, phase: 0 });

  it('[MATCH-CLAIR-2] blocks that are never live together share addresses; live ones do not overlap', () => {
    // A [0,2) 8 bytes, B [1,3) 4 bytes, C [2,4) 8 bytes: C can reuse A's addresses
    const items = [item(0, 0, 2, 8), item(1, 1, 3, 4), item(2, 2, 4, 8)];
    expect([...packIntervals(items, 0, 'largest-first')].sort((a, b) => a[0] - b[0])).toEqual([[0, 0], [1, 8], [2, 0]]);
    expect([...packIntervals(items, 0, 'earliest-first')].sort((a, b) => a[0] - b[0])).toEqual([[0, 0], [1, 8], [2, 0]]);
  });

  it('[MATCH-CLAIR-2] starts honour alignment and the base', () => {
    const items = [item(0, 0, 9, 3, 4), item(1, 0, 9, 4, 4), item(2, 0, 9, 1, 1)];
    // largest first: B(4) at base 16, A(3) at 20, C(1) fills 23
    expect([...packIntervals(items, 16, 'largest-first')].sort((a, b) => a[0] - b[0])).toEqual([[0, 20], [1, 16], [2, 23]]);
  });
});
