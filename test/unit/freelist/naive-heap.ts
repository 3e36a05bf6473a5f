// The naive free-list model: the tests' oracle, written from shared/freelist/SPEC.md
// with plain objects and linear scans (no indexes, no typed arrays). Every policy's
// choice is a scan over the free blocks; every move follows the rules in the order
// the SPEC states them. Slow on purpose: it must be obviously right.

import type { RegionView } from '../../../shared/core/allocator.ts';
import type { FreeListOptions } from '../../../shared/freelist/options.ts';

export interface NaiveBlock {
  start: number;
  size: number;
  free: boolean;
  id: number;
  requested: number;
  tag: string | undefined;
  /** [FL-ORDER-1] free-list stamp. */
  seq: number;
  /** [FL-TLSF-2] when the free block last appeared or changed extent. */
  touched: number;
}

export type NaiveResult = { ok: true; target: number } | { ok: false; code: string };

export type NaivePolicy = 'first-fit-lifo' | 'first-fit-fifo' | 'first-fit-address' | 'next-fit' | 'best-fit' | 'worst-fit' | 'tlsf';

export class NaiveHeap {
  readonly o: FreeListOptions;
  readonly base: number;
  readonly maxEnd: number;
  blocks: NaiveBlock[] = [];
  maps: NaiveBlock[] = [];
  end: number;
  rover: number;
  private stamp = 0;
  private touch = 0;

  constructor(o: FreeListOptions) {
    this.o = o;
    this.base = o.prologue;
    this.maxEnd = o.limit - o.epilogue;
    this.end = this.base;
    this.rover = this.base;
    const initialEnd = o.initial - o.epilogue;
    if (initialEnd > this.base) this.grow(initialEnd);
  }

  get brk(): number {
    return this.end + this.o.epilogue;
  }

  blockSize(n: number): number {
    return Math.max(this.o.minBlock, Math.ceil((n + this.o.overhead) / this.o.align) * this.o.align);
  }

  isLive(id: number): boolean {
    return this.find(id) !== undefined;
  }

  // ------------------------------------------------------------------ policies

  /** [FL-POL-1..7] The free block a policy cuts a block of `need` bytes from. */
  hole(policy: NaivePolicy, need: number): NaiveBlock | undefined {
    const fits = this.blocks.filter((b) => b.free && b.size >= need);
    if (fits.length === 0) return undefined;
    switch (policy) {
      case 'first-fit-lifo':
        return fits.reduce((a, b) => (b.seq > a.seq ? b : a));
      case 'first-fit-fifo':
        return fits.reduce((a, b) => (b.seq < a.seq ? b : a));
      case 'first-fit-address':
        return fits[0];
      case 'next-fit':
        return fits.find((b) => b.start >= this.rover) ?? fits[0];
      case 'best-fit':
        return fits.reduce((a, b) => (b.size < a.size ? b : a));
      case 'worst-fit': {
        const all = this.blocks.filter((b) => b.free);
        const largest = all.reduce((a, b) => (b.size > a.size ? b : a));
        return largest.size >= need ? largest : undefined;
      }
      case 'tlsf':
        return this.tlsfHole(need);
    }
  }

  /** Where the policy would put a request (null: nowhere), as `choose` answers. */
  choose(policy: NaivePolicy, size: number): number | null {
    if (size >= this.o.mmapThreshold) return this.mapStart(this.mapBytes(size));
    const need = this.blockSize(size);
    const h = this.hole(policy, need);
    if (h) return h.start;
    const at = this.tailStart();
    if (at + need <= this.end) return at;
    return this.plannedEnd(at + need, need) >= 0 ? at : null;
  }

  /** A policy's alloc: the address, or -1 when nothing changes. */
  placeBy(policy: NaivePolicy, id: number, size: number, tag?: string): number {
    if (size >= this.o.mmapThreshold) return this.map(id, size, tag);
    const need = this.blockSize(size);
    const h = this.hole(policy, need);
    if (h) {
      const at = h.start;
      this.cut(h, at, need, id, size, tag);
      this.rover = at;
      return at;
    }
    // [FL-POL-0]
    const at = this.tailStart();
    let grew = false;
    if (at + need > this.end) {
      const newEnd = this.plannedEnd(at + need, need);
      if (newEnd < 0) return -1;
      this.grow(newEnd);
      grew = true;
    }
    this.cut(this.blocks[this.blocks.length - 1]!, at, need, id, size, tag);
    if (!grew) this.rover = at;
    return at;
  }

  /** A policy's realloc ([FL-REALLOC-2]). */
  reallocBy(policy: NaivePolicy, id: number, size: number): number {
    const old = this.find(id)!;
    this.detachId(old);
    const at = this.placeBy(policy, id, size, old.tag);
    if (at < 0) {
      old.id = id;
      return -1;
    }
    this.dispose(old);
    return at;
  }

  // ---------------------------------------------------------------- human moves

  /** [FL-PLACE-*] */
  allocate(id: number, size: number, target: number): NaiveResult {
    if (!Number.isSafeInteger(id) || id === -1) return { ok: false, code: 'request/invalid' };
    if (!Number.isSafeInteger(size) || size < 1) return { ok: false, code: 'request/invalid' };
    if (this.isLive(id)) return { ok: false, code: 'request/duplicate' };
    if (size >= this.o.mmapThreshold) return { ok: true, target: this.map(id, size, undefined) };
    const plan = this.plan(target, this.blockSize(size));
    if (typeof plan === 'string') return { ok: false, code: plan };
    this.applyPlan(plan, target, this.blockSize(size), id, size, undefined);
    return { ok: true, target };
  }

  free(id: number): NaiveResult {
    if (id === -1) return { ok: true, target: -1 };
    const b = this.find(id);
    if (!b) return { ok: false, code: 'request/unknown' };
    this.detachId(b);
    this.dispose(b);
    return { ok: true, target: -1 };
  }

  /** [FL-REALLOC-1], [FL-REALLOC-2] */
  realloc(id: number, size: number, target: number): NaiveResult {
    if (!Number.isSafeInteger(id) || id === -1) return { ok: false, code: 'request/invalid' };
    if (!Number.isSafeInteger(size) || size < 1) return { ok: false, code: 'request/invalid' };
    const old = this.find(id);
    if (!old) return { ok: false, code: 'request/unknown' };
    const mapped = this.maps.includes(old);
    if (!mapped && size < this.o.mmapThreshold && target === old.start) return this.resizeInPlace(old, size);
    let at = target;
    if (size >= this.o.mmapThreshold) {
      this.detachId(old);
      at = this.map(id, size, old.tag);
    } else {
      const need = this.blockSize(size);
      const plan = this.plan(target, need);
      if (typeof plan === 'string') return { ok: false, code: plan };
      this.detachId(old);
      this.applyPlan(plan, target, need, id, size, old.tag);
    }
    this.dispose(old);
    return { ok: true, target: at };
  }

  /** [FL-COAL-3] */
  coalesce(target?: number): { ok: true; merged: number } | { ok: false; code: string } {
    if (target === undefined) {
      let merged = 0;
      for (let i = 0; i < this.blocks.length; i++) {
        if (!this.blocks[i]!.free) continue;
        let j = i;
        while (j + 1 < this.blocks.length && this.blocks[j + 1]!.free) j++;
        if (j > i) {
          merged += j - i;
          this.merge(i, j);
        }
      }
      return { ok: true, merged };
    }
    const i = this.blocks.findIndex((b) => b.start <= target && target < b.start + b.size);
    if (i < 0 || !this.blocks[i]!.free) return { ok: false, code: 'coalesce/not_free' };
    let lo = i;
    let hi = i;
    while (lo > 0 && this.blocks[lo - 1]!.free) lo--;
    while (hi + 1 < this.blocks.length && this.blocks[hi + 1]!.free) hi++;
    if (lo === hi) return { ok: true, merged: 0 };
    this.merge(lo, hi);
    return { ok: true, merged: hi - lo };
  }

  // --------------------------------------------------------------- observation

  walk(): RegionView[] {
    const out: RegionView[] = [];
    if (this.base > 0) out.push({ start: 0, size: this.base, state: 'unused', area: 'heap' });
    for (const b of this.blocks) out.push(this.region(b, 'heap'));
    if (this.o.epilogue > 0) out.push({ start: this.end, size: this.o.epilogue, state: 'unused', area: 'heap' });
    for (const b of this.maps) out.push(this.region(b, 'mmap'));
    return out;
  }

  /** Free blocks' addresses, oldest stamp first. */
  fifo(): number[] {
    return this.blocks.filter((b) => b.free).sort((a, b) => a.seq - b.seq).map((b) => b.start);
  }

  /** TLSF class lists: class -> addresses, most recently touched first. */
  tlsfLists(): Map<number, number[]> {
    const lists = new Map<number, NaiveBlock[]>();
    for (const b of this.blocks.filter((x) => x.free)) {
      const c = this.tlsfClass(b.size);
      lists.set(c, [...(lists.get(c) ?? []), b]);
    }
    return new Map([...lists].map(([c, bs]) => [c, bs.sort((a, b) => b.touched - a.touched).map((b) => b.start)]));
  }

  liveBytes(): number {
    return [...this.blocks, ...this.maps].filter((b) => !b.free).reduce((sum, b) => sum + b.requested, 0);
  }

  freeBytes(): number {
    return this.blocks.filter((b) => b.free).reduce((sum, b) => sum + b.size, 0);
  }

  largestFree(): number {
    return this.blocks.filter((b) => b.free).reduce((max, b) => Math.max(max, b.size), 0);
  }

  heapBytes(): number {
    return this.brk + this.maps.reduce((sum, b) => sum + b.size, 0);
  }

  // ------------------------------------------------------------------ internals

  private find(id: number): NaiveBlock | undefined {
    return this.blocks.find((b) => !b.free && b.id === id) ?? this.maps.find((b) => b.id === id);
  }

  private detachId(b: NaiveBlock): void {
    b.id = -2;
  }

  private region(b: NaiveBlock, area: string): RegionView {
    if (b.free) return { start: b.start, size: b.size, state: 'free', area };
    const r: RegionView = { start: b.start, size: b.size, state: 'live', id: b.id, requested: b.requested, area };
    return b.tag === undefined ? r : { ...r, tag: b.tag };
  }

  private tailStart(): number {
    const last = this.blocks[this.blocks.length - 1];
    return last && last.free ? last.start : this.end;
  }

  /** [FL-GROW-2] */
  private plannedEnd(blockEnd: number, need: number): number {
    if (this.o.growth === 'fixed' || blockEnd > this.maxEnd) return -1;
    const deficit = blockEnd - this.end;
    if (this.o.growthStep === 'chunks') {
      return Math.min(this.end + Math.ceil(deficit / this.o.chunk) * this.o.chunk, this.maxEnd);
    }
    const grown = this.end + Math.max(need, this.o.chunk, Math.ceil(deficit / this.o.align) * this.o.align);
    return grown > this.maxEnd ? -1 : grown;
  }

  /** [FL-GROW-3] */
  private grow(newEnd: number): void {
    const last = this.blocks[this.blocks.length - 1];
    if (last && last.free) {
      last.size += newEnd - this.end;
      last.seq = this.stamp++;
      last.touched = this.touch++;
    } else {
      this.blocks.push(this.freeBlock(this.end, newEnd - this.end));
    }
    this.end = newEnd;
  }

  private freeBlock(start: number, size: number): NaiveBlock {
    return { start, size, free: true, id: -1, requested: 0, tag: undefined, seq: this.stamp++, touched: this.touch++ };
  }

  /** [FL-SPLIT-1], [FL-SPLIT-2], [FL-ORDER-3] */
  private cut(hole: NaiveBlock, at: number, need: number, id: number, size: number, tag: string | undefined): void {
    const i = this.blocks.indexOf(hole);
    const holeEnd = hole.start + hole.size;
    let tail = holeEnd - (at + need);
    if (tail < this.o.minBlock || !this.o.split) {
      need += tail;
      tail = 0;
    }
    const live: NaiveBlock = { start: at, size: need, free: false, id, requested: size, tag, seq: -1, touched: -1 };
    const parts: NaiveBlock[] = [];
    if (at > hole.start) {
      hole.size = at - hole.start;
      hole.touched = this.touch++;
      parts.push(hole, live);
      if (tail > 0) parts.push(this.freeBlock(at + need, tail));
    } else if (tail > 0) {
      hole.start = at + need;
      hole.size = tail;
      hole.touched = this.touch++;
      parts.push(live, hole);
    } else {
      parts.push(live);
    }
    this.blocks.splice(i, 1, ...parts);
  }

  /** Frees a block whose id is already detached. */
  private dispose(b: NaiveBlock): void {
    const m = this.maps.indexOf(b);
    if (m >= 0) {
      this.maps.splice(m, 1);
      return;
    }
    const i = this.blocks.indexOf(b);
    b.free = true;
    let lo = i;
    let hi = i;
    if (this.o.coalesce === 'immediate') {
      if (lo > 0 && this.blocks[lo - 1]!.free) lo--;
      if (hi + 1 < this.blocks.length && this.blocks[hi + 1]!.free) hi++;
    }
    this.merge(lo, hi);
  }

  /** [FL-COAL-2], [FL-ROVER-3] blocks lo..hi become one free block with a new stamp. */
  private merge(lo: number, hi: number): void {
    const first = this.blocks[lo]!;
    const lastBlock = this.blocks[hi]!;
    const merged = this.freeBlock(first.start, lastBlock.start + lastBlock.size - first.start);
    this.blocks.splice(lo, hi - lo + 1, merged);
    this.moveRover(merged);
  }

  private moveRover(b: NaiveBlock): void {
    if (this.rover > b.start && this.rover < b.start + b.size) this.rover = b.start;
  }

  /** [FL-PLACE-1..8]: the free block to cut from (or null past a live tail) and the new end, or a refusal code. */
  private plan(target: number, need: number): { hole: NaiveBlock | null; newEnd: number } | string {
    if (!Number.isSafeInteger(target)) return 'place/invalid';
    if (target < this.base || target >= this.maxEnd) return 'place/out_of_range';
    if ((target + this.o.header) % this.o.align !== 0) return 'place/misaligned';
    const blockEnd = target + need;
    let hole: NaiveBlock | null = null;
    let holeStart = this.end;
    if (target < this.end) {
      const i = this.blocks.findIndex((b) => b.start <= target && target < b.start + b.size);
      const b = this.blocks[i]!;
      if (!b.free) return 'place/overlaps';
      hole = b;
      holeStart = b.start;
      const after = this.blocks[i + 1];
      if (blockEnd > b.start + b.size && after) return after.free ? 'place/spans_blocks' : 'place/overlaps';
    } else {
      const last = this.blocks[this.blocks.length - 1];
      if (last && last.free) {
        hole = last;
        holeStart = last.start;
      }
    }
    const lead = target - holeStart;
    if (lead > 0 && !this.o.split) return 'place/not_hole_start';
    if (lead > 0 && lead < this.o.minBlock) return 'place/sliver';
    let newEnd = this.end;
    if (blockEnd > this.end) {
      newEnd = this.plannedEnd(blockEnd, need);
      if (newEnd < 0) return 'place/heap_limit';
    }
    return { hole, newEnd };
  }

  private applyPlan(plan: { hole: NaiveBlock | null; newEnd: number }, target: number, need: number, id: number, size: number, tag: string | undefined): void {
    const grew = plan.newEnd > this.end;
    if (grew) this.grow(plan.newEnd);
    this.cut(plan.hole ?? this.blocks[this.blocks.length - 1]!, target, need, id, size, tag);
    if (!grew) this.rover = target;
  }

  private resizeInPlace(b: NaiveBlock, size: number): NaiveResult {
    const need = this.blockSize(size);
    const i = this.blocks.indexOf(b);
    if (need > b.size) {
      const next = this.blocks[i + 1];
      if (next && !next.free) return { ok: false, code: 'place/overlaps' };
      const room = next ? next.start + next.size : b.start + b.size;
      const blockEnd = b.start + need;
      let newEnd = this.end;
      if (blockEnd > room) {
        if (this.blocks[i + 2]) return { ok: false, code: this.blocks[i + 2]!.free ? 'place/spans_blocks' : 'place/overlaps' };
        newEnd = this.plannedEnd(blockEnd, need);
        if (newEnd < 0) return { ok: false, code: 'place/heap_limit' };
      }
      if (newEnd > this.end) this.grow(newEnd);
      const n = this.blocks[i + 1]!;
      const nEnd = n.start + n.size;
      const rest = nEnd - blockEnd;
      if (rest < this.o.minBlock || !this.o.split) {
        b.size = nEnd - b.start;
        this.blocks.splice(i + 1, 1);
      } else {
        b.size = need;
        n.start = blockEnd;
        n.size = rest;
        n.touched = this.touch++;
      }
      this.moveRover(b);
    } else if (this.o.split && b.size - need >= this.o.minBlock) {
      const t = this.freeBlock(b.start + need, b.size - need);
      b.size = need;
      this.blocks.splice(i + 1, 0, t);
      // The split-off tail is listed as a merge would list it: a fresh stamp for the result.
      const n = this.blocks[i + 2];
      this.merge(i + 1, this.o.coalesce === 'immediate' && n && n.free ? i + 2 : i + 1);
    }
    b.requested = size;
    return { ok: true, target: b.start };
  }

  private mapBytes(size: number): number {
    return Math.ceil((size + this.o.overhead) / this.o.pageSize) * this.o.pageSize;
  }

  private mapStart(bytes: number): number {
    let at = this.o.mmapBase;
    for (const m of this.maps) {
      if (at + bytes <= m.start) return at;
      at = m.start + m.size;
    }
    return at;
  }

  /** [FL-MMAP-1], [FL-MMAP-2] */
  private map(id: number, size: number, tag: string | undefined): number {
    const bytes = this.mapBytes(size);
    const at = this.mapStart(bytes);
    this.maps.push({ start: at, size: bytes, free: false, id, requested: size, tag, seq: -1, touched: -1 });
    this.maps.sort((a, b) => a.start - b.start);
    return at;
  }

  /** [FL-TLSF-1] fl = floor(log2 size) - (5 + log2 align) + 1 and sl = the 5 bits below the top one; below 32 units, one class per size. */
  tlsfClass(size: number): number {
    const alignLog2 = Math.log2(this.o.align);
    if (size < 2 ** (5 + alignLog2)) return size / this.o.align;
    const log = Math.floor(Math.log2(size));
    const sl = Math.floor(size / 2 ** (log - 5)) - 32;
    return (log - 5 - alignLog2 + 1) * 32 + sl;
  }

  private tlsfHole(need: number): NaiveBlock | undefined {
    const alignLog2 = Math.log2(this.o.align);
    const rounded = need < 2 ** (5 + alignLog2) ? need : need + 2 ** (Math.floor(Math.log2(need)) - 5) - 1;
    const wanted = this.tlsfClass(rounded);
    const candidates = this.blocks.filter((b) => b.free && this.tlsfClass(b.size) >= wanted);
    if (candidates.length === 0) return undefined;
    const lowest = Math.min(...candidates.map((b) => this.tlsfClass(b.size)));
    return candidates.filter((b) => this.tlsfClass(b.size) === lowest).reduce((a, b) => (b.touched > a.touched ? b : a));
  }
}
