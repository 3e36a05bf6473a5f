// The buddy kind's built-in players, the registry of them by name, and the runner
// that plays a whole stream with one of them (SPEC.md §Policies, §Runner).

import type { Policy } from '../core/allocator.ts';
import type { Outcome } from '../core/outcome.ts';
import { playNamedPolicy } from '../core/play-stream.ts';
import type { NamedRun, NamedRunSetup } from '../core/play-stream.ts';
import type { StreamEvent } from '../core/stream.ts';
import { BuddyAllocator, buddyOptionsProblem } from './buddy.ts';
import type { BuddyOptions } from './buddy.ts';

export type BuddyPolicy = Policy<BuddyAllocator>;

/** [BU-POL-1] Lowest address among the smallest sufficient order (as Linux does). */
export const buddyLowest: BuddyPolicy = {
  name: 'buddy-lowest',
  choose: (buddy, size) => buddy.lowestFit(size),
};

/** [BU-POL-2] Head of the smallest sufficient order's free list (LIFO). */
export const buddyLifo: BuddyPolicy = {
  name: 'buddy-lifo',
  choose: (buddy, size) => buddy.lifoFit(size),
};

export const BUDDY_POLICIES: ReadonlyMap<string, BuddyPolicy> = new Map(
  [buddyLowest, buddyLifo].map((policy) => [policy.name, policy]),
);

/**
 * [BU-RUN-1] The space a trace runs in unless told otherwise: byte units, 16-byte
 * smallest blocks, 1 GiB (ample for the bench's trace; heapBytes is the extent used).
 */
export const TRACE_BUDDY_OPTIONS: BuddyOptions = { maxOrder: 30, minOrder: 4, unit: 1 };

/** The buddy kind's own figures at the end of a run. */
export interface BuddyFigures {
  readonly unit: number;
  readonly minOrder: number;
  readonly maxOrder: number;
  /** Internal fragmentation (rounding up to 2^k units) at its peak and at the end. */
  readonly peakInternalBytes: number;
  readonly internalBytes: number;
  /** Free blocks per order at the end, non-empty orders only. */
  readonly freeBlocksByOrder: Readonly<Record<string, number>>;
}

export type BuddyRun = NamedRun<BuddyFigures>;

export interface BuddyRunOptions {
  readonly buddy?: BuddyOptions;
  readonly timeline?: boolean;
}

/** Plays `events` with the named policy on a fresh buddy space; refuses an unknown name. */
export function runBuddy(events: Iterable<StreamEvent>, policyName: string, options: BuddyRunOptions = {}): Outcome<BuddyRun> {
  const setup: NamedRunSetup<BuddyAllocator, BuddyFigures> = {
    kind: 'buddy',
    policies: BUDDY_POLICIES,
    optionsProblem: () => buddyOptionsProblem(options.buddy ?? TRACE_BUDDY_OPTIONS),
    create: () => new BuddyAllocator(options.buddy ?? TRACE_BUDDY_OPTIONS),
    figures: (buddy, played) => ({
      unit: buddy.unit,
      minOrder: buddy.minOrder,
      maxOrder: buddy.maxOrder,
      peakInternalBytes: played.peakInternalBytes,
      internalBytes: buddy.gauge().internalBytes,
      freeBlocksByOrder: countByOrder(buddy.freeCounts()),
    }),
  };
  return playNamedPolicy(setup, policyName, events, { timeline: options.timeline ?? false });
}

function countByOrder(counts: readonly number[]): Record<string, number> {
  const byOrder: Record<string, number> = {};
  counts.forEach((count, order) => {
    if (count > 0) byOrder[String(order)] = count;
  });
  return byOrder;
}
