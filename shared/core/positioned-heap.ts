// A binary heap whose members know their own position in it (`heapPos`), so any member
// can be removed or re-keyed in O(log n), not just the first. The order is the
// `before(a, b)` given at construction. The adversaries keep one per bucket of equal
// keys (lowest address first); each slab cache keeps its partial slabs in one (fullest
// first).

export interface Positioned {
  /** Position in the heap's array; -1 when in no heap. */
  heapPos: number;
}

export class PositionedHeap<T extends Positioned> {
  private readonly items: T[] = [];
  private readonly before: (a: T, b: T) => boolean;

  constructor(before: (a: T, b: T) => boolean) {
    this.before = before;
  }

  get size(): number {
    return this.items.length;
  }

  /** The member that comes first, or undefined. */
  peek(): T | undefined {
    return this.items[0];
  }

  has(item: T): boolean {
    return item.heapPos >= 0 && this.items[item.heapPos] === item;
  }

  push(item: T): void {
    item.heapPos = this.items.length;
    this.items.push(item);
    this.siftUp(item.heapPos);
  }

  remove(item: T): void {
    const index = item.heapPos;
    const last = this.items.pop();
    item.heapPos = -1;
    if (!last || last === item) return;
    this.place(last, index);
    this.siftUp(index);
    this.siftDown(last.heapPos);
  }

  /** Restores the order after `item`'s key changed. */
  update(item: T): void {
    this.siftUp(item.heapPos);
    this.siftDown(item.heapPos);
  }

  /** True when no member comes before its parent and every position is right. */
  isConsistent(): boolean {
    return this.items.every((item, i) => {
      const parent = this.items[(i - 1) >> 1];
      return item.heapPos === i && (i === 0 || (parent !== undefined && !this.before(item, parent)));
    });
  }

  members(): readonly T[] {
    return this.items;
  }

  private place(item: T, index: number): void {
    this.items[index] = item;
    item.heapPos = index;
  }

  private siftUp(start: number): void {
    let index = start;
    const item = this.items[index];
    if (!item) return;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.items[parentIndex];
      if (!parent || !this.before(item, parent)) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(item, index);
  }

  private siftDown(start: number): void {
    let index = start;
    const item = this.items[index];
    if (!item) return;
    for (;;) {
      let best = item;
      let bestIndex = index;
      for (let childIndex = 2 * index + 1; childIndex <= 2 * index + 2; childIndex++) {
        const child = this.items[childIndex];
        if (child && this.before(child, best)) {
          best = child;
          bestIndex = childIndex;
        }
      }
      if (bestIndex === index) break;
      this.place(best, index);
      index = bestIndex;
    }
    this.place(item, index);
  }
}
