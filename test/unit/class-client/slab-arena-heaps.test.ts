// A student's slab or arena heap as the host's thumbnails read it: each slab or arena
// counts from 0 in the synced regions, and comes out lined up end to end.
import { describe, expect, it } from 'vitest';
import { heapLineOf, type MatchLike, type RegionLike } from '../../../client/src/scenes/class/class-state.ts';

function region(area: string, start: number, size: number, state: string, id = -1): RegionLike {
  return { start, size, state, id, requested: id >= 0 ? size : 0, tag: '', area };
}

function slabMatch(regions: RegionLike[]): MatchLike {
  return {
    kind: 'slab', phase: 'playing', version: 2, regions, hasPending: false, pending: undefined, hints: [],
    meters: { placed: 2, total: 2, liveBytes: 160, heapBytes: 512 },
  };
}

describe('slab and arena heaps in the class scenes', () => {
  it('[MATCH-VIEW-3] lines two 256-byte slabs up as 0..256 and 256..512', () => {
    const line = heapLineOf(slabMatch([
      region('slab:0', 0, 96, 'live', 0), region('slab:0', 96, 96, 'free'), region('slab:0', 192, 64, 'unused'),
      region('slab:3', 0, 64, 'live', 1), region('slab:3', 64, 192, 'free'),
    ]));
    expect(line.regions.map((r) => [r.area, r.start, r.size])).toEqual([
      ['slab:0', 0, 96], ['slab:0', 96, 96], ['slab:0', 192, 64], ['slab:3', 256, 64], ['slab:3', 320, 192],
    ]);
    expect(line.extent).toBe(512);
  });
});
