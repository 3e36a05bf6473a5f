// What a slab allocator is made of: object caches (one object size each) and the
// size-class tables that let it serve any size, as kernel kmalloc does. The tables:
// power-of-two classes on one-page arenas with whole pages for large blocks (the Pintos
// kernel's malloc), and four classes per doubling on page-multiple slabs (jemalloc).

/** One object cache: slabs of `pagesPerSlab` pages cut into slots of `objectSize` bytes. */
export interface CacheSpec {
  readonly name: string;
  readonly objectSize: number;
  readonly pagesPerSlab: number;
  /** Bytes at the start of each slab kept for its header (Pintos's `struct arena`); default 0. */
  readonly headerBytes?: number;
}

/** A table of size classes: every request goes to the smallest class that holds it. */
export interface SizeClassTable {
  readonly name: string;
  /** Ascending object sizes. */
  readonly classes: readonly CacheSpec[];
  /** Pages a request too large for every class gets to itself. */
  largePages(size: number, pageSize: number): number;
  /** Bytes of those pages kept for a header (not usable by the block). */
  readonly largeHeaderBytes: number;
}

export const DEFAULT_PAGE_SIZE = 4096;

/**
 * Named caches in the style of a Linux kernel's `/proc/slabinfo` (sizes of a 32-bit
 * 2.6-era kernel, rounded). Requests tagged with a cache's name go to that cache.
 */
export const KERNEL_CACHES: readonly CacheSpec[] = [
  { name: 'task_struct', objectSize: 1728, pagesPerSlab: 2 },
  { name: 'mm_struct', objectSize: 896, pagesPerSlab: 1 },
  { name: 'inode_cache', objectSize: 600, pagesPerSlab: 1 },
  { name: 'filp', objectSize: 256, pagesPerSlab: 1 },
  { name: 'dentry', objectSize: 192, pagesPerSlab: 1 },
  { name: 'vm_area_struct', objectSize: 176, pagesPerSlab: 1 },
];

/** Pintos's `struct arena` (magic, descriptor pointer, free count) on 32-bit x86. */
export const PINTOS_ARENA_HEADER = 12;

/**
 * [SL-CLASS-1] Pintos `malloc`: classes 16, 32, ... while below half a page, each on
 * one-page arenas that start with a 12-byte header; anything larger takes
 * ceil((size + 12) / page) whole pages of its own.
 */
export function pow2Classes(pageSize: number = DEFAULT_PAGE_SIZE): SizeClassTable {
  const classes: CacheSpec[] = [];
  for (let size = 16; size < pageSize / 2; size *= 2) {
    classes.push({ name: `kmalloc-${size}`, objectSize: size, pagesPerSlab: 1, headerBytes: PINTOS_ARENA_HEADER });
  }
  return {
    name: 'kmalloc-pow2',
    classes,
    largePages: (size, page) => Math.ceil((size + PINTOS_ARENA_HEADER) / page),
    largeHeaderBytes: PINTOS_ARENA_HEADER,
  };
}

/** Sizes spaced four to a doubling from 16 up: 16, 32, 48, 64, 80, 96, 112, 128, 160, ... */
function quarterSpacedAtLeast(size: number): number {
  if (size <= 64) return Math.max(16, Math.ceil(size / 16) * 16);
  const base = 2 ** (31 - Math.clz32(size - 1)); // the doubling (base, 2 * base] holding size
  const step = base / 4;
  return Math.ceil(size / step) * step;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** Smallest whole number of pages that slots of `size` fill exactly (jemalloc's slab size). */
function pagesFilledExactly(size: number, pageSize: number): number {
  return size / greatestCommonDivisor(size, pageSize);
}

/**
 * [SL-CLASS-2] jemalloc-style classes, four per doubling (16, 32, 48, 64, 80, 96, 112,
 * 128, 160, ...) up to 14336 bytes (with 4 KiB pages: below four pages), each on slabs of
 * the fewest pages its slots fill exactly, metadata kept outside; larger requests are
 * rounded up to the next class of the same spacing and take its whole pages.
 */
export function quarterClasses(pageSize: number = DEFAULT_PAGE_SIZE): SizeClassTable {
  const classes: CacheSpec[] = [];
  const largest = 4 * pageSize - pageSize / 2; // 14336 with 4 KiB pages
  for (let size = 16; size <= largest; size = quarterSpacedAtLeast(size + 1)) {
    classes.push({ name: `kmalloc-${size}`, objectSize: size, pagesPerSlab: pagesFilledExactly(size, pageSize) });
  }
  return {
    name: 'kmalloc-quarter',
    classes,
    largePages: (size, page) => Math.ceil(quarterSpacedAtLeast(size) / page),
    largeHeaderBytes: 0,
  };
}
