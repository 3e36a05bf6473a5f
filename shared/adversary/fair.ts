// The fair adversary for competitive rounds (rules in shared/adversary/SPEC.md):
// every player gets the same multiset of request sizes, drawn once from the round's
// seed, in the same seeded order, under the same live budget. For each request the
// adversary picks from a small menu (the next few sizes of that order) one that
// would make this player's heap grow — asking the engine in a dry run, not reading
// the layout — and when the budget is full it chooses which live block dies: the one
// most isolated from free space, whose death leaves the smallest hole. With
// `order: 'random'` it plays the same sizes in plain seeded order and frees a seeded
// random block instead (the baseline it is compared with).

import type { AddressLayout, Allocator, Target } from '../core/allocator.ts';
import { createPrng, nextInt, nextUint32, type PrngState } from '../core/prng.ts';
import { alloc, free, type StreamEvent } from '../core/stream.ts';
import type { Request, RequestFeed } from '../core/feed.ts';
import { drawSize, sizeRange, type SizeDistribution } from '../streams/sizes.ts';
import { HeapModel } from './heap-model.ts';

export interface FairOptions {
  /** The most requested bytes live at once. */
  readonly liveBudget: number;
  /** How many requests the round has. */
  readonly requests: number;
  readonly sizes: SizeDistribution;
  /** How many of the next sizes the adversary may pick from (4 to 8). */
  readonly menu: number;
  /** 'adversary' (default) or 'random': the same sizes in seeded order, seeded random deaths. */
  readonly order?: 'adversary' | 'random';
}

/** The dry run the adversary asks of the engine: would a request of `size` make this heap grow? */
export type GrowthProbe = (allocator: Allocator, size: number) => boolean;

/** [ADV-FAIR-1] The sizes of a fair round: the same for every player with the same seed. */
export function fairSizes(options: Pick<FairOptions, 'requests' | 'sizes'>, seed: number): number[] {
  const prng = createPrng(seed);
  return Array.from({ length: options.requests }, () => drawSize(options.sizes, prng));
}

export class FairAdversary implements RequestFeed {
  readonly options: FairOptions;
  private readonly sizes: number[];
  private readonly used: boolean[];
  /** Every index before it is used. */
  private cursor = 0;
  private readonly model: HeapModel;
  private readonly layout: AddressLayout;
  private readonly wouldGrow: GrowthProbe;
  private readonly deaths: PrngState;
  /** Live ids in the order they were placed (swap-removed), for random deaths. */
  private readonly liveIds: number[] = [];
  private readonly livePos = new Map<number, number>();
  private readonly detached = new Map<number, number>();
  private readonly asked = new Map<number, number>();
  private nextId = 0;

  constructor(options: FairOptions, seed: number, layout: AddressLayout, wouldGrow: GrowthProbe) {
    this.options = options;
    this.sizes = fairSizes(options, seed);
    this.used = this.sizes.map(() => false);
    this.layout = layout;
    this.wouldGrow = wouldGrow;
    // merged holes up to a few of the largest request are indexed; larger ones are found by a scan
    this.model = new HeapModel(layout.base, 4 * sizeRange(options.sizes)[1] + 1);
    const seeds = createPrng(seed ^ 0x5eed);
    this.deaths = createPrng(nextUint32(seeds));
  }

  get liveBytes(): number {
    let detached = 0;
    for (const size of this.detached.values()) detached += size;
    return this.model.liveBytes + detached;
  }

  /** [ADV-FAIR-2..4] The next request from the menu, or the death that makes room for it. */
  next(allocator: Allocator): StreamEvent | null {
    const menu = this.menuIndices();
    if (menu.length === 0) return null;
    const pick = this.options.order === 'random' ? menu[0] : this.pickFrom(menu, allocator);
    if (pick === undefined) return null;
    const size = this.sizes[pick] as number;
    if (this.liveBytes + size > this.options.liveBudget && this.liveIds.length > 0) return this.kill();
    this.used[pick] = true;
    const id = this.nextId++;
    this.asked.set(id, size);
    return alloc(id, size);
  }

  onPlaced(_allocator: Allocator, request: Request, target: Target): void {
    const size = this.asked.get(request.streamId) ?? request.size;
    this.asked.delete(request.streamId);
    const span = this.layout.span(size);
    if (span) this.model.insert(request.streamId, target, span.bytes, size);
    else this.detached.set(request.streamId, size);
    this.livePos.set(request.streamId, this.liveIds.length);
    this.liveIds.push(request.streamId);
  }

  onFailed(_allocator: Allocator, request: Request): void {
    this.asked.delete(request.streamId);
  }

  /** The first `menu` unused sizes of the order (just the first in random order). */
  private menuIndices(): number[] {
    while (this.cursor < this.sizes.length && this.used[this.cursor]) this.cursor++;
    const out: number[] = [];
    const want = this.options.order === 'random' ? 1 : Math.max(1, this.options.menu);
    for (let i = this.cursor; i < this.sizes.length && out.length < want; i++) if (!this.used[i]) out.push(i);
    return out;
  }

  /** [ADV-FAIR-2] The largest size the engine says would make this heap grow; else the first of the menu. */
  private pickFrom(menu: readonly number[], allocator: Allocator): number | undefined {
    let best: number | undefined;
    for (const i of menu) {
      const size = this.sizes[i] as number;
      if (!this.wouldGrow(allocator, size)) continue;
      if (best === undefined || size > (this.sizes[best] as number)) best = i;
    }
    return best ?? menu[0];
  }

  /** [ADV-FAIR-3] Frees the most isolated live block (random order: a seeded random one). */
  private kill(): StreamEvent {
    const id = this.options.order === 'random' ? this.randomLive() : this.mostWalledIn();
    this.forget(id);
    return free(id);
  }

  private randomLive(): number {
    return this.liveIds[nextInt(this.deaths, 0, this.liveIds.length - 1)] as number;
  }

  /**
   * The block whose death leaves the smallest hole (gap before + block + gap after),
   * the lowest address among equals; the last block only when it is the only one.
   */
  private mostWalledIn(): number {
    const indexed = this.model.smallestMerge();
    if (indexed) return indexed.id;
    let best = -1;
    let bestHole = Infinity;
    for (const b of this.model.inOrder()) {
      const hole = this.model.gapBefore(b) + b.bytes + this.model.gapAfter(b);
      if (hole < bestHole || best < 0) {
        best = b.id;
        bestHole = hole;
      }
    }
    return best >= 0 ? best : (this.liveIds[0] as number); // only mmap'd blocks are live
  }

  private forget(id: number): void {
    if (this.model.has(id)) this.model.remove(id);
    this.detached.delete(id);
    const at = this.livePos.get(id);
    if (at === undefined) return;
    const last = this.liveIds.pop() as number;
    if (last !== id) {
      this.liveIds[at] = last;
      this.livePos.set(last, at);
    }
    this.livePos.delete(id);
  }
}
