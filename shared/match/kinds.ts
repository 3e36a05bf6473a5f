// The registry of allocator kinds the match rules program against: how to build
// each kind from its options, its built-in policies (fresh instances, since some
// remember things, like next fit's rover), and the few kind-specific questions the
// rules ask (would a request grow the heap? deferred coalescing). A kind joins here
// once its engine exists in shared/.

import type { AddressLayout, Allocator, AllocatorKind, Policy } from '../core/allocator.ts';
import { invariant, refuse, succeed, type Outcome } from '../core/outcome.ts';
import { BuddyAllocator, buddyOptionsProblem, type BuddyOptions } from '../buddy/buddy.ts';
import { BUDDY_POLICIES } from '../buddy/policies.ts';
import {
  FreeListHeap, createFreeListHeap, FREELIST_POLICIES, firstFitAddress, lectureHeapConfig, type FreeListConfig,
} from '../freelist/index.ts';
import type { ScriptSetup } from '../streams/lecture.ts';
import { SlabAllocator, slabOptionsProblem, type SlabOptions } from '../slab/slab.ts';
import { slabFirst, slabFullest, slabNaive } from '../slab/policies.ts';
import { DEFAULT_PAGE_SIZE, pow2Classes, quarterClasses, type CacheSpec } from '../slab/caches.ts';
import { ArenaAllocator, arenaOptionsProblem, type ArenaOptions } from '../arena/arena.ts';
import { ARENA_POLICIES } from '../arena/policies.ts';
import { alignedFit } from './aligned-fit.ts';

/**
 * [MATCH-KIND-SLAB-1] A slab round's options as plain data: the page size and pool limit,
 * the named caches (default: the kernel's), and which size-class table serves untagged
 * requests ('pow2' by default, 'quarter', or 'none').
 */
export interface MatchSlabOptions {
  readonly pageSize?: number;
  readonly pageLimit?: number;
  readonly caches?: readonly CacheSpec[];
  readonly classes?: 'pow2' | 'quarter' | 'none';
}

/** [MATCH-KIND-ARENA-1] An arena round's options: chunk size, alignment, limit on the bytes held. */
export type MatchArenaOptions = ArenaOptions;

/** An allocator kind with its options, as a round's config names it (plain data: the free list's partial config). */
export type AllocatorSetup =
  | { readonly kind: 'freelist'; readonly options: FreeListConfig }
  | { readonly kind: 'buddy'; readonly options: BuddyOptions }
  | { readonly kind: 'slab'; readonly options: MatchSlabOptions }
  | { readonly kind: 'arena'; readonly options: MatchArenaOptions };

export type RegisteredKind = AllocatorSetup['kind'];

/** Makes fresh instances of a built-in policy. */
export interface PolicyMaker {
  readonly name: string;
  /** What a player reads for it (policyLabel). */
  readonly label: string;
  create(): Policy;
}

/**
 * [MATCH-KIND-MOVES-1] The moves a kind offers the player beyond placing, as the play
 * screen shows them: growing the heap by placing past its end (a free list growing by
 * sbrk), coalescing by hand (deferred coalescing), giving empty slabs back (slab).
 */
export interface MovesOnOffer {
  readonly grow: boolean;
  readonly coalesce: boolean;
  readonly release: boolean;
}

const NO_EXTRA_MOVES: MovesOnOffer = { grow: false, coalesce: false, release: false };

/**
 * [MATCH-KIND-LABEL-1] What players read for each built-in policy and the reference, in
 * hints, meters, results and the class views: the one owner of these names.
 */
const POLICY_LABELS: Readonly<Record<string, string>> = {
  'first-fit-address': 'first fit',
  'first-fit-lifo': 'first fit (LIFO)',
  'first-fit-fifo': 'first fit (FIFO)',
  'next-fit': 'next fit',
  'best-fit': 'best fit',
  'worst-fit': 'worst fit',
  tlsf: 'TLSF',
  'aligned-fit': 'aligned fit',
  'buddy-lowest': 'lowest buddy',
  'buddy-lifo': 'LIFO buddy',
  'slab-fullest': 'fullest partial',
  'slab-first': 'first partial',
  'slab-naive': 'always new',
  'arena-per-tag': 'arena per tag',
  'arena-single': 'one arena',
  clairvoyant: 'clairvoyant',
};

/** Whether the table names this policy (every registered one must be). */
export function hasPolicyLabel(name: string): boolean {
  return Object.hasOwn(POLICY_LABELS, name);
}

/** A policy's display name; a name the table lacks reads as words ("kmalloc-pow2" -> "kmalloc pow2"). */
export function policyLabel(name: string): string {
  return POLICY_LABELS[name] ?? name.replace(/[-_]/g, ' ');
}

const KIND_LABELS: Readonly<Record<RegisteredKind, string>> = { freelist: 'free list', buddy: 'buddy', slab: 'slab', arena: 'arena' };

/** A kind's display name ("free list"); a name the table lacks reads as it is. */
export function kindLabel(kind: string): string {
  return Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind as RegisteredKind] : kind;
}

interface KindEntry<S extends AllocatorSetup> {
  create(options: S['options']): Outcome<Allocator>;
  readonly policies: readonly PolicyMaker[];
  /** The policy a round falls back on when none is named. */
  readonly defaultPolicy: string;
  /** Whether placing `size` now would make the heap grow (a dry run; changes nothing). */
  wouldGrow(allocator: Allocator, size: number, tag?: string): boolean;
  /** Deferred coalescing, for kinds that have it: all free neighbours, or those of the free block at `target`. */
  coalesce?(allocator: Allocator, target: number | null): Outcome<null>;
  /** Whether a request of `size` would fit if every run of free neighbours were coalesced (deferred coalescing). */
  fitsIfCoalesced?(allocator: Allocator, size: number): boolean;
  /** Giving back the pages of the empty part at `target` (a slab), for kinds where that is the player's move. */
  release?(allocator: Allocator, target: number): Outcome<null>;
  /** Whether a request the judge cannot place would fit once the player gives back what can be given back. */
  fitsIfReleased?(allocator: Allocator, size: number, tag?: string): boolean;
  /**
   * The policy as an observer of someone else's heap (the judge, the hint markers): it
   * may answer "where would you go?" but must change nothing. Default: the policy itself.
   */
  observer?(policy: Policy): Policy;
  /** How blocks lie in address space, for kinds whose targets are addresses (the clairvoyant packs them). */
  layout?(allocator: Allocator): AddressLayout;
  /** The moves this allocator offers beyond placing, read from its resolved options; default: none. */
  moves?(allocator: Allocator): MovesOnOffer;
}

type Registry = { readonly [K in RegisteredKind]: KindEntry<Extract<AllocatorSetup, { kind: K }>> };

function singletons(policies: Iterable<Policy>): PolicyMaker[] {
  return [...policies].map((policy) => ({ name: policy.name, label: policyLabel(policy.name), create: () => policy }));
}

/** The allocator as the class its round's kind promises (a mismatch is a bug). */
function narrowed<T extends Allocator>(allocator: Allocator, ctor: abstract new (...args: never[]) => T, what: string): T {
  invariant(allocator instanceof ctor, `a ${what} round holds a ${what} allocator`);
  return allocator;
}

const asBuddy = (allocator: Allocator): BuddyAllocator => narrowed(allocator, BuddyAllocator, 'buddy');
const asFreeList = (allocator: Allocator): FreeListHeap => narrowed(allocator, FreeListHeap, 'free-list');
const asSlab = (allocator: Allocator): SlabAllocator => narrowed(allocator, SlabAllocator, 'slab');
const asArena = (allocator: Allocator): ArenaAllocator => narrowed(allocator, ArenaAllocator, 'arena');

/** [MATCH-KIND-SLAB-1] The slab engine's options for a round's plain-data options. */
export function slabOptionsOf(options: MatchSlabOptions): SlabOptions {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const table = options.classes ?? 'pow2';
  const classes = table === 'none' ? null : table === 'quarter' ? quarterClasses(pageSize) : pow2Classes(pageSize);
  return {
    ...(options.pageSize === undefined ? {} : { pageSize }),
    ...(options.pageLimit === undefined ? {} : { pageLimit: options.pageLimit }),
    ...(options.caches === undefined ? {} : { caches: options.caches }),
    classes,
  };
}

function createSlab(options: MatchSlabOptions): Outcome<Allocator> {
  const table = options.classes;
  if (table !== undefined && table !== 'pow2' && table !== 'quarter' && table !== 'none') {
    return refuse('options/invalid', `size classes are 'pow2', 'quarter' or 'none', not ${String(table)}`);
  }
  const engineOptions = slabOptionsOf(options);
  const problem = slabOptionsProblem(engineOptions);
  return problem ? refuse('options/invalid', problem) : succeed(new SlabAllocator(engineOptions));
}

function createArena(options: MatchArenaOptions): Outcome<Allocator> {
  const problem = arenaOptionsProblem(options);
  return problem ? refuse('options/invalid', problem) : succeed(new ArenaAllocator(options));
}

/** Pages placing `size` (tagged `tag`) in a new slab or large block would take, or null when no cache takes it. */
function pagesForNew(slab: SlabAllocator, size: number, tag: string | undefined): number | null {
  const route = slab.routeFor(size, tag);
  if (!route.ok) return null;
  return 'largePages' in route.value ? route.value.largePages : slab.pagesPerSlab(route.value.cache);
}

/** [MATCH-SLAB-2] A passive copy of a slab policy: it chooses like the policy but gives nothing back after a free. */
function passiveSlabPolicy(policy: Policy): Policy {
  return { name: policy.name, choose: (allocator, size, tag) => policy.choose(allocator, size, tag) };
}

/** [MATCH-KIND-BUDDY-1] The buddy engine judges its own options. */
function createBuddy(options: BuddyOptions): Outcome<Allocator> {
  const problem = buddyOptionsProblem(options);
  return problem ? refuse('options/invalid', problem) : succeed(new BuddyAllocator(options));
}

/** The largest run of adjacent free blocks in the heap (what one coalesce would make). Linear; asked only when nothing fits. */
function largestFreeRun(heap: FreeListHeap): number {
  let largest = 0;
  let run = 0;
  for (const region of heap.walk()) {
    if (region.area !== 'heap') continue;
    run = region.state === 'free' ? run + region.size : 0;
    if (run > largest) largest = run;
  }
  return largest;
}

const REGISTRY: Registry = {
  freelist: {
    create: (options) => createFreeListHeap(options),
    policies: singletons([...FREELIST_POLICIES.values(), alignedFit]),
    defaultPolicy: 'first-fit-address',
    wouldGrow(allocator, size) {
      const heap = asFreeList(allocator);
      if (heap.isMappedSize(size)) return true;
      const at = heap.preview(firstFitAddress.find, size);
      return at === null || at + heap.blockSize(size) > heap.end;
    },
    coalesce(allocator, target) {
      const heap = asFreeList(allocator);
      if (heap.options.coalesce === 'immediate') return refuse('move/unsupported', 'this heap coalesces by itself when a block is freed');
      const merged = heap.coalesce(target ?? undefined);
      return merged.ok ? succeed(null) : merged;
    },
    fitsIfCoalesced(allocator, size) {
      const heap = asFreeList(allocator);
      return heap.options.coalesce === 'deferred' && !heap.isMappedSize(size) && largestFreeRun(heap) >= heap.blockSize(size);
    },
    moves(allocator) {
      const { growth, coalesce } = asFreeList(allocator).options;
      return { grow: growth === 'sbrk', coalesce: coalesce === 'deferred', release: false };
    },
    layout(allocator) {
      const heap = asFreeList(allocator);
      return {
        base: heap.base,
        span: (size) => (heap.isMappedSize(size) ? null : { bytes: heap.blockSize(size), align: heap.options.align, phase: heap.options.header }),
      };
    },
  },
  buddy: {
    create: createBuddy,
    policies: singletons(BUDDY_POLICIES.values()),
    defaultPolicy: 'buddy-lowest',
    wouldGrow(allocator, size) {
      const buddy = asBuddy(allocator);
      const at = buddy.lowestFit(size);
      return at === null || at + buddy.blockBytes(buddy.orderFor(size)) > buddy.gauge().heapBytes;
    },
    layout(allocator) {
      const buddy = asBuddy(allocator);
      return {
        base: 0,
        span(size) {
          const bytes = buddy.blockBytes(buddy.orderFor(size));
          return { bytes, align: bytes, phase: 0 };
        },
      };
    },
  },
  slab: {
    create: createSlab,
    // The kmalloc-* policies bring their own size-class table, so they only make sense
    // on an allocator built for them (npm run sim); a round's allocator is the round's.
    policies: singletons([slabFullest, slabFirst, slabNaive]),
    defaultPolicy: 'slab-fullest',
    wouldGrow(allocator, size, tag) {
      const slab = asSlab(allocator);
      const route = slab.routeFor(size, tag);
      if (!route.ok || 'largePages' in route.value) return true;
      const { cache } = route.value;
      return slab.fullestPartial(cache) === null && slab.oldestEmpty(cache) === null;
    },
    release(allocator, target) {
      const released = asSlab(allocator).release(target);
      return released.ok ? succeed(null) : released;
    },
    fitsIfReleased(allocator, size, tag) {
      const slab = asSlab(allocator);
      const pages = pagesForNew(slab, size, tag);
      if (pages === null) return false;
      const emptyPages = slab.slabViews().reduce((sum, s) => sum + (s.state === 'empty' ? s.pages : 0), 0);
      return slab.figures().pagesHeld - emptyPages + pages <= slab.pageLimit;
    },
    observer: passiveSlabPolicy,
    moves: () => ({ ...NO_EXTRA_MOVES, release: true }),
  },
  arena: {
    create: createArena,
    policies: singletons(ARENA_POLICIES.values()),
    defaultPolicy: 'arena-per-tag',
    wouldGrow(allocator, size, tag) {
      const arenas = asArena(allocator);
      const id = arenas.arenaForTag(tag);
      const room = id === null ? undefined : arenas.arenaViews().find((a) => a.id === id)?.room;
      return room === undefined || room < Math.ceil(size / arenas.align) * arenas.align;
    },
  },
};

function entryOf(kind: RegisteredKind): KindEntry<AllocatorSetup> {
  return REGISTRY[kind] as KindEntry<AllocatorSetup>;
}

export function isRegisteredKind(kind: string): kind is RegisteredKind {
  return Object.hasOwn(REGISTRY, kind);
}

export function registeredKinds(): RegisteredKind[] {
  return Object.keys(REGISTRY) as RegisteredKind[];
}

/** A fresh allocator of the kind, or `options/invalid`. */
export function createAllocator(setup: AllocatorSetup): Outcome<Allocator> {
  return entryOf(setup.kind).create(setup.options);
}

/** The kind's built-in policies, in the order results list them. */
export function policiesFor(kind: RegisteredKind): readonly PolicyMaker[] {
  return entryOf(kind).policies;
}

export function defaultPolicyFor(kind: RegisteredKind): string {
  return entryOf(kind).defaultPolicy;
}

/** A fresh instance of the named policy of the kind, or a refusal naming the choices. */
export function createPolicy(kind: RegisteredKind, name: string): Outcome<Policy, 'policy/unknown'> {
  const maker = policiesFor(kind).find((p) => p.name === name);
  if (maker) return { ok: true, value: maker.create() };
  return refuse('policy/unknown', `there is no ${kind} policy named "${name}"; try ${policiesFor(kind).map((p) => p.name).join(', ')}`);
}

export function wouldGrow(kind: RegisteredKind, allocator: Allocator, size: number, tag?: string): boolean {
  return entryOf(kind).wouldGrow(allocator, size, tag);
}

/** The kind's address layout, or null for kinds whose targets are not addresses. */
export function addressLayout(allocator: Allocator): AddressLayout | null {
  const entry = isRegisteredKind(allocator.kind) ? entryOf(allocator.kind) : undefined;
  return entry?.layout ? entry.layout(allocator) : null;
}

/**
 * The kind's answer to "would it fit once the player tidies up?": after coalescing
 * (deferred coalescing), or after giving back empty slabs (slab) [MATCH-SLAB-3].
 */
export function fitsIfCoalescedFor(kind: RegisteredKind): ((allocator: Allocator, size: number, tag?: string) => boolean) | undefined {
  const entry = entryOf(kind);
  if (entry.fitsIfCoalesced) return (allocator, size) => entry.fitsIfCoalesced?.(allocator, size) ?? false;
  if (entry.fitsIfReleased) return (allocator, size, tag) => entry.fitsIfReleased?.(allocator, size, tag) ?? false;
  return undefined;
}

/** [MATCH-KIND-MOVES-1] The moves `allocator` offers the player beyond placing (from its resolved options, defaults filled in). */
export function movesOnOffer(kind: RegisteredKind, allocator: Allocator): MovesOnOffer {
  return entryOf(kind).moves?.(allocator) ?? NO_EXTRA_MOVES;
}

/** [MATCH-SLAB-1] Giving back an empty slab's pages as a move; refused for kinds without it. */
export function release(kind: RegisteredKind, allocator: Allocator, target: number): Outcome<null> {
  const entry = entryOf(kind);
  if (!entry.release) return refuse('move/unsupported', `a ${kind} heap has nothing to give back by hand`);
  return entry.release(allocator, target);
}

/** [MATCH-SLAB-2] The policy as an observer that changes nothing on the heap it follows (judge, hints). */
export function observerOf(kind: RegisteredKind, policy: Policy): Policy {
  return entryOf(kind).observer?.(policy) ?? policy;
}

/** Deferred coalescing as a move; refused for kinds without it. */
export function coalesce(kind: RegisteredKind, allocator: Allocator, target: number | null): Outcome<null> {
  const entry = entryOf(kind);
  if (!entry.coalesce) return refuse('move/unsupported', `a ${kind} heap coalesces by itself; there is nothing to coalesce`);
  return entry.coalesce(allocator, target);
}

export type { AllocatorKind };

/** The allocator a lecture script names ([ST-LECT-1]), in the registry's terms. */
export function setupFor(setup: ScriptSetup): AllocatorSetup {
  switch (setup.kind) {
    case 'freelist':
      return { kind: 'freelist', options: lectureHeapConfig(setup.heapBytes) };
    case 'buddy':
      return { kind: 'buddy', options: { maxOrder: setup.maxOrder, minOrder: setup.minOrder } };
  }
}
