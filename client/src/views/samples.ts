// Sample data for the view gallery (`/?scene=gallery`): heaps, requests, meters,
// results and the other allocator kinds, made by hand or from a fixed seed so the
// gallery looks the same on every run. Not game data: no rule is decided here.

import type { RegionView } from '../../../shared/core/allocator.ts';
import { createPrng, nextInt, type PrngState } from '../../../shared/core/prng.ts';
import type { HeapHint, HeapLine } from './HeapView.ts';
import type { QueuedRequest } from './QueueView.ts';

/** The play screen's lecture-sized heap (alignment 4): blocks, holes, tails, room past the break. */
export function lectureHeap(): HeapLine {
  const regions: RegionView[] = [
    { start: 0, size: 16, state: 'live', id: 1, requested: 14 },
    { start: 16, size: 16, state: 'free' },
    { start: 32, size: 20, state: 'live', id: 3, requested: 19 },
    { start: 52, size: 12, state: 'free' },
    { start: 64, size: 24, state: 'live', id: 5, requested: 21 },
    { start: 88, size: 28, state: 'free' },
    { start: 116, size: 12, state: 'live', id: 8, requested: 12 },
  ];
  return { regions, breakAt: 128, extent: 160 };
}

/** Where the built-in policies would put a 12-byte request on the lecture heap. */
export function lectureHints(): HeapHint[] {
  return [
    { label: 'first fit', address: 16 },
    { label: 'best fit', address: 52 },
    { label: 'worst fit', address: 88 },
    { label: 'next fit', address: 88 },
  ];
}

const TAGS = ['parser', 'frame', 'cache', 'net'] as const;

function pick<T>(rng: PrngState, items: readonly T[]): T {
  const item = items[nextInt(rng, 0, items.length - 1)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A 48 KiB heap (limit 64 KiB) of a few hundred tagged blocks and holes, plus two mmap regions. */
export function largeHeap(seed = 7): HeapLine {
  const rng = createPrng(seed);
  const regions: RegionView[] = [];
  const breakAt = 48 * 1024;
  let at = 0;
  let id = 1;
  while (at < breakAt) {
    const isHole = nextInt(rng, 0, 3) === 0;
    const size = Math.min(breakAt - at, 16 * nextInt(rng, 1, isHole ? 24 : 12));
    if (isHole) regions.push({ start: at, size, state: 'free' });
    else regions.push({ start: at, size, state: 'live', id, requested: size - nextInt(rng, 0, Math.min(15, size - 1)), tag: pick(rng, TAGS) });
    at += size;
    id++;
  }
  regions.push({ start: 0x10000000, size: 256 * 1024, state: 'live', id: id++, requested: 250_000, tag: 'cache', area: 'mmap' });
  regions.push({ start: 0x10040000, size: 128 * 1024, state: 'live', id, requested: 131_072, tag: 'net', area: 'mmap' });
  return { regions, breakAt, extent: 64 * 1024, colourBy: 'tag' };
}

/** The requests after the current one on the play screen. */
export function sampleQueue(): QueuedRequest[] {
  return [20, 8, 33, 16, 24, 40, 12, 64, 8, 100].map((size, i) => ({ id: 10 + i, size }));
}
