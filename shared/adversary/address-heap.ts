// A binary min-heap of nodes by address whose nodes know their own position, so a
// node can be removed from the middle in O(log n). The adversaries keep one per
// bucket of equal keys, to take the lowest-addressed node of a bucket.

export interface HeapNode {
  readonly start: number;
  /** Position inside the heap that holds it; -1 when in none. */
  pos: number;
}

export class AddressHeap<N extends HeapNode> {
  private readonly items: N[] = [];

  get size(): number {
    return this.items.length;
  }

  /** The lowest-addressed node, or undefined. */
  peek(): N | undefined {
    return this.items[0];
  }

  push(node: N): void {
    node.pos = this.items.length;
    this.items.push(node);
    this.siftUp(node.pos);
  }

  remove(node: N): void {
    const at = node.pos;
    const last = this.items.pop();
    node.pos = -1;
    if (!last || last === node) return;
    this.items[at] = last;
    last.pos = at;
    this.siftUp(at);
    this.siftDown(last.pos);
  }

  private at(i: number): N {
    return this.items[i] as N;
  }

  private swap(i: number, j: number): void {
    const a = this.at(i);
    const b = this.at(j);
    this.items[i] = b;
    this.items[j] = a;
    b.pos = i;
    a.pos = j;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.at(parent).start <= this.at(i).start) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < n && this.at(l).start < this.at(min).start) min = l;
      if (r < n && this.at(r).start < this.at(min).start) min = r;
      if (min === i) return;
      this.swap(i, min);
      i = min;
    }
  }
}
