// The TA's transcript of a free-list run ([FL-TRANS-*]): for every operation of a
// stream, the address a policy returned (or -1), how many free blocks its search
// looked at, counted as OSTEP's malloc.py counts them, and the free list afterwards in
// the policy's list order. Also the simulator's three coalescing modes: immediate (the
// heap's own), none (the heap's deferred mode with nobody coalescing), and deferred
// (coalesce every run of free neighbours when a search finds nothing, then search
// again; CS:APP §9.9.10's "wait until an allocation fails"). Built for homework-sized
// streams: the list is copied and scanned after every operation.

import { succeed, refuse, type Outcome } from '../core/outcome.ts';
import type { StreamEvent } from '../core/stream.ts';
import { FreeListHeap, type FreeListOrder, type HoleFinder } from './heap.ts';
import { resolveOptions, type FreeListConfig } from './options.ts';
import { FREELIST_POLICIES, FREELIST_POLICY_NAMES, type FreeListPolicy, type FreeListPolicyName } from './policies.ts';
import { compileStream, type PlayRefusalCode } from './play.ts';

/** How free neighbours merge in a simulation run. */
export const SIM_COALESCE_MODES = ['immediate', 'deferred', 'none'] as const;
export type SimCoalesceMode = (typeof SIM_COALESCE_MODES)[number];

/** One free block: [address, size]. */
export type FreeEntry = readonly [number, number];

export interface TranscriptOp {
  readonly op: 'alloc' | 'free' | 'realloc';
  /** Bytes requested (for a free, the bytes the freed block held; 0 when the id was not live). */
  readonly size: number;
  readonly id: number;
  /** The block's address: where it was placed, or the block freed; -1 when the request failed or there was nothing to free. */
  readonly addr: number;
  /** Free blocks the policy's search looked at (0 for a free). */
  readonly searched: number;
  /** The free list after the operation, in the policy's list order. */
  readonly freeList: readonly FreeEntry[];
}

export interface Transcript {
  readonly policy: FreeListPolicyName;
  readonly order: FreeListOrder;
  readonly ops: readonly TranscriptOp[];
}

/** [FL-TRANS-1] The list order a policy searches: LIFO and FIFO first fit their own, every other policy by address. */
export function listOrderOf(policy: FreeListPolicyName): FreeListOrder {
  return policy === 'first-fit-lifo' ? 'lifo' : policy === 'first-fit-fifo' ? 'fifo' : 'address';
}

/** The heap options behind a simulation coalescing mode: none is the heap's deferred mode, never asked to coalesce. */
export function coalesceConfig(config: FreeListConfig, mode: SimCoalesceMode): FreeListConfig {
  return { ...config, coalesce: mode === 'immediate' ? 'immediate' : 'deferred' };
}

/**
 * [FL-TRANS-2] How many free blocks a search for `need` bytes looks at in `list` (the
 * policy's list order), as malloc.py counts: first fit stops at the first block that
 * fits (the whole list when none does); next fit likewise from the first block at or
 * past the rover, wrapping round; best and worst fit look at the whole list; TLSF takes
 * the head of a size class found through bitmaps (1, or 0 when it found none).
 */
export function searchedCount(policy: FreeListPolicyName, list: readonly FreeEntry[], need: number, rover: number, found: boolean): number {
  switch (policy) {
    case 'best-fit':
    case 'worst-fit':
      return list.length;
    case 'tlsf':
      return found ? 1 : 0;
    case 'next-fit': {
      const from = list.findIndex(([addr]) => addr >= rover);
      const rotated = from <= 0 ? list : [...list.slice(from), ...list.slice(0, from)];
      return firstFitPosition(rotated, need);
    }
    default:
      return firstFitPosition(list, need);
  }
}

function firstFitPosition(list: readonly FreeEntry[], need: number): number {
  const i = list.findIndex(([, size]) => size >= need);
  return i < 0 ? list.length : i + 1;
}

/** The heap's free list in `order` as [address, size] pairs. */
export function freeListEntries(heap: FreeListHeap, order: FreeListOrder): FreeEntry[] {
  const sizes = new Map(heap.walk().filter((r) => r.state === 'free' && r.area === 'heap').map((r) => [r.start, r.size]));
  return heap.freeList(order).map((addr) => [addr, sizes.get(addr)!] as const);
}

/**
 * [FL-TRANS-3] Deferred coalescing for a runner: when `find` names no free block, every
 * run of adjacent free blocks is merged and the search runs again (before the heap grows
 * or the request fails). True when something was merged.
 */
function coalesceWhenStuck(heap: FreeListHeap, find: HoleFinder, need: number): boolean {
  if (find(heap, need) >= 0) return false;
  const merged = heap.coalesce();
  return merged.ok && merged.value.merged > 0;
}

/**
 * A policy under deferred coalescing ([FL-TRANS-3]), for stream runners
 * (`playFreeList`): its search coalesces when it finds nothing, so unlike a plain
 * policy's, its `choose` may merge free neighbours.
 */
export function withDeferredCoalescing(policy: FreeListPolicy): FreeListPolicy {
  const find: HoleFinder = (heap, need) => {
    coalesceWhenStuck(heap, policy.find, need);
    return policy.find(heap, need);
  };
  return { ...policy, find, choose: (heap, size) => heap.preview(find, size) };
}

/** [FL-TRANS-4] Plays `events` with `policyName`, recording every operation ([FL-RUN-2]'s rules). */
export function transcribe(
  events: readonly StreamEvent[],
  policyName: string,
  config: FreeListConfig,
  mode: SimCoalesceMode,
): Outcome<Transcript, PlayRefusalCode> {
  const compiled = compileStream(events);
  if (!compiled.ok) return compiled;
  const policy = FREELIST_POLICIES.get(policyName);
  if (!policy) return refuse('policy/unknown', `there is no free-list policy named "${policyName}"; try ${FREELIST_POLICY_NAMES.join(', ')}`);
  const resolved = resolveOptions(coalesceConfig(config, mode));
  if (!resolved.ok) return resolved;
  const heap = new FreeListHeap(resolved.value);
  const order = listOrderOf(policy.name);
  const ops: TranscriptOp[] = [];
  for (const [i, e] of events.entries()) {
    if (e.op === 'free') {
      const block = heap.blockOf(e.id);
      heap.freeIfLive(e.id);
      ops.push({ op: 'free', size: block?.requested ?? 0, id: e.id, addr: block?.start ?? -1, searched: 0, freeList: freeListEntries(heap, order) });
      continue;
    }
    if (e.op === 'alloc' && heap.isLive(e.id)) return refuse('stream/malformed', `event ${i} allocates id ${e.id}, which is still live`);
    const resize = e.op === 'realloc' && heap.isLive(e.id);
    if (e.size === 0) {
      // [FL-RUN-2] alloc of 0 bytes does nothing; realloc to 0 frees.
      const block = heap.blockOf(e.id);
      if (resize) heap.freeIfLive(e.id);
      ops.push({ op: e.op, size: 0, id: e.id, addr: resize && block ? block.start : -1, searched: 0, freeList: freeListEntries(heap, order) });
      continue;
    }
    const { addr, searched } = placeRecorded(heap, policy, order, mode, e.id, e.size, resize, e.op === 'alloc' ? e.tag : undefined);
    ops.push({ op: e.op, size: e.size, id: e.id, addr, searched, freeList: freeListEntries(heap, order) });
  }
  return succeed({ policy: policy.name, order, ops });
}

/** One placement (or a realloc's new block), with the free blocks its search (or searches, [FL-TRANS-3]) looked at. */
function placeRecorded(
  heap: FreeListHeap, policy: FreeListPolicy, order: FreeListOrder, mode: SimCoalesceMode,
  id: number, size: number, resize: boolean, tag: string | undefined,
): { addr: number; searched: number } {
  const mapped = heap.isMappedSize(size);
  const need = heap.blockSize(size);
  const count = (): number => (mapped ? 0 : searchedCount(policy.name, freeListEntries(heap, order), need, heap.rover, policy.find(heap, need) >= 0));
  let searched = count();
  if (mode === 'deferred' && !mapped && coalesceWhenStuck(heap, policy.find, need)) searched += count();
  const addr = resize ? heap.reallocWith(policy.find, id, size) : heap.placeWith(policy.find, id, size, tag);
  return { addr, searched };
}
