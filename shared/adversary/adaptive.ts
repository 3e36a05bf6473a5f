// The adaptive adversary (DESIGN §2.3; rules in shared/adversary/SPEC.md): after
// every move it reads the heap — through its own model, updated one placement and
// one free at a time — and asks for a block just larger than the largest hole, so
// nothing fits and the heap must grow; when its live budget is spent it frees the
// block whose free leaves the smallest merged hole, so the holes stay useless. A
// Robson-style construction in which sizes climb by one instead of doubling. It
// needs no randomness: the same heap always gets the same answer.

import type { AddressLayout, Allocator, Target } from '../core/allocator.ts';
import { alloc, free, type StreamEvent } from '../core/stream.ts';
import type { Request, RequestFeed } from '../core/feed.ts';
import { HeapModel } from './heap-model.ts';

export interface AdaptiveOptions {
  /** M: the most requested bytes it keeps live at once. */
  readonly liveBudget: number;
  /** n: the largest request. */
  readonly maxSize: number;
  /** The smallest request (default 1). */
  readonly minSize?: number;
  /** A hard stop on the events it issues (default 16 × M / minSize + 1024). */
  readonly maxEvents?: number;
}

export class AdaptiveAdversary implements RequestFeed {
  readonly options: Required<AdaptiveOptions>;
  private readonly model: HeapModel;
  private readonly layout: AddressLayout;
  /** Live bytes outside the heap's address line (mmap'd blocks): they count against the budget, never freed. */
  private detachedBytes = 0;
  private nextId = 0;
  private issued = 0;
  private isDone = false;
  /** Request sizes by id, until placed. */
  private readonly asked = new Map<number, number>();

  constructor(options: AdaptiveOptions, layout: AddressLayout) {
    const minSize = options.minSize ?? 1;
    this.options = {
      liveBudget: options.liveBudget,
      maxSize: options.maxSize,
      minSize,
      maxEvents: options.maxEvents ?? Math.ceil((16 * options.liveBudget) / minSize) + 1024,
    };
    this.layout = layout;
    this.model = new HeapModel(layout.base, options.maxSize);
  }

  /** Live blocks it holds, and their requested bytes. */
  get liveBlocks(): number {
    return this.model.count;
  }

  get liveBytes(): number {
    return this.model.liveBytes + this.detachedBytes;
  }

  /** [ADV-ADAPT-1..4] The next event: a request just larger than the largest hole, or the free that leaves the smallest hole. */
  next(): StreamEvent | null {
    if (this.isDone || this.issued >= this.options.maxEvents) return null;
    const { liveBudget, maxSize, minSize } = this.options;
    const size = Math.max(minSize, this.model.largestHole() + 1);
    if (size > maxSize || size > liveBudget) return this.stop();
    if (this.liveBytes + size <= liveBudget) {
      const id = this.nextId++;
      this.asked.set(id, size);
      this.issued++;
      return alloc(id, size);
    }
    const victim = this.model.smallestMerge();
    if (!victim) return this.stop();
    this.model.remove(victim.id);
    this.issued++;
    return free(victim.id);
  }

  onPlaced(_allocator: Allocator, request: Request, target: Target): void {
    const size = this.asked.get(request.streamId) ?? request.size;
    this.asked.delete(request.streamId);
    const span = this.layout.span(size);
    if (span) this.model.insert(request.streamId, target, span.bytes, size);
    else this.detachedBytes += size;
  }

  /** [ADV-ADAPT-5] A request the heap could not meet: the adversary has won; the stream ends. */
  onFailed(_allocator: Allocator, request: Request): void {
    this.asked.delete(request.streamId);
    this.isDone = true;
  }

  private stop(): null {
    this.isDone = true;
    return null;
  }
}
