// Plays a whole request stream with a built-in policy against any allocator kind and
// measures it with a MetricsTracker: one observation per stream event, failures when
// the policy finds no place. Used by the buddy, slab and arena runners (and open to
// any kind that meets the Allocator contract).
//
// Rules (stated here once):
// - Stream ids are mapped to fresh allocator ids, so a realloc can hold the old block
//   and the new one at the same time, and a trace may reuse an id after its free.
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
  const tracker = new MetricsTracker({ timeline: options.timeline ?? false });
  const handles = new Map<number, number>();
  const tags = new Map<number, string>();
  let nextHandle = 0;
  let op = 0;
  let peakInternalBytes = 0;

  const place = (size: number, tag: string | undefined): number | null => {
    const target: Target | null = policy.choose(allocator, size, tag);
    if (target === null) {
      const g = allocator.gauge();
      tracker.fail(op, size, g.freeBytes, g.largestFree);
      return null;
    }
    const handle = nextHandle++;
    const placed = allocator.allocate(handle, size, target, tag);
    if (!placed.ok) invariant(false, `policy ${policy.name} chose target ${target}, refused: ${placed.code} (${placed.message})`);
    policy.notify?.(allocator, { op: 'placed', id: handle, target: placed.value.target });
    return handle;
  };

  const release = (id: number): void => {
    const handle = handles.get(id);
    if (handle === undefined) return;
    handles.delete(id);
    const freed = allocator.free(handle);
    if (!freed.ok) invariant(false, `freeing live block ${handle} was refused: ${freed.code}`);
    policy.notify?.(allocator, { op: 'freed', id: handle });
  };

  for (const event of events) {
    if (event.op === 'alloc') {
      if (handles.has(event.id)) invariant(false, `stream event ${op}: alloc of id ${event.id}, which is already live`);
      if (event.tag !== undefined) tags.set(event.id, event.tag);
      else tags.delete(event.id);
      const handle = event.size > 0 ? place(event.size, event.tag) : null;
      if (handle !== null) handles.set(event.id, handle);
    } else if (event.op === 'free') {
      release(event.id);
    } else if (event.size <= 0) {
      release(event.id);
    } else {
      const handle = place(event.size, tags.get(event.id));
      if (handle !== null) {
        release(event.id);
        handles.set(event.id, handle);
      }
    }
    const g = allocator.gauge();
    tracker.observe(g.liveBytes, g.heapBytes, () => g);
    if (g.internalBytes > peakInternalBytes) peakInternalBytes = g.internalBytes;
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
  /** A fresh allocator for the named policy (a policy may imply a configuration). */
  readonly create: (policyName: string) => A;
  /** The kind's own figures once the stream has been played. */
  readonly figures: (allocator: A, played: PlayResult) => F;
}

/** Plays `events` with the policy named `policyName` from a kind's registry; refuses an unknown name with `policy/unknown`. */
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
  const allocator = setup.create(policy.name);
  const played = playStream(allocator, policy, events, options);
  return succeed({
    policy: policy.name,
    ...played.summary,
    ...setup.figures(allocator, played),
    ...(played.timeline ? { timeline: played.timeline } : {}),
  });
}
