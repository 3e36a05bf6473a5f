// Colyseus state for one player's match: the heap as regions (from the engine's
// walker), the pending request, the queue, meters and the version. Written only by
// the rooms, from the engine's answers; diffed in place so a move sends only what changed.
// Byte counts, addresses, times, ids, counts and the version are `number`s, which go over the
// wire in as few bytes as their value needs (1 to 3 for the byte counts of a heap; a float64
// took 8 each, an int32 or uint32 always 4: the version, a region's id and the placed count,
// rewritten on every move, cost a student about 26 bytes a move more).

import { ArraySchema, schema, t, type SchemaType } from '@colyseus/schema';
import type { RegionView } from '../../shared/core/allocator.ts';
import type { HeapGauge } from '../../shared/core/metrics.ts';

export const RegionState = schema({
  start: t.number(),
  size: t.number(),
  /** 'live' | 'free' | 'unused' */
  state: t.string(),
  /** Request id of a live block, -1 otherwise. */
  id: t.number(),
  requested: t.number(),
  tag: t.string(),
  area: t.string(),
}, 'RegionState');
export type RegionState = SchemaType<typeof RegionState>;

export const RequestState = schema({
  id: t.number(),
  size: t.number(),
  tag: t.string(),
  /** Server time (ms since the epoch) by which the request must be placed; 0 when untimed. */
  deadline: t.number(),
}, 'RequestState');
export type RequestState = SchemaType<typeof RequestState>;

export const MetersState = schema({
  liveBytes: t.number(),
  heapBytes: t.number(),
  freeBytes: t.number(),
  largestFree: t.number(),
  internalBytes: t.number(),
  peakLive: t.number(),
  peakHeap: t.number(),
  failures: t.number(),
  fallbacks: t.number(),
  placed: t.number(),
  total: t.number(),
}, 'MetersState');
export type MetersState = SchemaType<typeof MetersState>;

export const HintState = schema({
  policy: t.string(),
  /** Where the policy would put the pending request; -1 when it would fail. */
  target: t.number(),
}, 'HintState');
export type HintState = SchemaType<typeof HintState>;

export const RivalState = schema({
  policy: t.string(),
  /** The policy's utilization so far on the same stream, at the player's moment. */
  utilization: t.float32(),
  failures: t.number(),
}, 'RivalState');
export type RivalState = SchemaType<typeof RivalState>;

/** One event still to come in the queue: a malloc (the request's id and size) or a free (the block's request id and size). */
export const QueuedState = schema({
  /** 'malloc' | 'free' */
  op: t.string(),
  id: t.number(),
  size: t.number(),
}, 'QueuedState');
export type QueuedState = SchemaType<typeof QueuedState>;

export const MatchState = schema({
  kind: t.string(),
  /** 'waiting' | 'playing' | 'paused' | 'done' */
  phase: t.string(),
  version: t.number(),
  regions: t.array(RegionState),
  pending: RequestState,
  hasPending: t.boolean(),
  /** The next events after the pending request, mallocs and frees (fixed streams only). */
  upcoming: t.array(QueuedState),
  /** Where each built-in policy would put the pending request (empty when the round gives no hints). */
  hints: t.array(HintState),
  meters: MetersState,
  /** Whether placing past the end grows the heap (a free list growing by sbrk). */
  canGrow: t.boolean(),
  /** Whether the player coalesces by hand (a free list with deferred coalescing). */
  canCoalesce: t.boolean(),
  /** What the slab and arena screens draw (shared/match/kind-view.ts, JSON); empty for other kinds. */
  kindView: t.string(),
  /** Whether the player gives empty slabs back by hand (the release move). */
  canRelease: t.boolean(),
  /** Every built-in policy on the same stream at the player's moment (practice, fixed streams; shared/match/rivals.ts). */
  rivals: t.array(RivalState),
  /** What the last change did, in order: placed, freed, merged, failed, timeout (tuples, shared/match/happening-wire.ts). */
  happenings: t.string(),
}, 'MatchState');
export type MatchState = SchemaType<typeof MatchState>;

function assignRegion(target: RegionState, r: RegionView): void {
  if (target.start !== r.start) target.start = r.start;
  if (target.size !== r.size) target.size = r.size;
  if (target.state !== r.state) target.state = r.state;
  const id = r.id ?? -1;
  if (target.id !== id) target.id = id;
  const requested = r.requested ?? 0;
  if (target.requested !== requested) target.requested = requested;
  const tag = r.tag ?? '';
  if (target.tag !== tag) target.tag = tag;
  const area = r.area ?? '';
  if (target.area !== area) target.area = area;
}

function sameRegion(target: RegionState, r: RegionView): boolean {
  return target.start === r.start && target.size === r.size && target.state === r.state && target.id === (r.id ?? -1)
    && target.requested === (r.requested ?? 0) && target.tag === (r.tag ?? '') && target.area === (r.area ?? '');
}

/** How far back a list's new first entry is looked for among its old entries (a queue moves on by one or two a move). */
const HEAD_LOOKAHEAD = 4;

/**
 * Makes the synced list `target` equal `values` in few operations, so that a patch carries only
 * what moved: entries dropped from the head (a queue moving on), then, between the longest
 * unchanged head and tail, the changed entries rewritten in place and the rest inserted or
 * removed with `splice` (a region split in two, buddies merged). Rewriting by position sent
 * every entry after the first change.
 */
function syncList<E extends object, V>(
  target: ArraySchema<E>, values: readonly V[],
  item: { readonly same: (e: E, v: V) => boolean; readonly assign: (e: E, v: V) => void; readonly make: () => E },
): void {
  const at = (i: number): E => target[i] as E;
  const dropped = droppedHead(target.length, values.length, (i, j) => item.same(at(i), values[j] as V));
  if (dropped > 0) target.splice(0, dropped);
  const oldLength = target.length;
  let head = 0;
  while (head < oldLength && head < values.length && item.same(at(head), values[head] as V)) head++;
  let tail = 0;
  while (tail < oldLength - head && tail < values.length - head && item.same(at(oldLength - 1 - tail), values[values.length - 1 - tail] as V)) tail++;
  const oldMiddle = oldLength - head - tail;
  const newMiddle = values.length - head - tail;
  const kept = Math.min(oldMiddle, newMiddle);
  for (let i = head; i < head + kept; i++) item.assign(at(i), values[i] as V);
  if (oldMiddle > kept) target.splice(head + kept, oldMiddle - kept);
  else if (newMiddle > kept) {
    // New entries go on at the end only (push), what follows them rewritten in place: through a
    // client's filtered view, @colyseus/schema 5.0 shows an entry spliced in mid-list at the end
    // (test/room/class-state-mirror.test.ts), and its splice puts an insert at the end one slot
    // early after a removal in the same patch.
    for (let i = head + kept; i < oldLength; i++) item.assign(at(i), values[i] as V);
    const fresh = values.slice(target.length).map((v) => {
      const e = item.make();
      item.assign(e, v);
      return e;
    });
    target.push(...fresh);
  }
}

/**
 * How many entries to drop from the head of an old list of `oldLength` so that what is left
 * begins the new list of `newLength` (`same(i, j)`: old entry i equals new entry j); 0 when
 * the lists already start alike or no drop of up to HEAD_LOOKAHEAD entries lines them up.
 */
function droppedHead(oldLength: number, newLength: number, same: (i: number, j: number) => boolean): number {
  if (oldLength === 0 || newLength === 0 || same(0, 0)) return 0;
  for (let drop = 1; drop <= Math.min(HEAD_LOOKAHEAD, oldLength - 1); drop++) {
    const overlap = Math.min(oldLength - drop, newLength);
    let j = 0;
    while (j < overlap && same(drop + j, j)) j++;
    if (j === overlap) return drop;
  }
  return 0;
}

/** Makes `target` equal `regions`: a split or merge inserts or removes the regions it makes or ends. */
export function syncRegions(target: ArraySchema<RegionState>, regions: readonly RegionView[]): void {
  syncList(target, regions, { same: sameRegion, assign: assignRegion, make: () => new RegionState() });
}

/** Makes a synced list of numbers (or strings: a roster page's ids) equal `values`, touching only entries that differ. */
export function syncNumbers<T extends number | string>(target: ArraySchema<T>, values: readonly T[]): void {
  while (target.length > values.length) target.pop();
  values.forEach((v, i) => {
    if (i < target.length) {
      if (target[i] !== v) target[i] = v;
    } else target.push(v);
  });
}

type QueuedEvent = { readonly op: string; readonly id: number; readonly size: number };

/** Makes the synced queue equal `events`: the events gone from its head are removed, a new one at its end is added. */
export function syncQueue(target: ArraySchema<QueuedState>, events: readonly QueuedEvent[]): void {
  syncList(target, events, {
    same: (entry, e) => entry.op === e.op && entry.id === e.id && entry.size === e.size,
    assign: (entry, e) => {
      if (entry.op !== e.op) entry.op = e.op;
      if (entry.id !== e.id) entry.id = e.id;
      if (entry.size !== e.size) entry.size = e.size;
    },
    make: () => new QueuedState(),
  });
}

export function syncHints(target: ArraySchema<HintState>, hints: readonly { readonly policy: string; readonly target: number | null }[]): void {
  while (target.length > hints.length) target.pop();
  hints.forEach((h, i) => {
    const entry = target[i] ?? new HintState();
    if (entry.policy !== h.policy) entry.policy = h.policy;
    const where = h.target ?? -1;
    if (entry.target !== where) entry.target = where;
    if (i >= target.length) target.push(entry);
  });
}

/** Makes the synced rivals equal `figures`, touching only what changed. */
export function syncRivals(target: ArraySchema<RivalState>, figures: readonly { readonly policy: string; readonly utilization: number; readonly failures: number }[]): void {
  while (target.length > figures.length) target.pop();
  figures.forEach((f, i) => {
    const entry = target[i] ?? new RivalState();
    if (entry.policy !== f.policy) entry.policy = f.policy;
    if (entry.utilization !== Math.fround(f.utilization)) entry.utilization = f.utilization;
    if (entry.failures !== f.failures) entry.failures = f.failures;
    if (i >= target.length) target.push(entry);
  });
}

export function syncGauge(meters: MetersState, g: HeapGauge): void {
  meters.liveBytes = g.liveBytes;
  meters.heapBytes = g.heapBytes;
  meters.freeBytes = g.freeBytes;
  meters.largestFree = g.largestFree;
  meters.internalBytes = g.internalBytes;
}
