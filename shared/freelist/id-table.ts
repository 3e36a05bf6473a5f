// Request id -> block slot. Ids are whole numbers; the common small ones (traces and
// matches number them from 0) live in a growable Int32Array, any others in a Map.

const DENSE_LIMIT = 1 << 24;

export class IdTable {
  private dense = new Int32Array(1024).fill(-1);
  private readonly sparse = new Map<number, number>();

  /** The slot of live id `id`, or -1. */
  get(id: number): number {
    if (id >= 0 && id < this.dense.length) return this.dense[id]!;
    if (id >= 0 && id < DENSE_LIMIT) return -1;
    return this.sparse.get(id) ?? -1;
  }

  set(id: number, slot: number): void {
    if (id >= 0 && id < DENSE_LIMIT) {
      if (id >= this.dense.length) this.growTo(id);
      this.dense[id] = slot;
    } else {
      this.sparse.set(id, slot);
    }
  }

  delete(id: number): void {
    if (id >= 0 && id < this.dense.length) this.dense[id] = -1;
    else this.sparse.delete(id);
  }

  private growTo(id: number): void {
    let length = this.dense.length;
    // Fourfold: a trace's ids climb steadily, and each step leaves the old table as garbage.
    while (length <= id) length *= 4;
    const grown = new Int32Array(Math.min(length, DENSE_LIMIT)).fill(-1);
    grown.set(this.dense);
    this.dense = grown;
  }
}
