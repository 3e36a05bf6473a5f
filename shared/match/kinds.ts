// The registry of allocator kinds the match rules program against: how to build
// each kind from its options, its built-in policies (fresh instances, since some
// remember things, like next fit's rover), and the few kind-specific questions the
// rules ask (would a request grow the heap? deferred coalescing). A kind joins here
// once its engine exists in shared/.

import type { Allocator, AllocatorKind, Policy } from '../core/allocator.ts';
import { refuse, type Outcome } from '../core/outcome.ts';
import { BuddyAllocator, type BuddyOptions } from '../buddy/buddy.ts';
import { BUDDY_POLICIES } from '../buddy/policies.ts';

/** An allocator kind with its options, as a round's config names it. */
export type AllocatorSetup =
  | { readonly kind: 'buddy'; readonly options: BuddyOptions };

export type RegisteredKind = AllocatorSetup['kind'];

/** Makes fresh instances of a built-in policy. */
export interface PolicyMaker {
  readonly name: string;
  create(): Policy;
}

interface KindEntry<S extends AllocatorSetup> {
  create(options: S['options']): Allocator;
  readonly policies: readonly PolicyMaker[];
  /** The policy a round falls back on when none is named. */
  readonly defaultPolicy: string;
  /** Whether placing `size` now would make the heap grow (a dry run; changes nothing). */
  wouldGrow(allocator: Allocator, size: number, tag?: string): boolean;
  /** Deferred coalescing, for kinds that have it: all free neighbours, or those of the free block at `target`. */
  coalesce?(allocator: Allocator, target: number | null): Outcome<null>;
  /** How blocks lie in address space, for kinds whose targets are addresses (the clairvoyant packs them). */
  layout?(allocator: Allocator): AddressLayout;
}

/** How a kind lays blocks out by address. */
export interface AddressLayout {
  /** The lowest address a block may start at. */
  readonly base: number;
  /** Bytes a block for `size` takes and where it may start ((start + phase) % align === 0); null: not laid out in the heap (mmap). */
  span(size: number): { readonly bytes: number; readonly align: number; readonly phase: number } | null;
}

type Registry = { readonly [K in RegisteredKind]: KindEntry<Extract<AllocatorSetup, { kind: K }>> };

function singletons(policies: Iterable<Policy>): PolicyMaker[] {
  return [...policies].map((policy) => ({ name: policy.name, create: () => policy }));
}

function asBuddy(allocator: Allocator): BuddyAllocator {
  if (!(allocator instanceof BuddyAllocator)) throw new Error('invariant broken: a buddy round holds a buddy allocator');
  return allocator;
}

const REGISTRY: Registry = {
  buddy: {
    create: (options) => new BuddyAllocator(options),
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

/** A fresh allocator of the kind. */
export function createAllocator(setup: AllocatorSetup): Allocator {
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

/** Deferred coalescing as a move; refused for kinds without it. */
export function coalesce(kind: RegisteredKind, allocator: Allocator, target: number | null): Outcome<null> {
  const entry = entryOf(kind);
  if (!entry.coalesce) return refuse('move/unsupported', `a ${kind} heap coalesces by itself; there is nothing to coalesce`);
  return entry.coalesce(allocator, target);
}

export type { AllocatorKind };
