// Plays a whole request stream with a built-in policy against any allocator kind and
// measures it with a MetricsTracker: one observation per stream event, failures when
// the policy finds no place. Used by the buddy, slab and arena runners (and open to
// any kind that meets the Allocator contract).
//
// Rules (stated here once):
// - Stream ids are whole numbers from 0 and serve as the allocator's ids; a realloc
//   places its new block under a fresh negative id (-2, -3, ...), so the old block and
//   the new one can be live at once. A trace may reuse an id after its free.
// - alloc of 0 bytes does nothing (malloc(0) may return NULL); it is not a failure.
// - free of -1 (free(NULL)) or of an id that is not live (its alloc failed) does nothing.
// - realloc places the new block while the old one is live, then frees the old one; if
//   the new block finds no place, that is a failure and the old block stays. realloc of
//   an id that is not live acts as alloc; realloc to 0 bytes frees.
// - A policy that names a target the allocator refuses is a bug: it throws.

import type { Allocator, Policy, Target } from './allocator.ts';
import { MetricsTracker } from './metrics.ts';
import type { MetricsSummary, TimelinePoint } from './metrics.ts';
import { invariant, refuse, succeed } from './outcome.ts';
import type { Outcome } from './outcome.ts';
import type { StreamEvent } from './stream.ts';

export interface PlayOptions {
  /** Record a timeline point after every event. */
  readonly timeline?: boolean;
}

export interface PlayResult {
  readonly summary: MetricsSummary;
  /** The most internal-fragmentation bytes held at any moment (rounding, overhead). */
  readonly peakInternalBytes: number;
  readonly timeline: TimelinePoint[] | null;
}

export function playStream<A extends Allocator>(
  allocator: A,
  policy: Policy<A>,
  events: Iterable<StreamEvent>,
  options: PlayOptions = {},
): PlayResult {
  const timeline = options.timeline ?? false;
  const tracker = new MetricsTracker({ timeline });
  // A stream id is its own allocator id, until a realloc moves it to a fresh negative one.
  const renamed = new Map<number, number>();
  const tags = new Map<number, string>();
  let nextTemporary = -2;
  let op = 0;
  let peakInternalBytes = 0;
  let gauge = allocator.gauge();
  const gaugeNow = timeline ? () => gauge : undefined;

  const handleOf = (id: number): number => (renamed.size === 0 ? id : (renamed.get(id) ?? id));

  const place = (handle: number, size: number, tag: string | undefined): boolean => {
    const target: Target | null = policy.choose(allocator, size, tag);
    if (target === null) {
      const g = allocator.gauge();
      tracker.fail(op, size, g.freeBytes, g.largestFree);
      return false;
    }
    const placed = allocator.allocate(handle, size, target, tag);
    if (!placed.ok) invariant(false, `policy ${policy.name} chose target ${target}, refused: ${placed.code} (${placed.message})`);
    policy.notify?.(allocator, { op: 'placed', id: handle, target: placed.value.target });
    return true;
  };

  const release = (id: number): void => {
    const handle = handleOf(id);
    if (!allocator.isLive(handle)) return;
    if (handle !== id) renamed.delete(id);
    const freed = allocator.free(handle);
    if (!freed.ok) invariant(false, `freeing live block ${handle} was refused: ${freed.code}`);
    policy.notify?.(allocator, { op: 'freed', id: handle });
  };

  for (const event of events) {
    if (event.op === 'alloc') {
      if (!(event.id >= 0)) invariant(false, `stream event ${op}: alloc of id ${event.id}; stream ids are whole numbers from 0`);
      if (allocator.isLive(handleOf(event.id))) invariant(false, `stream event ${op}: alloc of id ${event.id}, which is already live`);
      if (event.tag !== undefined) tags.set(event.id, event.tag);
      else if (tags.size > 0) tags.delete(event.id);
      if (event.size > 0) place(event.id, event.size, event.tag);
    } else if (event.op === 'free' || event.size <= 0) {
      release(event.id);
    } else if (!allocator.isLive(handleOf(event.id))) {
      place(event.id, event.size, tags.get(event.id)); // realloc of a dead id: an alloc
    } else {
      const moved = nextTemporary--;
      if (place(moved, event.size, tags.get(event.id))) {
        release(event.id);
        renamed.set(event.id, moved);
      }
    }
    gauge = allocator.gauge();
    tracker.observe(gauge.liveBytes, gauge.heapBytes, gaugeNow);
    if (gauge.internalBytes > peakInternalBytes) peakInternalBytes = gauge.internalBytes;
    op++;
  }
  return { summary: tracker.summary(), peakInternalBytes, timeline: tracker.timeline };
}

/** A run's result: the common summary, the policy's name, the kind's own figures, the timeline if asked. */
export type NamedRun<F> = MetricsSummary & F & { readonly policy: string; readonly timeline?: TimelinePoint[] };

export interface NamedRunSetup<A extends Allocator, F> {
  /** How the kind is called in messages ('buddy', 'slab', ...). */
  readonly kind: string;
  readonly policies: ReadonlyMap<string, Policy<A>>;
  /** What is wrong with the options the named policy would run with, or null (checked before `create`). */
  readonly optionsProblem: (policyName: string) => string | null;
  /** A fresh allocator for the named policy (a policy may imply a configuration). */
  readonly create: (policyName: string) => A;
  /** The kind's own figures once the stream has been played. */
  readonly figures: (allocator: A, played: PlayResult) => F;
}

/**
 * Plays `events` with the policy named `policyName` from a kind's registry; refuses an
 * unknown name with `policy/unknown` and bad options with `options/invalid`.
 */
export function playNamedPolicy<A extends Allocator, F>(
  setup: NamedRunSetup<A, F>,
  policyName: string,
  events: Iterable<StreamEvent>,
  options: PlayOptions = {},
): Outcome<NamedRun<F>> {
  const policy = setup.policies.get(policyName);
  if (!policy) {
    return refuse('policy/unknown', `No ${setup.kind} policy named ${policyName}; try ${[...setup.policies.keys()].join(', ')}.`);
  }
  const problem = setup.optionsProblem(policy.name);
  if (problem !== null) return refuse('options/invalid', problem);
  const allocator = setup.create(policy.name);
  const played = playStream(allocator, policy, events, options);
  return succeed({
    policy: policy.name,
    ...played.summary,
    ...setup.figures(allocator, played),
    ...(played.timeline ? { timeline: played.timeline } : {}),
  });
}
