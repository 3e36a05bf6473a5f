// The partial slabs of one cache ordered for "fullest first": a binary heap keyed by
// (objects in use, descending; slab id, ascending) that can also remove or re-key any
// member in O(log n). Each member carries its own position in `heapIndex`.

export interface FillKeyed {
  readonly id: number;
  readonly used: number;
  /** Position in the heap's array; -1 when not in a heap. */
  heapIndex: number;
}

function isBefore(a: FillKeyed, b: FillKeyed): boolean {
  return a.used !== b.used ? a.used > b.used : a.id < b.id;
}

export class FillHeap<T extends FillKeyed> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  /** The fullest member (lowest id among equals), or undefined. */
  peek(): T | undefined {
    return this.items[0];
  }

  has(item: T): boolean {
    return item.heapIndex >= 0 && this.items[item.heapIndex] === item;
  }

  push(item: T): void {
    item.heapIndex = this.items.length;
    this.items.push(item);
    this.siftUp(item.heapIndex);
  }

  remove(item: T): void {
    const index = item.heapIndex;
    const last = this.items.pop();
    item.heapIndex = -1;
    if (!last || last === item) return;
    this.place(last, index);
    this.siftUp(index);
    this.siftDown(last.heapIndex);
  }

  /** Restores the order after `item.used` changed. */
  update(item: T): void {
    this.siftUp(item.heapIndex);
    this.siftDown(item.heapIndex);
  }

  /** True when every parent comes before its children and every position is right. */
  isConsistent(): boolean {
    return this.items.every((item, i) => {
      const parent = this.items[(i - 1) >> 1];
      return item.heapIndex === i && (i === 0 || (parent !== undefined && !isBefore(item, parent)));
    });
  }

  members(): readonly T[] {
    return this.items;
  }

  private place(item: T, index: number): void {
    this.items[index] = item;
    item.heapIndex = index;
  }

  private siftUp(start: number): void {
    let index = start;
    const item = this.items[index];
    if (!item) return;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.items[parentIndex];
      if (!parent || !isBefore(item, parent)) break;
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
        if (child && isBefore(child, best)) {
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
