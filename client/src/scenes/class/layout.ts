// Screen geometry for the classroom scenes: rectangles, splitting a rectangle into
// rows and columns, and the two screen shapes the scenes plan for (a phone held
// upright, where panels stack or become tabs, and a wide screen up to a 1920x1080
// projector, where they sit side by side). Pure arithmetic, no Phaser.

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Narrower than this, panels stack (a phone held upright is about 390 px wide). */
export const NARROW_WIDTH = 760;

export function isNarrow(width: number): boolean {
  return width < NARROW_WIDTH;
}

/** The margin around the screen's edge: 12 px on a phone, up to 32 px on a projector. */
export function screenMargin(width: number): number {
  return Math.round(Math.max(12, Math.min(32, width / 60)));
}

/** The top `height` px of a box, and what is left under it (with `gap` between). */
export function takeTop(box: Box, height: number, gap = 0): [Box, Box] {
  const h = Math.min(box.h, Math.max(0, height));
  const rest = Math.max(0, box.h - h - gap);
  return [{ ...box, h }, { x: box.x, y: box.y + box.h - rest, w: box.w, h: rest }];
}

/** Lengths in proportion to `weights` that, with `gap` between them, add up to `length`. */
function shares(length: number, weights: readonly number[], gap: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const free = Math.max(0, length - gap * (weights.length - 1));
  return weights.map((weight) => Math.floor((free * weight) / total));
}

/**
 * Splits a box into columns by weight, with `gap` px between them: [2, 1] gives
 * two thirds and one third of the width left after the gaps.
 */
export function splitColumns(box: Box, weights: readonly number[], gap: number): Box[] {
  let x = box.x;
  return shares(box.w, weights, gap).map((w) => {
    const column = { x, y: box.y, w, h: box.h };
    x += w + gap;
    return column;
  });
}

/** The same for rows. */
export function splitRows(box: Box, weights: readonly number[], gap: number): Box[] {
  let y = box.y;
  return shares(box.h, weights, gap).map((h) => {
    const row = { x: box.x, y, w: box.w, h };
    y += h + gap;
    return row;
  });
}

/** Cells of a grid filled row by row: as many columns of at least `minCellWidth` as fit. */
export function gridCells(box: Box, count: number, minCellWidth: number, cellHeight: number, gap: number): Box[] {
  const columns = Math.max(1, Math.floor((box.w + gap) / (minCellWidth + gap)));
  const cellWidth = Math.floor((box.w - gap * (columns - 1)) / columns);
  const rows = Math.max(0, Math.floor((box.h + gap) / (cellHeight + gap)));
  const cells: Box[] = [];
  for (let i = 0; i < Math.min(count, rows * columns); i++) {
    const column = i % columns;
    const row = Math.floor(i / columns);
    cells.push({ x: box.x + column * (cellWidth + gap), y: box.y + row * (cellHeight + gap), w: cellWidth, h: cellHeight });
  }
  return cells;
}

/** Two columns, `left` : `right` in width. */
export function twoColumns(box: Box, left: number, right: number, gap: number): [Box, Box] {
  const [a, b] = splitColumns(box, [left, right], gap);
  return [a ?? box, b ?? box];
}

/** Two rows, `top` : `bottom` in height. */
export function twoRows(box: Box, top: number, bottom: number, gap: number): [Box, Box] {
  const [a, b] = splitRows(box, [top, bottom], gap);
  return [a ?? box, b ?? box];
}
