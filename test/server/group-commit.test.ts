// Group commit (server/storage/group-commit.ts): the writes asked for in one turn of the
// event loop go in one batch; each caller hears back only once its batch is written; a
// batch that fails is written again one by one, so only the bad write is refused. The
// stores' own use of it is in the storage contract (test/server/storage.test.ts).

import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../server/storage/group-commit.ts';

/** A writer that records its batches; `bad` items fail, and so does any batch holding one. */
function recordingWriter(bad: ReadonlySet<number> = new Set()) {
  const batches: number[][] = [];
  const written: number[] = [];
  const check = (items: readonly number[]): void => {
    if (items.some((i) => bad.has(i))) throw new Error(`bad item in ${items.join(',')}`);
  };
  return {
    batches,
    written,
    writer: {
      all: (items: readonly number[]) => {
        batches.push([...items]);
        check(items);
        written.push(...items);
      },
      one: (item: number) => {
        batches.push([item]);
        check([item]);
        written.push(item);
      },
    },
  };
}

describe('group commit', () => {
  it('writes what one turn asks for as one batch, and answers each caller after it is written', async () => {
    const { batches, written, writer } = recordingWriter();
    const commit = new GroupCommit(writer);
    const settled: number[] = [];
    const all = [1, 2, 3].map((i) => commit.add(i).then(() => settled.push(i)));
    expect(written).toEqual([]);
    await Promise.all(all);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(settled).toEqual([1, 2, 3]);
    await commit.add(4);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('refuses only the bad write of a failed batch; the others are written', async () => {
    const { written, writer } = recordingWriter(new Set([2]));
    const commit = new GroupCommit(writer);
    const answers = await Promise.allSettled([1, 2, 3].map((i) => commit.add(i)));
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(written).toEqual([1, 3]);
  });

  it('gathers what is asked while an asynchronous batch is being written into the next one', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const commit = new GroupCommit<number>({
      all: async (items) => {
        batches.push([...items]);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      one: async (item) => {
        batches.push([item]);
        if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = commit.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    const later = [commit.add(2), commit.add(3)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('keeps batches within maxBatch', async () => {
    const { batches, writer } = recordingWriter();
    const commit = new GroupCommit({ ...writer, maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((i) => commit.add(i)));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('drain waits for every write asked for', async () => {
    const { written, writer } = recordingWriter();
    const commit = new GroupCommit(writer);
    void commit.add(1);
    void commit.add(2);
    await commit.drain();
    expect(written).toEqual([1, 2]);
  });
});
