// The size index behind best fit, worst fit and address-ordered first fit ([FL-POL-5],
// [FL-POL-6], [FL-POL-3]): free blocks by (size, address). Sizes below `exactLimit`
// have one bucket per exact size, each an 8-ary min-heap by address, with a LevelBitmap
// over the non-empty buckets; so best fit is "next non-empty bucket at or above the
// request, then its lowest address", a few word operations and no scan. Larger blocks
// (few: big holes, the heap's tail) live in a treap ordered by (size, address) and,
// by address, in one more bucket heap after the exact ones.
//
// First fit is the lowest address among the buckets whose blocks all fit: built on
// first use, a RootTree (block and suffix minima over the exact buckets' lowest
// addresses) answers "lowest root from bucket k on" with a scan of at most 16 leaves
// and one read, and the large bucket's root (it fits every exact request) is read
// beside it. It changes only when a bucket's lowest address does; it has one leaf per
// block size, not per address range, and covers only the buckets used so far
// (doubling when a larger size appears), so it stays small (it sits in cache)
// whatever the heap's size.

import { growInt32, type BlockArrays, type FreeIndex } from './blocks.ts';
import { LevelBitmap } from '../core/level-bitmap.ts';
import { invariant } from '../core/outcome.ts';

/** Exact-size buckets per index; sizes are counted in units of the alignment. */
const EXACT_BUCKETS = 1 << 14;
/** The bucket holding, by address, the blocks too big for an exact one. */
const LARGE = EXACT_BUCKETS;
const BUCKETS = EXACT_BUCKETS + 1;
/** Each bucket's heap is HEAP_FAN-ary (log2): 8 wide climbs a third as far as 2 wide when a block is listed, and a node's children sit side by side in the pool. On the bench trace it ran the fewest instructions of 2, 4 and 8 wide for best fit, and within 1% of 4 wide for first fit. */
const HEAP_SHIFT = 3;
const HEAP_FAN = 1 << HEAP_SHIFT;
/** Entries a bucket gets room for when it first fills. */
const FIRST_ROOM = 4;
/** A RootTree leaf for an empty bucket (above every address). */
const EMPTY = 0x7fffffff;

export class SizeIndex implements FreeIndex {
  private readonly blocks: BlockArrays;
  /** Bytes per bucket step (a power of two): every block size is a multiple of it. */
  private readonly unit: number;
  private readonly unitLog2: number;
  /** Sizes at or above this go to the treap. */
  readonly exactLimit: number;
  private readonly nonEmpty = new LevelBitmap(EXACT_BUCKETS);
  /**
   * Every bucket's heap lives in one pool of (start, slot) pairs: entry i of a bucket
   * whose room begins at pair `at` is pool[2(at + i)] (its start, the heap key) and
   * pool[2(at + i) + 1] (its slot), so sifting compares keys held right there, and
   * reaching a bucket is one lookup, not a chase through an object per bucket. Free
   * blocks lie inside the heap, whose addresses are 31-bit (MAX_HEAP_LIMIT): Int32 words.
   */
  private pool = new Int32Array(2 * 1024);
  /** Pairs of the pool handed out so far (rooms are carved from the top; `repack` reclaims). */
  private poolTop = 0;
  /** Per bucket: where its room begins (in pairs), its room, its entry count. */
  private readonly roomAt = new Int32Array(BUCKETS);
  private readonly room = new Int32Array(BUCKETS);
  private readonly counts = new Int32Array(BUCKETS);
  /** Position of a slot inside its bucket's heap. */
  private pos: Int32Array;
  private readonly large: SizeTreap;
  /** Each exact bucket's lowest address, for first fit (null until first fit is asked for). */
  private roots: RootTree | null = null;
  /** Buckets below this have a leaf in `roots`. */
  private rootsCover = 0;

  constructor(blocks: BlockArrays, unit: number, capacity: number) {
    this.blocks = blocks;
    this.unit = unit;
    this.unitLog2 = Math.log2(unit);
    this.exactLimit = EXACT_BUCKETS * unit;
    this.pos = new Int32Array(capacity).fill(-1);
    this.large = new SizeTreap(blocks, capacity);
  }

  resize(capacity: number): void {
    this.pos = growInt32(this.pos, capacity);
    this.large.resize(capacity);
  }

  insert(slot: number): void {
    const size = this.blocks.size[slot]!;
    let k: number;
    if (size >= this.exactLimit) {
      this.large.insert(slot);
      k = LARGE;
    } else {
      k = size >>> this.unitLog2;
    }
    const n = this.counts[k]!;
    if (n === this.room[k]!) this.growRoom(k, n);
    if (n === 0 && k !== LARGE) this.nonEmpty.set(k);
    this.counts[k] = n + 1;
    const at = this.roomAt[k]!;
    const start = this.blocks.start[slot]!;
    this.siftUp(at, n, slot, start);
    if (this.roots !== null && this.pos[slot] === 0 && k !== LARGE) {
      if (k >= this.rootsCover) this.buildRoots(k);
      else this.roots.set(k, start);
    }
  }

  remove(slot: number): void {
    this.removeAs(slot, this.blocks.start[slot]!, this.blocks.size[slot]!);
  }

  update(slot: number, oldStart: number, oldSize: number): void {
    this.removeAs(slot, oldStart, oldSize);
    this.insert(slot);
  }

  /** Removes `slot`, listed under the start and size given (its arrays may have moved on). */
  private removeAs(slot: number, start: number, size: number): void {
    let k: number;
    if (size >= this.exactLimit) {
      this.large.remove(slot, start, size);
      k = LARGE;
    } else {
      k = size >>> this.unitLog2;
    }
    const n = this.counts[k]! - 1;
    this.counts[k] = n;
    const i = this.pos[slot]!;
    this.pos[slot] = -1;
    const at = this.roomAt[k]!;
    const pool = this.pool;
    if (n === 0) {
      if (k !== LARGE) this.nonEmpty.clear(k);
    } else if (i !== n) {
      // Put the last entry in the hole, then restore the heap order in whichever direction it is broken.
      const key = pool[2 * (at + n)]!;
      const moved = pool[2 * (at + n) + 1]!;
      if (i > 0 && key < pool[2 * (at + ((i - 1) >> HEAP_SHIFT))]!) this.siftUp(at, i, moved, key);
      else this.siftDown(at, i, moved, key, n);
    }
    if (this.roots !== null && i === 0 && k !== LARGE) this.roots.set(k, n === 0 ? EMPTY : pool[2 * at]!);
  }

  /** [FL-POL-3] The free block of at least `need` bytes with the lowest address, or -1. */
  firstFit(need: number): number {
    const roots = this.roots ?? this.buildRoots(0);
    const k = (need | 0) === need && need <= 0x3fffffff ? (need + this.unit - 1) >>> this.unitLog2 : Math.ceil(need / this.unit);
    if (k < EXACT_BUCKETS) {
      // Every block in bucket k or past it fits (the large ones too): the lowest root wins.
      const b = k < this.rootsCover ? roots.lowestFrom(k) : -1;
      const exact = b < 0 ? EMPTY : roots.leaf(b);
      const large = this.counts[LARGE]! > 0 ? this.pool[2 * this.roomAt[LARGE]!]! : EMPTY;
      if (exact === EMPTY && large === EMPTY) return -1;
      return this.pool[2 * this.roomAt[large < exact ? LARGE : b]! + 1]!;
    }
    // Bigger than any exact bucket: only large blocks can fit; they are few.
    const at = this.roomAt[LARGE]!;
    let best = -1;
    let bestStart = EMPTY;
    for (let i = 0; i < this.counts[LARGE]!; i++) {
      const s = this.pool[2 * (at + i) + 1]!;
      if (this.blocks.size[s]! >= need && this.pool[2 * (at + i)]! < bestStart) {
        best = s;
        bestStart = this.pool[2 * (at + i)]!;
      }
    }
    return best;
  }

  /** (Re)builds the first-fit tree to cover every non-empty exact bucket and bucket `atLeast`. */
  private buildRoots(atLeast: number): RootTree {
    const top = Math.max(atLeast, this.nonEmpty.last());
    let cover = Math.max(64, 2 * this.rootsCover);
    while (cover <= top) cover *= 2;
    const roots = new RootTree(cover);
    for (let k = 0; k < Math.min(cover, EXACT_BUCKETS); k++) if (this.counts[k]! > 0) roots.set(k, this.pool[2 * this.roomAt[k]!]!);
    this.roots = roots;
    this.rootsCover = cover;
    return roots;
  }

  /** [FL-POL-5] The smallest free block of at least `need` bytes, lowest address first; -1 if none. */
  bestFit(need: number): number {
    const k = (need | 0) === need && need <= 0x3fffffff ? (need + this.unit - 1) >>> this.unitLog2 : Math.ceil(need / this.unit);
    if (k < EXACT_BUCKETS) {
      const j = this.nonEmpty.nextFrom(k);
      if (j >= 0) return this.pool[2 * this.roomAt[j]! + 1]!;
    }
    return this.large.ceiling(need);
  }

  /** [FL-POL-6] The largest free block, lowest address first, if it holds `need` bytes; else -1. */
  worstFit(need: number): number {
    const slot = this.largest();
    return slot >= 0 && this.blocks.size[slot]! >= need ? slot : -1;
  }

  /** The largest free block (lowest address among equals), or -1 when nothing is free. */
  largest(): number {
    const big = this.large.largest();
    if (big >= 0) return big;
    const j = this.nonEmpty.last();
    return j < 0 ? -1 : this.pool[2 * this.roomAt[j]! + 1]!;
  }

  verify(slots: readonly number[]): void {
    const seen = new Set<number>();
    const pool = this.pool;
    const rooms: [number, number][] = [];
    for (let k = 0; k < BUCKETS; k++) {
      const n = this.counts[k]!;
      const at = this.roomAt[k]!;
      if (k !== LARGE) invariant(this.nonEmpty.has(k) === n > 0, `size index: bucket ${k} bit disagrees with its count ${n}`);
      if (this.roots !== null && k !== LARGE) {
        invariant(k < this.rootsCover ? this.roots.leaf(k) === (n > 0 ? pool[2 * at] : EMPTY) : n === 0, `size index: bucket ${k}'s lowest address is not its first-fit root`);
      }
      invariant(n <= this.room[k]! && at + this.room[k]! <= this.poolTop && 2 * this.poolTop <= pool.length, `size index: bucket ${k} overflows its room`);
      if (this.room[k]! > 0) rooms.push([at, at + this.room[k]!]);
      for (let i = 0; i < n; i++) {
        const s = pool[2 * (at + i) + 1]!;
        invariant(k === LARGE ? this.blocks.size[s]! >= this.exactLimit : this.blocks.size[s] === k * this.unit, `size index: slot ${s} sits in the wrong bucket ${k}`);
        invariant(pool[2 * (at + i)] === this.blocks.start[s], `size index: slot ${s} is keyed by a stale start`);
        invariant(this.pos[s] === i, `size index: slot ${s} has a stale position`);
        if (i > 0) invariant(pool[2 * (at + ((i - 1) >> HEAP_SHIFT))]! < pool[2 * (at + i)]!, `size index: bucket ${k} is out of address order`);
        seen.add(s);
      }
    }
    rooms.sort((x, y) => x[0] - y[0]);
    for (let r = 1; r < rooms.length; r++) invariant(rooms[r - 1]![1] <= rooms[r]![0], 'size index: two buckets share pool room');
    const large = this.large.slots();
    invariant(large.length === this.counts[LARGE], 'size index: the treap and the large bucket disagree');
    for (const s of large) invariant(this.pos[s]! >= 0 && seen.has(s), `size index: large slot ${s} is not in the large bucket`);
    invariant(seen.size === slots.length && slots.every((s) => seen.has(s)), 'size index: does not hold exactly the free blocks');
    if (this.roots !== null) invariant(this.roots.isConsistent(), 'size index: the first-fit root tree is inconsistent');
    this.large.verify();
  }

  /** Gives bucket `k` (holding `n` entries, its room full) twice the room at the pool's top. */
  private growRoom(k: number, n: number): void {
    const want = Math.max(FIRST_ROOM, 2 * n);
    if (2 * (this.poolTop + want) > this.pool.length) this.repack(want);
    const at = this.poolTop;
    const from = this.roomAt[k]!;
    if (n > 0) this.pool.copyWithin(2 * at, 2 * from, 2 * (from + n));
    this.roomAt[k] = at;
    this.room[k] = want;
    this.poolTop = at + want;
  }

  /**
   * Packs every bucket's room to the pool's front (dropping the space rooms left when
   * they moved up to grow), into a pool with space for `extra` more pairs and at least
   * as much again as the rooms take. A bucket keeps its room while empty, so a bucket
   * that empties and refills (the usual churn) never needs new room.
   */
  private repack(extra: number): void {
    let used = 0;
    for (let k = 0; k < BUCKETS; k++) used += this.room[k]!;
    const old = this.pool;
    let pairs = old.length / 2;
    while (pairs < 2 * (used + extra)) pairs *= 2;
    const pool = new Int32Array(2 * pairs);
    let top = 0;
    for (let k = 0; k < BUCKETS; k++) {
      const room = this.room[k]!;
      if (room === 0) continue;
      const from = this.roomAt[k]!;
      pool.set(old.subarray(2 * from, 2 * (from + this.counts[k]!)), 2 * top);
      this.roomAt[k] = top;
      top += room;
    }
    this.pool = pool;
    this.poolTop = top;
  }

  private siftUp(at: number, i: number, slot: number, key: number): void {
    const pool = this.pool;
    const pos = this.pos;
    while (i > 0) {
      const parent = (i - 1) >> HEAP_SHIFT;
      const parentKey = pool[2 * (at + parent)]!;
      if (parentKey <= key) break;
      const p = pool[2 * (at + parent) + 1]!;
      pool[2 * (at + i)] = parentKey;
      pool[2 * (at + i) + 1] = p;
      pos[p] = i;
      i = parent;
    }
    pool[2 * (at + i)] = key;
    pool[2 * (at + i) + 1] = slot;
    pos[slot] = i;
  }

  private siftDown(at: number, i: number, slot: number, key: number, n: number): void {
    const pool = this.pool;
    const pos = this.pos;
    for (;;) {
      const first = (i << HEAP_SHIFT) + 1;
      if (first >= n) break;
      // The least of up to HEAP_FAN children (their pairs sit side by side in the pool).
      let child = first;
      let childKey = pool[2 * (at + first)]!;
      const end = first + HEAP_FAN < n ? first + HEAP_FAN : n;
      for (let c = first + 1; c < end; c++) {
        const ck = pool[2 * (at + c)]!;
        if (ck < childKey) {
          childKey = ck;
          child = c;
        }
      }
      if (childKey >= key) break;
      const c = pool[2 * (at + child) + 1]!;
      pool[2 * (at + i)] = childKey;
      pool[2 * (at + i) + 1] = c;
      pos[c] = i;
      i = child;
    }
    pool[2 * (at + i)] = key;
    pool[2 * (at + i) + 1] = slot;
    pos[slot] = i;
  }
}

/** Leaves per RootTree block (log2): 16 ran fewer instructions than 8 on the bench trace. */
const BLOCK_SHIFT = 4;
const BLOCK = 1 << BLOCK_SHIFT;

/**
 * The least of the buckets' lowest addresses (EMPTY for an empty bucket) from any bucket
 * on. The leaves are cut into blocks of BLOCK; each block keeps its least leaf, and
 * `fromBlock[b]` is the least over blocks b .. the last (suffix minima), each with the
 * leaf that holds it. "The least leaf from k on" scans the rest of k's block and reads
 * one suffix minimum; setting a leaf touches its block's minimum only when the leaf was
 * or becomes it, and the suffix minima before it only as far as they change.
 */
export class RootTree {
  private readonly leaves: Int32Array;
  private readonly blockMin: Int32Array;
  private readonly blockMinLeaf: Int32Array;
  /** One entry per block, and one more (EMPTY) past the last. */
  private readonly fromBlock: Int32Array;
  private readonly fromBlockLeaf: Int32Array;

  constructor(leaves: number) {
    const blocks = Math.ceil(Math.max(1, leaves) / BLOCK);
    this.leaves = new Int32Array(blocks * BLOCK).fill(EMPTY);
    this.blockMin = new Int32Array(blocks).fill(EMPTY);
    this.blockMinLeaf = new Int32Array(blocks).fill(-1);
    this.fromBlock = new Int32Array(blocks + 1).fill(EMPTY);
    this.fromBlockLeaf = new Int32Array(blocks + 1).fill(-1);
  }

  leaf(k: number): number {
    return this.leaves[k]!;
  }

  /** Sets leaf `k` and restores the block minimum and the suffix minima that change. */
  set(k: number, value: number): void {
    const leaves = this.leaves;
    leaves[k] = value;
    let b = k >> BLOCK_SHIFT;
    const min = this.blockMin[b]!;
    const minLeaf = this.blockMinLeaf[b]!;
    let m = value;
    let mLeaf = k;
    if (value >= min) {
      // Not below the block's minimum: it changes only if this leaf was that minimum.
      if (minLeaf !== k) return;
      m = EMPTY;
      mLeaf = -1;
      for (let i = b << BLOCK_SHIFT; i < (b + 1) << BLOCK_SHIFT; i++) {
        if (leaves[i]! < m) {
          m = leaves[i]!;
          mLeaf = i;
        }
      }
      if (m === min && mLeaf === minLeaf) return;
    }
    this.blockMin[b] = m;
    this.blockMinLeaf[b] = mLeaf;
    const fromBlock = this.fromBlock;
    const fromBlockLeaf = this.fromBlockLeaf;
    m = fromBlock[b + 1]!;
    mLeaf = fromBlockLeaf[b + 1]!;
    for (; b >= 0; b--) {
      const v = this.blockMin[b]!;
      if (v < m) {
        m = v;
        mLeaf = this.blockMinLeaf[b]!;
      }
      if (fromBlock[b] === m && fromBlockLeaf[b] === mLeaf) return;
      fromBlock[b] = m;
      fromBlockLeaf[b] = mLeaf;
    }
  }

  /** The leaf at or past `k` with the least value (-1 when all are EMPTY). */
  lowestFrom(k: number): number {
    const leaves = this.leaves;
    const next = (k >> BLOCK_SHIFT) + 1;
    let best = this.fromBlock[next]!;
    let bestLeaf = this.fromBlockLeaf[next]!;
    for (let i = k; i < next << BLOCK_SHIFT; i++) {
      if (leaves[i]! < best) {
        best = leaves[i]!;
        bestLeaf = i;
      }
    }
    return bestLeaf;
  }

  /** Every block minimum and suffix minimum is the least of its leaves and names the leaf that holds it (for the checkers). */
  isConsistent(): boolean {
    const blocks = this.blockMin.length;
    let m = EMPTY;
    let mLeaf = -1;
    if (this.fromBlock[blocks] !== EMPTY || this.fromBlockLeaf[blocks] !== -1) return false;
    for (let b = blocks - 1; b >= 0; b--) {
      let bm = EMPTY;
      let bmLeaf = -1;
      for (let i = b * BLOCK; i < (b + 1) * BLOCK; i++) {
        if (this.leaves[i]! < bm) {
          bm = this.leaves[i]!;
          bmLeaf = i;
        }
      }
      if (this.blockMin[b] !== bm || this.blockMinLeaf[b] !== bmLeaf) return false;
      if (bm < m) {
        m = bm;
        mLeaf = bmLeaf;
      }
      if (this.fromBlock[b] !== m || this.fromBlockLeaf[b] !== mLeaf) return false;
    }
    return true;
  }
}

/**
 * A treap of free blocks ordered by (size, address). Priorities come from a fixed
 * integer hash, so the shape (which nothing observable depends on) is deterministic.
 */
export class SizeTreap {
  private readonly heap: BlockArrays;
  /** Per-slot links, made on the first insert (most heaps never hold a block this large). */
  private left = new Int32Array(0);
  private right = new Int32Array(0);
  private priority = new Int32Array(0);
  private capacity: number;
  private root = -1;
  private stamp = 0x2545f491;

  constructor(heap: BlockArrays, capacity: number) {
    this.heap = heap;
    this.capacity = capacity;
  }

  resize(capacity: number): void {
    this.capacity = capacity;
    if (this.left.length > 0) this.grow();
  }

  private grow(): void {
    this.left = growInt32(this.left, this.capacity);
    this.right = growInt32(this.right, this.capacity);
    this.priority = growInt32(this.priority, this.capacity, 0);
  }

  insert(slot: number): void {
    if (this.left.length < this.capacity) this.grow();
    this.stamp = nextStamp(this.stamp);
    this.priority[slot] = this.stamp;
    this.left[slot] = -1;
    this.right[slot] = -1;
    this.root = this.insertUnder(this.root, slot);
  }

  /** Removes `slot`, found under the key (size, start) it was inserted with. */
  remove(slot: number, start: number, size: number): void {
    this.root = this.removeUnder(this.root, slot, start, size);
  }

  /** The least (size, address) with size >= need, or -1. */
  ceiling(need: number): number {
    const size = this.heap.size;
    let t = this.root;
    let best = -1;
    while (t >= 0) {
      if (size[t]! >= need) {
        best = t;
        t = this.left[t]!;
      } else {
        t = this.right[t]!;
      }
    }
    return best;
  }

  /** The largest size at its lowest address, or -1 when empty. */
  largest(): number {
    let t = this.root;
    if (t < 0) return -1;
    while (this.right[t]! >= 0) t = this.right[t]!;
    return this.ceiling(this.heap.size[t]!);
  }

  slots(): number[] {
    const out: number[] = [];
    const walk = (t: number): void => {
      if (t < 0) return;
      walk(this.left[t]!);
      out.push(t);
      walk(this.right[t]!);
    };
    walk(this.root);
    return out;
  }

  verify(): void {
    const order = this.slots();
    for (let i = 1; i < order.length; i++) {
      invariant(this.isBefore(order[i - 1]!, order[i]!), 'size treap: entries out of (size, address) order');
    }
  }

  private isBefore(a: number, b: number): boolean {
    const sa = this.heap.size[a]!;
    const sb = this.heap.size[b]!;
    return sa < sb || (sa === sb && this.heap.start[a]! < this.heap.start[b]!);
  }

  private insertUnder(t: number, slot: number): number {
    if (t < 0) return slot;
    if (this.isBefore(slot, t)) {
      const l = this.insertUnder(this.left[t]!, slot);
      this.left[t] = l;
      if (this.priority[l]! > this.priority[t]!) {
        this.left[t] = this.right[l]!;
        this.right[l] = t;
        return l;
      }
    } else {
      const r = this.insertUnder(this.right[t]!, slot);
      this.right[t] = r;
      if (this.priority[r]! > this.priority[t]!) {
        this.right[t] = this.left[r]!;
        this.left[r] = t;
        return r;
      }
    }
    return t;
  }

  private removeUnder(t: number, slot: number, start: number, size: number): number {
    if (t < 0) invariant(false, `size treap: slot ${slot} is not in the tree`);
    if (t === slot) return this.join(this.left[t]!, this.right[t]!);
    const ts = this.heap.size[t]!;
    if (size < ts || (size === ts && start < this.heap.start[t]!)) this.left[t] = this.removeUnder(this.left[t]!, slot, start, size);
    else this.right[t] = this.removeUnder(this.right[t]!, slot, start, size);
    return t;
  }

  private join(a: number, b: number): number {
    if (a < 0) return b;
    if (b < 0) return a;
    if (this.priority[a]! > this.priority[b]!) {
      this.right[a] = this.join(this.right[a]!, b);
      return a;
    }
    this.left[b] = this.join(a, this.left[b]!);
    return b;
  }
}

/** xorshift32: the treap's deterministic priorities. */
function nextStamp(x: number): number {
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x | 0;
}
