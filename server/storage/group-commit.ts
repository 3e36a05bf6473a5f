// Group commit for a store's hot write (PostgreSQL's moves of a class): the writes asked for
// while the event loop is busy are gathered and written together, in one statement, at the next
// turn of the loop (or, while a batch is being written, as soon as it is done). Each
// caller's promise settles only when the transaction holding its write has committed, so
// a move acknowledged after `await add(…)` is as durable as one written on its own.
// A batch that fails as a whole (one bad row rolls back the rest) is written again one
// write at a time, so only the bad write is refused.
//
// Why: PostgreSQL pays a round trip per statement; hundreds of moves a second made that
// most of a move's storage cost. (SQLite writes each move at once: its batches held one
// move and cost a transaction more, sqlite-storage.ts.)

/** How a store writes a batch (atomically: all or none) and a single item. */
export interface BatchWriter<T> {
  readonly all: (items: readonly T[]) => Promise<void> | void;
  readonly one: (item: T) => Promise<void> | void;
  /** At most this many items in one batch (PostgreSQL allows 65,535 parameters a statement). */
  readonly maxBatch?: number;
}

interface Waiting<T> {
  readonly item: T;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommit<T> {
  private readonly writer: BatchWriter<T>;
  private queue: Waiting<T>[] = [];
  private scheduled = false;
  /** The batch being written (PostgreSQL's are asynchronous); the next one gathers meanwhile. */
  private writing: Promise<void> | null = null;

  constructor(writer: BatchWriter<T>) {
    this.writer = writer;
  }

  /** Writes `item` with whatever else is asked for in this turn; settles once it is committed. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Settles when every write asked for so far has been written (or refused). */
  async drain(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      if (this.writing) await this.writing;
      else await this.flush();
    }
  }

  private schedule(): void {
    if (this.scheduled || this.writing) return;
    this.scheduled = true;
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    if (this.writing) return;
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.writer.maxBatch ?? this.queue.length);
    this.writing = this.write(batch);
    try {
      await this.writing;
    } finally {
      this.writing = null;
      if (this.queue.length > 0) this.schedule();
    }
  }

  private async write(batch: readonly Waiting<T>[]): Promise<void> {
    if (batch.length > 1) {
      try {
        await this.writer.all(batch.map((w) => w.item));
        for (const w of batch) w.resolve();
        return;
      } catch {
        // One bad write spoils the batch: each is tried alone below, so only it is refused.
      }
    }
    for (const w of batch) {
      try {
        await this.writer.one(w.item);
        w.resolve();
      } catch (error: unknown) {
        w.reject(error);
      }
    }
  }
}
