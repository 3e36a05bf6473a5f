// Sample data for the view gallery (`/?scene=gallery`): heaps, requests, meters,
// results and the other allocator kinds, made by hand or from a fixed seed so the
// gallery looks the same on every run. Not game data: no rule is decided here.

import type { RegionView } from '../../../shared/core/allocator.ts';
import { createPrng, nextInt, type PrngState } from '../../../shared/core/prng.ts';
import type { HeapHint } from './HeapView.ts';
import type { HeapLine } from './heap-line.ts';
import type { QueuedRequest } from './QueueView.ts';
import type { MeterReadings } from './MetersView.ts';
import type { Comparison } from './ComparisonBarsView.ts';
import type { PlotData, PlotPoint } from './LinePlotView.ts';

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

/** The lecture heap's meters, with 6 of 10 seconds left. */
export function sampleMeters(): MeterReadings {
  return { utilization: 0.5, externalFragmentation: 0.52, largestHole: 28, heapBytes: 128, liveBytes: 66, timer: { remaining: 6, total: 10 } };
}

/** Utilization of the player, the built-in policies and the clairvoyant reference on one stream. */
export function sampleComparison(): Comparison {
  return {
    title: 'utilization (higher is better)',
    max: 1,
    entries: [
      { label: 'you', value: 0.62, role: 'player' },
      { label: 'first fit', value: 0.71, role: 'policy' },
      { label: 'next fit', value: 0.58, role: 'policy' },
      { label: 'best fit', value: 0.74, role: 'policy' },
      { label: 'worst fit', value: 0.49, role: 'policy' },
      { label: 'segregated fit', value: 0.69, role: 'policy' },
      { label: 'clairvoyant (best known)', value: 0.83, role: 'reference' },
    ],
  };
}

/** A round of 240 operations: live bytes in waves, the heap growing by 1 KiB sbrk chunks. */
export function sampleTimeline(): PlotData {
  const live: PlotPoint[] = [];
  const heap: PlotPoint[] = [];
  const frag: PlotPoint[] = [];
  let top = 1024;
  for (let op = 0; op <= 240; op++) {
    const bytes = Math.round(op * 14 + 1400 * Math.max(0, Math.sin(op / 18)));
    top = Math.max(top, Math.ceil((bytes * 1.15) / 1024) * 1024);
    live.push({ x: op, y: bytes });
    heap.push({ x: op, y: top });
    frag.push({ x: op, y: Math.min(0.9, Math.max(0, 0.45 + 0.35 * Math.sin(op / 11) * (1 - bytes / top))) });
  }
  return {
    xLabel: 'operation',
    leftLabel: 'bytes',
    rightLabel: 'ext. frag.',
    series: [
      { name: 'heap', points: heap, axis: 'left', style: 'solid', colour: 0x56b4e9 },
      { name: 'live', points: live, axis: 'left', style: 'dashed', colour: 0xe69f00 },
      { name: 'ext. frag.', points: frag, axis: 'right', style: 'dotted', colour: 0xcc79a7 },
    ],
  };
}
