// Plays an SDK student's heap in a class round to its end: every request at the start of a
// free region with room to spare (the CS:APP heap adds a header and rounds up).
import type { Room } from '@colyseus/sdk';
import { expect, vi } from 'vitest';

type Heap = { version: number; phase: string; hasPending: boolean; pending: { id: number; size: number }; regions: { start: number; size: number; state: string }[] };

function ownHeap(room: Room): Heap | undefined {
  return [...(room.state.heaps as Map<string, Heap>).values()][0];
}

/** Plays every request of `room`'s own heap until its round is done for it. */
export async function playToEnd(room: Room): Promise<void> {
  for (;;) {
    await vi.waitFor(() => expect(ownHeap(room)?.phase === 'done' || ownHeap(room)?.hasPending).toBe(true), { timeout: 20_000 });
    const heap = ownHeap(room)!;
    if (heap.phase === 'done') return;
    const spot = heap.regions.find((r) => r.state === 'free' && r.size >= heap.pending.size + 64);
    expect(spot, 'a free region with room').toBeDefined();
    const version = heap.version;
    room.send('place', { requestId: heap.pending.id, target: spot!.start, version });
    await vi.waitFor(() => expect(ownHeap(room)!.version).toBeGreaterThan(version), { timeout: 20_000 });
  }
}
