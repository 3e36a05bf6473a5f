// Refusals in a student's words (shared/match/refusal-words.ts, [MATCH-WORDS-1..2]): the
// real reason from the move the screen knew, never the internal code.
import { describe, expect, it } from 'vitest';
import type { Allocator } from '../../../shared/core/allocator.ts';
import { createFreeListHeap } from '../../../shared/freelist/heap.ts';
import type { FreeListConfig } from '../../../shared/freelist/options.ts';
import { BuddyAllocator } from '../../../shared/buddy/buddy.ts';
import { kindViewOf } from '../../../shared/match/kind-view.ts';
import { refusalWords } from '../../../shared/match/refusal-words.ts';

function heapOf(config: FreeListConfig): Allocator {
  const heap = createFreeListHeap(config);
  if (!heap.ok) throw new Error(heap.message);
  return heap.value;
}

/** Places a block where the engine is asked to, expecting a refusal, and words it as the screen would. */
function refusedWords(heap: Allocator, size: number, target: number, address?: (a: number) => string): string {
  const regions = heap.walk();
  const refusal = heap.allocate(99, size, target);
  if (refusal.ok) throw new Error(`expected ${size} B at ${target} to be refused`);
  const words = refusalWords(refusal, { size, target, regions, view: kindViewOf(heap), ...(address ? { address } : {}) });
  expect(words).not.toContain(refusal.code);
  return words;
}

describe('refusals in words [MATCH-WORDS-1..2]', () => {
  // 99 lecture bytes: 10 B at 0, then a 6 B hole at 10 (block 1 freed), 20 B at 16, the rest free from 36.
  const lecture = (): Allocator => {
    const heap = heapOf({ align: 1, overhead: 0, minBlock: 1, growth: 'fixed', limit: 99 });
    for (const [id, size, at] of [[0, 10, 0], [1, 6, 10], [2, 20, 16]] as const) expect(heap.allocate(id, size, at).ok).toBe(true);
    heap.free(1);
    return heap;
  };

  it("[MATCH-WORDS-2] a request put in a hole too small for it: \"17 B doesn't fit in this 6 B hole\"", () => {
    expect(refusedWords(lecture(), 17, 10)).toBe("17 B doesn't fit in this 6 B hole.");
  });

  it('[MATCH-WORDS-2] a request put on a live block names the block', () => {
    expect(refusedWords(lecture(), 4, 20)).toBe('That spot is taken by block #2: choose a hole (a free gap).');
  });

  it('[MATCH-WORDS-2] a request put too far into a hole large enough says what is left there and where the hole starts', () => {
    expect(refusedWords(lecture(), 5, 13)).toBe("5 B doesn't fit from address 13: only 3 B of this 6 B hole are left there; put it at the hole's start (10).");
  });

  it('[MATCH-WORDS-2] addresses read as the player chose (hex)', () => {
    const hex = (a: number): string => `0x${a.toString(16)}`;
    expect(refusedWords(lecture(), 5, 13, hex)).toBe("5 B doesn't fit from address 0xd: only 3 B of this 6 B hole are left there; put it at the hole's start (0xa).");
  });

  it('[MATCH-WORDS-2] with a header the block is larger than the request, and the words say so', () => {
    // 8-byte alignment, 8 bytes of overhead: malloc(9) takes 24 bytes; the hole at 20 has 16.
    const heap = heapOf({ align: 8, overhead: 8, minBlock: 16, growth: 'fixed', limit: 256 });
    for (const [id, size, at] of [[0, 8, 4], [1, 8, 20], [2, 8, 36]] as const) expect(heap.allocate(id, size, at).ok).toBe(true);
    heap.free(1);
    expect(refusedWords(heap, 9, 20)).toBe("malloc(9) needs a 24 B block, which doesn't fit in this 16 B hole.");
  });

  it('[MATCH-WORDS-2] a buddy block put in a free block too small for it', () => {
    // 64 bytes in units of 8: a 16-byte request at 0 leaves free buddies of 16 (at 16) and 32 (at 32).
    const buddy = new BuddyAllocator({ maxOrder: 3, unit: 8 });
    expect(buddy.allocate(0, 16, 0).ok).toBe(true);
    expect(refusedWords(buddy, 30, 16)).toBe("malloc(30) needs a 32 B block, which doesn't fit in this 16 B hole.");
  });

  it('[MATCH-WORDS-1] without the move, a code the table names gets its words, and any other the engine\'s sentence, without the code', () => {
    expect(refusalWords({ code: 'request/stale', message: 'the heap changed since you looked; look again' })).toBe('The heap changed before your move arrived: look again and retry.');
    expect(refusalWords({ code: 'place/overlaps', message: 'that spot overlaps block 3 (at 40)' })).toBe('That spot overlaps block 3 (at 40).');
    expect(refusalWords({ code: 'slab/full', message: 'Slab 2 has no free slot.' })).toBe('Slab 2 has no free slot.');
  });
});
