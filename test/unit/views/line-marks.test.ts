// What the heap line marks for a level's idea (client/src/views/line-marks.ts): the
// rover on the next-fit level and the list order (LIFO, FIFO or by address, as the player
// chooses) on the list-order level, both as the engine's kind view says; nothing elsewhere.
import { describe, expect, it } from 'vitest';
import { NO_MARKS, lineMarks } from '../../../client/src/views/line-marks.ts';
import type { KindView } from '../../../shared/match/kind-view.ts';

const VIEW = { kind: 'freelist', rule: {}, rover: 40, listOrder: { lifo: [30, 10, 60], fifo: [60, 10, 30] } } as unknown as KindView;

describe('the line marks', () => {
  it('[MATCH-VIEW-5] shows the rover on the next-fit level and the LIFO order on the list-order level, from the kind view', () => {
    expect(lineMarks('next-fit', VIEW)).toEqual({ rover: 40, listOrder: null });
    expect(lineMarks('free-list-order', VIEW)).toEqual({ rover: null, listOrder: { name: 'LIFO', addresses: [30, 10, 60] } });
  });

  it('[MATCH-VIEW-5] on the list-order level numbers the holes in the order the player chose: LIFO, FIFO, or by address', () => {
    expect(lineMarks('free-list-order', VIEW, 'fifo')).toEqual({ rover: null, listOrder: { name: 'FIFO', addresses: [60, 10, 30] } });
    expect(lineMarks('free-list-order', VIEW, 'address')).toEqual({ rover: null, listOrder: { name: 'address', addresses: [10, 30, 60] } });
    // Numbering by address sorts a copy: the engine's LIFO list is left as it was.
    expect(VIEW.kind === 'freelist' && VIEW.listOrder.lifo).toEqual([30, 10, 60]);
  });

  it('marks nothing on other levels, in a class, or on other kinds', () => {
    expect(lineMarks('first-fit', VIEW)).toEqual(NO_MARKS);
    expect(lineMarks(undefined, VIEW)).toEqual(NO_MARKS);
    expect(lineMarks('next-fit', { kind: 'arena', arenas: [] })).toEqual(NO_MARKS);
  });
});
