// What the heap line marks for a level's idea (client/src/views/line-marks.ts): the
// rover on the next-fit level and the LIFO list order on the list-order level, both as
// the engine's kind view says; nothing elsewhere.
import { describe, expect, it } from 'vitest';
import { NO_MARKS, lineMarks } from '../../../client/src/views/line-marks.ts';
import type { KindView } from '../../../shared/match/kind-view.ts';

const VIEW = { kind: 'freelist', rule: {}, rover: 40, listOrder: { lifo: [30, 10, 60], fifo: [60, 10, 30] } } as unknown as KindView;

describe('the line marks', () => {
  it('[MATCH-VIEW-5] shows the rover on the next-fit level and the LIFO order on the list-order level, from the kind view', () => {
    expect(lineMarks('next-fit', VIEW)).toEqual({ rover: 40, listOrder: null });
    expect(lineMarks('free-list-order', VIEW)).toEqual({ rover: null, listOrder: { name: 'LIFO', addresses: [30, 10, 60] } });
  });

  it('marks nothing on other levels, in a class, or on other kinds', () => {
    expect(lineMarks('first-fit', VIEW)).toEqual(NO_MARKS);
    expect(lineMarks(undefined, VIEW)).toEqual(NO_MARKS);
    expect(lineMarks('next-fit', { kind: 'arena', arenas: [] })).toEqual(NO_MARKS);
  });
});
