// The level map's geometry (client/src/scenes/level-map.ts): stops snake row by row; each
// chapter gets a bracket over each run of its stops on a row, apart from its neighbours'
// and inside the margins, and its title over the longest run, whose row makes room for it.
import { describe, expect, it } from 'vitest';
import { layOutStops, placeChapters, type MapGeometry } from '../../../client/src/scenes/level-map.ts';

/** A phone's map: 3 stops a row at x 46, 195 and 344 (149 apart). */
const phone: MapGeometry = { width: 390, pad: 12, top: 64, radius: 20, cell: 88, rowHeight: 76, captionBand: 16 };

describe('the level map', () => {
  it('snakes the stops left-right, a row at a time', () => {
    const layout = layOutStops(7, [0, 0, 0, 0, 0, 0, 0], { ...phone, captionBand: 0 });
    expect(layout.perRow).toBe(3);
    expect(layout.centres.map((c) => c.x)).toEqual([46, 195, 344, 344, 195, 46, 46]);
    expect(layout.centres.map((c) => c.y)).toEqual([90, 90, 90, 166, 166, 166, 242]);
    expect(layout.bottom).toBe(318);
  });

  it('pushes a row that carries a chapter\'s title down by the caption band, and everything after', () => {
    // Chapter 0 runs over stops 0-3: its longest run is row 0 (0-2). Chapter 1 (4-6): rows 1 (4, 5) and 2 (6): row 1.
    const layout = layOutStops(7, [0, 0, 0, 0, 1, 1, 1], phone);
    expect(layout.centres.map((c) => c.y)).toEqual([106, 106, 106, 198, 198, 198, 274]);
    expect(layout.bottom).toBe(350);
  });

  it('brackets each run of a chapter\'s stops on a row, reaching halfway to the neighbours, inside the margins', () => {
    const chapters = [0, 0, 1, 1, 1, 2, 2];
    const layout = layOutStops(7, chapters, phone);
    const places = placeChapters(layout, chapters, phone);
    expect(places.map((p) => p.chapter)).toEqual([0, 1, 2]);
    const [first, second, third] = places;
    const ringTop = (stop: number): number => layout.centres[stop]!.y - phone.radius;
    // Chapter 0: stops 0 and 1 on row 0 (x 46, 195): from the margin to halfway to stop 2, less half the 8 px gap.
    expect(first?.runs).toEqual([{ x0: 12, x1: 195 + 70.5, y: ringTop(0) - 10 }]);
    // Chapter 1: stop 2 on row 0, stops 3 and 4 on row 1 (x 344 and 195).
    expect(second?.runs).toEqual([
      { x0: 344 - 70.5, x1: 378, y: ringTop(2) - 10 },
      { x0: 195 - 70.5, x1: 378, y: ringTop(3) - 10 },
    ]);
    // Chapter 2: stop 5 on row 1 (x 46), stop 6 on row 2 (x 46).
    expect(third?.runs.map((r) => [r.x0, r.x1])).toEqual([[12, 46 + 70.5], [12, 46 + 70.5]]);
    // Two chapters' brackets on one row stay apart.
    expect(second!.runs[0]!.x0 - first!.runs[0]!.x1).toBe(8);
  });

  it('titles each chapter over its longest run (the first of equals)', () => {
    const chapters = [0, 0, 1, 1, 1, 2, 2];
    const layout = layOutStops(7, chapters, phone);
    const [first, second, third] = placeChapters(layout, chapters, phone);
    expect(first?.titled).toEqual(first?.runs[0]);
    expect(second?.titled).toEqual(second?.runs[1]);
    expect(third?.titled).toEqual(third?.runs[0]);
  });
});
