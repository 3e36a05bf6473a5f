// Plays a whole request stream on a free-list heap with one policy, fast ([FL-RUN-*]).
// The rules are those of shared/core/play-stream.ts (alloc of 0 does nothing, free of a
// dead id does nothing, realloc places the new block before freeing the old, realloc
// of a dead id allocates, realloc to 0 frees), so the figures equal the generic
// runner's; this one skips the per-event objects and id remapping, because the heap
// reallocs natively. A stream is first compiled to typed arrays (not timed by benches).

import { MetricsTracker, type MetricsSummary, type TimelinePoint } from '../core/metrics.ts';
import { refuse, succeed, type Outcome } from '../core/outcome.ts';
import type { StreamEvent } from '../core/stream.ts';
import { FreeListHeap } from './heap.ts';
import { resolveOptions, type FreeListConfig } from './options.ts';
import { FREELIST_POLICIES, FREELIST_POLICY_NAMES, type FreeListPolicy } from './policies.ts';

const ALLOC = 0;
const FREE = 1;
const REALLOC = 2;

/** A stream as parallel typed arrays. */
export interface CompiledStream {
  readonly length: number;
  readonly op: Uint8Array;
  readonly id: Float64Array;
  readonly size: Float64Array;
  /** Tags by event index, or null when no event has one. */
  readonly tag: readonly (string | undefined)[] | null;
}

export type PlayRefusalCode = 'policy/unknown' | 'options/invalid' | 'stream/malformed';

export interface FreeListRun extends MetricsSummary {
  readonly policy: string;
  /** The most bytes inside live blocks beyond their requests at any moment. */
  readonly peakInternalBytes: number;
  /** The break at the end, and the mapped bytes at the end. */
  readonly finalBreak: number;
  readonly timeline?: TimelinePoint[];
}

export interface PlayOptions {
  readonly timeline?: boolean;
}

/** [FL-RUN-1] Checks a stream and packs it into typed arrays; refuses the first malformed event. */
export function compileStream(events: readonly StreamEvent[]): Outcome<CompiledStream, 'stream/malformed'> {
  const n = events.length;
  const op = new Uint8Array(n);
  const id = new Float64Array(n);
  const size = new Float64Array(n);
  let tag: (string | undefined)[] | null = null;
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    if (!Number.isSafeInteger(e.id) || (e.id < 0 && !(e.op === 'free' && e.id === -1))) {
      return refuse('stream/malformed', `event ${i} names id ${e.id}, not a whole number from 0 up`);
    }
    id[i] = e.id;
    if (e.op === 'free') {
      op[i] = FREE;
      continue;
    }
    if (!Number.isSafeInteger(e.size) || e.size < 0) return refuse('stream/malformed', `event ${i} asks for ${e.size} bytes, not a whole number`);
    op[i] = e.op === 'alloc' ? ALLOC : REALLOC;
    size[i] = e.size;
    if (e.op === 'alloc' && e.tag !== undefined) {
      tag ??= new Array<string | undefined>(n);
      tag[i] = e.tag;
    }
  }
  return succeed({ length: n, op, id, size, tag });
}

/** [FL-RUN-2] Plays `events` with the named policy on a fresh heap made from `config`. */
export function playFreeList(
  events: readonly StreamEvent[],
  policy: string | FreeListPolicy,
  config: FreeListConfig = {},
  options: PlayOptions = {},
): Outcome<FreeListRun, PlayRefusalCode> {
  const compiled = compileStream(events);
  if (!compiled.ok) return compiled;
  const chosen = typeof policy === 'string' ? FREELIST_POLICIES.get(policy) : policy;
  if (!chosen) return refuse('policy/unknown', `there is no free-list policy named "${String(policy)}"; try ${FREELIST_POLICY_NAMES.join(', ')}`);
  const resolved = resolveOptions(config);
  if (!resolved.ok) return resolved;
  return playCompiled(compiled.value, chosen, new FreeListHeap(resolved.value), options);
}

/** Plays a compiled stream on `heap` (fresh, or mid-game). The hot loop: no per-event allocation without a timeline. */
export function playCompiled(
  stream: CompiledStream,
  policy: FreeListPolicy,
  heap: FreeListHeap,
  options: PlayOptions = {},
): Outcome<FreeListRun, 'stream/malformed'> {
  const timeline = options.timeline ?? false;
  const tracker = new MetricsTracker({ timeline });
  const gauge = timeline ? () => heap.gauge() : undefined;
  const find = policy.find;
  const { op, id, size, tag } = stream;
  let peakInternal = heap.internalBytes;
  for (let i = 0; i < stream.length; i++) {
    const kind = op[i]!;
    const who = id[i]!;
    const bytes = size[i]!;
    if (kind === FREE) {
      heap.freeIfLive(who);
      // A free raises no peak: without a timeline there is nothing to look at.
      if (!timeline) {
        tracker.countOnly();
        continue;
      }
    } else if (kind === ALLOC || !heap.isLive(who)) {
      if (kind === ALLOC && heap.isLive(who)) return refuse('stream/malformed', `event ${i} allocates id ${who}, which is still live`);
      if (bytes > 0 && heap.placeWith(find, who, bytes, tag !== null ? tag[i] : undefined) < 0) {
        tracker.fail(i, bytes, heap.freeBytes, heap.largestFree());
      }
    } else if (bytes === 0) {
      heap.freeIfLive(who);
    } else if (heap.reallocWith(find, who, bytes) < 0) {
      tracker.fail(i, bytes, heap.freeBytes, heap.largestFree());
    }
    tracker.observe(heap.liveBytes, heap.brk + heap.mappedBytes, gauge);
    if (heap.internalBytes > peakInternal) peakInternal = heap.internalBytes;
  }
  const run: FreeListRun = { policy: policy.name, ...tracker.summary(), peakInternalBytes: peakInternal, finalBreak: heap.brk };
  return succeed(tracker.timeline ? { ...run, timeline: tracker.timeline } : run);
}

/** Plays the stream once per policy (every built-in one by default), each on a fresh heap. */
export function playEveryPolicy(
  events: readonly StreamEvent[],
  config: FreeListConfig = {},
  policies: readonly string[] = FREELIST_POLICY_NAMES,
): Outcome<FreeListRun[], PlayRefusalCode> {
  const runs: FreeListRun[] = [];
  for (const name of policies) {
    const run = playFreeList(events, name, config);
    if (!run.ok) return run;
    runs.push(run.value);
  }
  return succeed(runs);
}
