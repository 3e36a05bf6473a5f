// The one region decoder (client/src/net/synced.ts): synced RegionState -> RegionView.
import { describe, it, expect } from 'vitest';
import { decodeRegions, type RegionLike } from '../../../client/src/net/synced.ts';

function synced(start: number, size: number, state: string, extra: Partial<RegionLike> = {}): RegionLike {
  return { start, size, state, id: -1, requested: 0, tag: '', area: '', ...extra };
}

describe('the synced region decoder', () => {
  it('keeps ids and requested bytes on live blocks only, and tags and areas only when set', () => {
    expect(decodeRegions([
      synced(0, 12, 'unused', { area: 'heap' }),
      synced(12, 24, 'live', { id: 7, requested: 20, tag: 'ast', area: 'heap' }),
      synced(36, 16, 'free', { id: 3, requested: 9 }),
    ])).toEqual([
      { start: 0, size: 12, state: 'unused', area: 'heap' },
      { start: 12, size: 24, state: 'live', id: 7, requested: 20, tag: 'ast', area: 'heap' },
      { start: 36, size: 16, state: 'free' },
    ]);
  });

  it('reads a state it does not know as unused space (drawn, never chosen)', () => {
    expect(decodeRegions([synced(0, 8, 'mystery')])).toEqual([{ start: 0, size: 8, state: 'unused' }]);
  });
});
