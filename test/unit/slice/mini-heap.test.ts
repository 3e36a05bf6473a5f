import { describe, expect, it } from 'vitest';
import { createMiniHeap, pendingRequest, placePending } from '../../../shared/slice/mini-heap.ts';

describe('the thin-slice heap', () => {
  it('places the pending request where the player says and moves to the next one', () => {
    const heap = createMiniHeap(64, [16, 8]);
    const placed = placePending(heap, 10, 0);
    expect(placed.ok).toBe(true);
    if (!placed.ok) return;
    expect(placed.value.blocks).toEqual([{ id: 1, address: 10, size: 16 }]);
    expect(pendingRequest(placed.value)).toBe(8);
    expect(placed.value.version).toBe(1);
  });

  it('refuses an overlapping spot with place/overlaps and changes nothing', () => {
    const first = placePending(createMiniHeap(64, [16, 8]), 10, 0);
    if (!first.ok) throw new Error('setup failed');
    const before = structuredClone(first.value);
    const refused = placePending(first.value, 20, 1);
    expect(refused).toMatchObject({ ok: false, code: 'place/overlaps', message: 'that spot overlaps block 1' });
    expect(first.value).toEqual(before);
  });

  it('refuses a block running past the end, a stale version, and a move with nothing pending', () => {
    expect(placePending(createMiniHeap(32, [16]), 20, 0)).toMatchObject({ ok: false, code: 'place/out_of_range' });
    expect(placePending(createMiniHeap(32, [16]), 0, 3)).toMatchObject({ ok: false, code: 'request/stale' });
    expect(placePending(createMiniHeap(32, []), 0, 0)).toMatchObject({ ok: false, code: 'request/none' });
  });
});
