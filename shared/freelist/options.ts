// The free-list heap's options ([FL-OPT-*]): their defaults, the checks and roundings
// that make every block boundary aligned, and the block-size formula. `resolveOptions`
// turns a partial config into a complete, consistent FreeListOptions or refuses it.

import { refuse, succeed, type Outcome } from '../core/outcome.ts';

export type CoalesceMode = 'immediate' | 'deferred';
/** fixed: the heap is `limit` bytes from the start; sbrk: it starts at `initial` and grows toward `limit`. */
export type GrowthMode = 'fixed' | 'sbrk';
/** chunks: grow by whole chunks, just enough; block-or-chunk: grow by max(block, chunk) (CS:APP's extend_heap). */
export type GrowthStep = 'chunks' | 'block-or-chunk';

export interface FreeListOptions {
  /** Payload addresses and block sizes are multiples of this (a power of two). */
  readonly align: number;
  /** Bytes of header and footer in every block. */
  readonly overhead: number;
  /** How many of the overhead bytes come before the payload. */
  readonly header: number;
  /** No block is smaller; a split remainder smaller than this stays in the block. */
  readonly minBlock: number;
  /** Split a free block that is larger than the request (else the whole block is taken). */
  readonly split: boolean;
  readonly coalesce: CoalesceMode;
  readonly growth: GrowthMode;
  /** The starting break (sbrk), prologue and epilogue included. */
  readonly initial: number;
  /** The growth unit (sbrk). */
  readonly chunk: number;
  readonly growthStep: GrowthStep;
  /** The largest the break may become (for fixed growth, the heap's size). */
  readonly limit: number;
  /** Reserved bytes at the heap's start, before the first block. */
  readonly prologue: number;
  /** Reserved bytes at the heap's end, after the last block (they move with the break). */
  readonly epilogue: number;
  /** Requests of at least this many bytes get their own mapping (Infinity: never). */
  readonly mmapThreshold: number;
  readonly pageSize: number;
  /** Where the mappings begin (above the heap's limit). */
  readonly mmapBase: number;
}

export type FreeListConfig = { -readonly [K in keyof FreeListOptions]?: FreeListOptions[K] };

/** The largest break: sizes and addresses inside the heap stay 31-bit integers. */
export const MAX_HEAP_LIMIT = 2 ** 31 - 2 ** 16;

export const DEFAULT_ALIGN = 8;
export const DEFAULT_CHUNK = 4096;
export const DEFAULT_LIMIT = 2 ** 30;

/** [FL-OPT-1] Fills in defaults, checks ranges and rounds the heap's edges so every block boundary is aligned. */
export function resolveOptions(config: FreeListConfig = {}): Outcome<FreeListOptions, 'options/invalid'> {
  const align = config.align ?? DEFAULT_ALIGN;
  if (!isPowerOfTwo(align) || align > 4096) return invalid(`alignment must be a power of two from 1 to 4096, not ${align}`);
  const overhead = config.overhead ?? 0;
  if (!isWhole(overhead) || overhead > 4096) return invalid(`overhead must be a whole number of bytes from 0 to 4096, not ${overhead}`);
  const header = config.header ?? Math.ceil(overhead / 2);
  if (!isWhole(header) || header > overhead) return invalid(`the header must be from 0 to the overhead (${overhead}) bytes, not ${header}`);
  const minBlock = roundUp(config.minBlock ?? Math.max(overhead, 1), align);
  if (!isWhole(minBlock) || minBlock < 1) return invalid(`the minimum block must be a whole number of bytes above 0, not ${config.minBlock}`);
  const phase = (align - (header % align)) % align;
  const prologue = alignedAtLeast(config.prologue ?? 0, align, phase);
  const epilogue = config.epilogue ?? 0;
  if (!isWhole(prologue) || !isWhole(epilogue)) return invalid('prologue and epilogue must be whole numbers of bytes');
  const growth = config.growth ?? 'sbrk';
  if (growth !== 'fixed' && growth !== 'sbrk') return invalid(`growth must be "fixed" or "sbrk", not ${String(growth)}`);
  const growthStep = config.growthStep ?? 'chunks';
  if (growthStep !== 'chunks' && growthStep !== 'block-or-chunk') return invalid(`the growth step must be "chunks" or "block-or-chunk", not ${String(growthStep)}`);
  const coalesce = config.coalesce ?? 'immediate';
  if (coalesce !== 'immediate' && coalesce !== 'deferred') return invalid(`coalescing must be "immediate" or "deferred", not ${String(coalesce)}`);
  const rawLimit = config.limit ?? DEFAULT_LIMIT;
  if (!isWhole(rawLimit) || rawLimit > MAX_HEAP_LIMIT) return invalid(`the heap limit must be a whole number of bytes up to ${MAX_HEAP_LIMIT}, not ${rawLimit}`);
  // The block space ends at break - epilogue, which must sit on a block boundary.
  const limit = alignedAtMost(rawLimit - epilogue, align, phase) + epilogue;
  if (limit < prologue + epilogue) return invalid(`a heap limit of ${rawLimit} bytes leaves no room after the ${prologue}-byte prologue and ${epilogue}-byte epilogue`);
  const chunk = roundUp(config.chunk ?? DEFAULT_CHUNK, align);
  if (!isWhole(chunk) || chunk < 1) return invalid(`the growth chunk must be a whole number of bytes above 0, not ${config.chunk}`);
  const rawInitial = growth === 'fixed' ? limit : (config.initial ?? prologue + epilogue);
  if (!isWhole(rawInitial)) return invalid(`the initial heap size must be a whole number of bytes, not ${rawInitial}`);
  const initial = Math.min(limit, alignedAtLeast(Math.max(rawInitial, prologue + epilogue) - epilogue, align, phase) + epilogue);
  const mmapThreshold = config.mmapThreshold ?? Infinity;
  if (!(mmapThreshold >= 1)) return invalid(`the mmap threshold must be at least 1 byte, not ${mmapThreshold}`);
  const pageSize = config.pageSize ?? 4096;
  if (!isPowerOfTwo(pageSize)) return invalid(`the page size must be a power of two, not ${pageSize}`);
  const mmapBase = roundUp(Math.max(config.mmapBase ?? 0, limit + pageSize), pageSize);
  return succeed({
    align, overhead, header, minBlock, split: config.split ?? true, coalesce, growth, initial, chunk, growthStep,
    limit, prologue, epilogue, mmapThreshold, pageSize, mmapBase,
  });
}

/**
 * [FL-OPT-2] A heap of `usable` bytes as a student means it: the bytes blocks can
 * occupy. The limit (the largest break) is that plus the prologue and epilogue the
 * config reserves (CS:APP's 16); a config the options refuse keeps `usable` as its
 * limit, so that the refusal is still reported.
 */
export function withUsableBytes(config: FreeListConfig, usable: number): FreeListConfig {
  const resolved = resolveOptions({ ...config, limit: MAX_HEAP_LIMIT });
  const reserved = resolved.ok ? resolved.value.prologue + resolved.value.epilogue : 0;
  return { ...config, limit: usable + reserved };
}

/** [FL-SIZE-1] The block a request of `size` bytes needs: payload plus overhead, aligned, at least the minimum block. */
export function blockSizeFor(o: FreeListOptions, size: number): number {
  const n = size + o.overhead;
  // The alignment is a power of two: a whole n below 2^30 rounds up with a mask (the hot path), anything else divides.
  const b = (n | 0) === n && n <= 0x3fffffff ? (n + o.align - 1) & -o.align : roundUp(n, o.align);
  return b < o.minBlock ? o.minBlock : b;
}

/** [FL-MMAP-1] The mapping a request of `size` bytes gets: payload plus overhead, rounded up to pages. */
export function mappingSizeFor(o: FreeListOptions, size: number): number {
  return roundUp(size + o.overhead, o.pageSize);
}

/** [FL-ALIGN-1] Block starts a: (a + header) is a multiple of the alignment. */
export function isAlignedStart(o: FreeListOptions, address: number): boolean {
  return (address + o.header) % o.align === 0;
}

export function roundUp(n: number, m: number): number {
  return Math.ceil(n / m) * m;
}

function alignedAtLeast(n: number, align: number, phase: number): number {
  return roundUp(n - phase, align) + phase;
}

function alignedAtMost(n: number, align: number, phase: number): number {
  return Math.floor((n - phase) / align) * align + phase;
}

function isWhole(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;
}

function invalid(message: string): Outcome<never, 'options/invalid'> {
  return refuse('options/invalid', message);
}
