// The slab kind's built-in players, the registry of them by name, and the runner that
// plays a whole stream with one of them (SPEC.md §Policies, §Runner). The two kmalloc
// policies also bring their own size-class table.

import type { Policy, Target } from '../core/allocator.ts';
import type { Outcome } from '../core/outcome.ts';
import { playNamedPolicy } from '../core/play-stream.ts';
import type { NamedRun, NamedRunSetup } from '../core/play-stream.ts';
import type { StreamEvent } from '../core/stream.ts';
import { DEFAULT_PAGE_SIZE, KERNEL_CACHES, pow2Classes, quarterClasses } from './caches.ts';
import type { SizeClassTable } from './caches.ts';
import { SlabAllocator, slabOptionsProblem } from './slab.ts';
import type { SlabFigures, SlabOptions } from './slab.ts';

export interface SlabPolicy extends Policy<SlabAllocator> {
  /** The size-class table this policy runs with, when it brings one (the kmalloc policies). */
  readonly classes?: (pageSize: number) => SizeClassTable;
}

/** Which slab of the cache a policy would reuse, or null to open a new one. */
type SlabPick = (slab: SlabAllocator, cache: number) => number | null;

/**
 * [SL-POL-4] The shape every built-in shares: route the request; whole pages for a large
 * block; else the slab `pick` names, else the cache's oldest empty slab, else a new slab
 * when the pool has the pages (null when it has not). With no `pick`, always a new slab.
 * After a free, every empty slab goes back to the pool at once (a kernel keeps a few;
 * these keep none).
 */
function slabPolicy(name: string, pick: SlabPick | null, classes?: (pageSize: number) => SizeClassTable): SlabPolicy {
  return {
    name,
    ...(classes ? { classes } : {}),
    choose(slab, size, tag): Target | null {
      const route = slab.routeFor(size, tag);
      if (!route.ok) return null;
      if ('largePages' in route.value) return slab.canTakePages(route.value.largePages) ? -1 : null;
      const { cache } = route.value;
      const reused = pick ? (pick(slab, cache) ?? slab.oldestEmpty(cache)) : null;
      if (reused !== null) return reused;
      return slab.canTakePages(slab.pagesPerSlab(cache)) ? -1 : null;
    },
    notify(slab, event) {
      if (event.op !== 'freed') return;
      for (const id of slab.emptySlabs()) slab.release(id);
    },
  };
}

const fullestPartial: SlabPick = (slab, cache) => slab.fullestPartial(cache);
const firstPartial: SlabPick = (slab, cache) => slab.firstPartial(cache);

/** [SL-POL-1] The fullest partial slab first (as Linux does). */
export const slabFullest = slabPolicy('slab-fullest', fullestPartial);
/** [SL-POL-2] The first partial slab in list order. */
export const slabFirst = slabPolicy('slab-first', firstPartial);
/** [SL-POL-3] Always a new slab, never a partial or an empty one. */
export const slabNaive = slabPolicy('slab-naive', null);
/** [SL-CLASS-1] Pintos-style power-of-two classes, fullest partial slab first. */
export const kmallocPow2 = slabPolicy('kmalloc-pow2', fullestPartial, pow2Classes);
/** [SL-CLASS-2] jemalloc-style classes four to a doubling, fullest partial slab first. */
export const kmallocQuarter = slabPolicy('kmalloc-quarter', fullestPartial, quarterClasses);

export const SLAB_POLICIES: ReadonlyMap<string, SlabPolicy> = new Map(
  [slabFullest, slabFirst, slabNaive, kmallocPow2, kmallocQuarter].map((policy) => [policy.name, policy]),
);

/** The kind's own figures at the end of a run. */
export interface SlabRunFigures extends SlabFigures {
  /** Internal fragmentation (rounding up to the slot or the pages) at its peak. */
  readonly peakInternalBytes: number;
}

export type SlabRun = NamedRun<SlabRunFigures>;

export interface SlabRunOptions {
  /** The allocator for the slab-* policies (default: kernel caches and power-of-two classes). */
  readonly slab?: SlabOptions;
  readonly timeline?: boolean;
}

/**
 * [SL-RUN-1] Plays `events` with the named policy on a fresh slab allocator. A kmalloc
 * policy runs with its own class table and no named caches.
 */
export function runSlab(events: Iterable<StreamEvent>, policyName: string, options: SlabRunOptions = {}): Outcome<SlabRun> {
  const setup: NamedRunSetup<SlabAllocator, SlabRunFigures> = {
    kind: 'slab',
    policies: SLAB_POLICIES,
    optionsProblem: (name) => slabOptionsProblem(slabOptionsFor(SLAB_POLICIES.get(name), options.slab ?? {})),
    create: (name) => new SlabAllocator(slabOptionsFor(SLAB_POLICIES.get(name), options.slab ?? {})),
    figures: (slab, played) => ({ ...slab.figures(), peakInternalBytes: played.peakInternalBytes }),
  };
  return playNamedPolicy(setup, policyName, events, { timeline: options.timeline ?? false });
}

function slabOptionsFor(policy: SlabPolicy | undefined, base: SlabOptions): SlabOptions {
  if (!policy?.classes) return { caches: KERNEL_CACHES, ...base };
  return { ...base, caches: [], classes: policy.classes(base.pageSize ?? DEFAULT_PAGE_SIZE) };
}
