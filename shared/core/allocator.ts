// The contract every allocator kind meets (free list, buddy, slab, arena): moves
// that answer with Outcomes, a gauge for metrics, a checker and a walker. The
// game's match rules and the policies program against this, not against a kind.

import type { Outcome } from './outcome.ts';
import type { HeapGauge } from './metrics.ts';

export type AllocatorKind = 'freelist' | 'buddy' | 'slab' | 'arena';

/**
 * Where a player (or a policy) puts a block. For the free list and buddy it is an
 * address; for slab and arena it names a slab/arena by id, or `-1` for a new one.
 */
export type Target = number;

/** One region of the heap as a renderer draws it; produced by `walk()`. */
export interface RegionView {
  readonly start: number;
  readonly size: number;
  readonly state: 'live' | 'free' | 'unused';
  /** The request id of a live block. */
  readonly id?: number;
  /** Bytes the program asked for (live blocks). */
  readonly requested?: number;
  readonly tag?: string;
  /** Which container the region belongs to: 'heap', 'mmap', a slab or arena id... */
  readonly area?: string;
}

export interface Allocator {
  readonly kind: AllocatorKind;
  /** Places request `id` of `size` bytes at `target`, or refuses with a code and changes nothing. */
  allocate(id: number, size: number, target: Target, tag?: string): Outcome<{ readonly target: Target }>;
  /** Frees a live block; refuses unknown ids. */
  free(id: number): Outcome<null>;
  isLive(id: number): boolean;
  gauge(): HeapGauge;
  /** Throws if any invariant is broken (used after every op by the fuzz tests). */
  check(): void;
  walk(): RegionView[];
}

/** A built-in player: says where it would put a request, or null when nothing fits within the limit. */
export interface Policy<A extends Allocator = Allocator> {
  readonly name: string;
  choose(allocator: A, size: number, tag?: string): Target | null;
  /** Told about every event so policies with memory (next fit's rover, list orders) can follow along. */
  notify?(allocator: A, event: PolicyEvent): void;
}

/**
 * How a kind lays blocks out by address, for kinds whose targets are addresses (the
 * registry's `addressLayout`; the adversaries and the clairvoyant pack by it).
 */
export interface AddressLayout {
  /** The lowest address a block may start at. */
  readonly base: number;
  /** Bytes a block for `size` takes and where it may start ((start + phase) % align === 0); null: not laid out in the heap (mmap). */
  span(size: number): { readonly bytes: number; readonly align: number; readonly phase: number } | null;
}

export type PolicyEvent =
  | { readonly op: 'placed'; readonly id: number; readonly target: Target }
  | { readonly op: 'freed'; readonly id: number };
