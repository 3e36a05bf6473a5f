// Offline interval packing for the clairvoyant reference: every block's lifetime
// is known in advance, so blocks are laid out in address space such that no two
// blocks that are live at the same time overlap, keeping the highest end low.
// The heuristic is greedy (as tensor-arena planners do): take the blocks in some
// order (largest first, longest-lived first, ...) and give each the lowest aligned
// address that is free for its whole lifetime.

import type { StreamEvent } from '../core/stream.ts';

/** One request's block as the packer sees it. */
export interface PackItem {
  readonly requestId: number;
  /** The event index at which it is placed. */
  readonly birth: number;
  /** The first event index at which it is no longer live (Infinity: never freed). */
  readonly death: number;
  readonly bytes: number;
  /** Starts must satisfy (start + phase) % align === 0. */
  readonly align: number;
  readonly phase: number;
}

/** A request's size and lifetime, numbered as the round engine numbers requests ([MATCH-REQ-1]). */
export interface RequestLife {
  readonly requestId: number;
  readonly size: number;
  readonly tag?: string;
  readonly birth: number;
  readonly death: number;
}

/**
 * The lifetimes of every request in a stream, assuming each is met: a block dies at
 * the free of its id, or one event after the realloc that replaces it (the old block
 * is still live while the new one is placed), or never.
 */
export function requestLives(events: readonly StreamEvent[]): RequestLife[] {
  const lives: { requestId: number; size: number; tag?: string; birth: number; death: number }[] = [];
  const liveByStreamId = new Map<number, number>();
  const tags = new Map<number, string>();
  const kill = (streamId: number, at: number) => {
    const index = liveByStreamId.get(streamId);
    if (index === undefined) return;
    const life = lives[index];
    if (life) life.death = at;
    liveByStreamId.delete(streamId);
  };
  events.forEach((e, i) => {
    if (e.op === 'free') return kill(e.id, i);
    if (e.op === 'alloc') {
      if (e.tag !== undefined) tags.set(e.id, e.tag);
      else tags.delete(e.id);
    }
    if (e.size <= 0) return e.op === 'realloc' ? kill(e.id, i) : undefined;
    kill(e.id, i + 1);
    const tag = tags.get(e.id);
    liveByStreamId.set(e.id, lives.length);
    lives.push({ requestId: lives.length, size: e.size, ...(tag === undefined ? {} : { tag }), birth: i, death: Infinity });
  });
  return lives;
}

export type PackOrder = 'largest-first' | 'longest-first' | 'biggest-area-first' | 'earliest-first';

export const PACK_ORDERS: readonly PackOrder[] = ['largest-first', 'longest-first', 'biggest-area-first', 'earliest-first'];

function lifetime(item: PackItem, horizon: number): number {
  return Math.min(item.death, horizon) - item.birth;
}

function sortFor(order: PackOrder, items: readonly PackItem[], horizon: number): PackItem[] {
  const byKey = (key: (i: PackItem) => number) =>
    [...items].sort((a, b) => key(b) - key(a) || a.birth - b.birth || a.requestId - b.requestId);
  switch (order) {
    case 'largest-first':
      return byKey((i) => i.bytes * horizon + lifetime(i, horizon));
    case 'longest-first':
      return byKey((i) => lifetime(i, horizon) * 2 ** 20 + i.bytes);
    case 'biggest-area-first':
      return byKey((i) => i.bytes * lifetime(i, horizon));
    case 'earliest-first':
      return byKey((i) => -i.birth);
  }
}

function alignUp(address: number, align: number, phase: number): number {
  return Math.ceil((address + phase) / align) * align - phase;
}

/** Request id -> start address, each block at the lowest aligned address free for its whole life, taken in `order`. */
export function packIntervals(items: readonly PackItem[], base: number, order: PackOrder): Map<number, number> {
  const horizon = items.reduce((h, i) => Math.max(h, i.birth + 1, Number.isFinite(i.death) ? i.death : 0), 0);
  const placed: { item: PackItem; start: number }[] = [];
  const plan = new Map<number, number>();
  for (const item of sortFor(order, items, horizon)) {
    const busy = placed
      .filter((p) => p.item.birth < item.death && item.birth < p.item.death)
      .map((p) => ({ start: p.start, end: p.start + p.item.bytes }))
      .sort((a, b) => a.start - b.start);
    let at = alignUp(base, item.align, item.phase);
    for (const range of busy) {
      if (range.start >= at + item.bytes) break;
      if (range.end > at) at = alignUp(range.end, item.align, item.phase);
    }
    placed.push({ item, start: at });
    plan.set(item.requestId, at);
  }
  return plan;
}
