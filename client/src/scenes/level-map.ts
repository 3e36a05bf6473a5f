// The level map's geometry, pure (no Phaser): where each stop sits on the winding path
// (rows that snake left-right, as many stops per row as fit) and where each chapter is
// marked: a bracket over each run of its stops on a row, and its title over the longest
// run. A row where a title goes gets a band above it when the rows leave no room of
// their own (on a phone).

export interface MapGeometry {
  readonly width: number;
  /** The screen's margin left and right. */
  readonly pad: number;
  /** Where the first row's band starts (under the heading). */
  readonly top: number;
  readonly radius: number;
  /** The least room a stop takes across (its number, stars and title). */
  readonly cell: number;
  /** From one row's centres to the next's. */
  readonly rowHeight: number;
  /** Extra height above a row where a chapter begins (0 when the rows have room for a title). */
  readonly captionBand: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface MapLayout {
  readonly perRow: number;
  readonly centres: readonly Point[];
  /** Below the last row: where the chosen level's words start. */
  readonly bottom: number;
}

/** A bracket over a run of a chapter's stops on one row, from `x0` to `x1` at height `y` (above the stops' rings, clear of the selection ring). */
export interface ChapterRun {
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

/** A chapter on the map: its runs of stops, row by row, and the run its title is centred over. */
export interface ChapterPlace {
  readonly chapter: number;
  readonly runs: readonly ChapterRun[];
  /** The longest run (the first of equals): the title goes over it, no wider than it. */
  readonly titled: ChapterRun;
}

/** Room left between the brackets of two chapters on one row. */
const BRACKET_GAP = 8;

/**
 * Places `count` stops in rows that snake left-right. A row that carries a chapter's
 * title is pushed down by the caption band, and so is everything after it.
 */
export function layOutStops(count: number, chapterOfStop: readonly number[], g: MapGeometry): MapLayout {
  const perRow = Math.max(2, Math.floor((g.width - 2 * g.pad - 2 * (g.radius + 14)) / g.cell));
  const left = g.pad + g.radius + 14;
  const span = g.width - 2 * left;
  const titled = titledRows(chapterOfStop.slice(0, count), perRow);
  const rows = Math.ceil(count / perRow);
  const rowY: number[] = [];
  let y = g.top + g.radius + 6;
  for (let row = 0; row < rows; row++) {
    if (titled.has(row)) y += g.captionBand;
    rowY.push(y);
    y += g.rowHeight;
  }
  const centres = Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow);
    const col = row % 2 === 0 ? i % perRow : perRow - 1 - (i % perRow);
    return { x: left + (col * span) / Math.max(1, perRow - 1), y: rowY[row] ?? 0 };
  });
  return { perRow, centres, bottom: y };
}

/** Stops of the same chapter and row, in order: [first, last] index pairs. */
function runsOfStops(chapterOfStop: readonly number[], perRow: number): { chapter: number; first: number; last: number }[] {
  const runs: { chapter: number; first: number; last: number }[] = [];
  chapterOfStop.forEach((chapter, i) => {
    const run = runs[runs.length - 1];
    if (run && run.chapter === chapter && Math.floor(run.first / perRow) === Math.floor(i / perRow)) run.last = i;
    else runs.push({ chapter, first: i, last: i });
  });
  return runs;
}

/** The longest of each chapter's runs (the first of equals): where its title goes. */
function titledRuns(chapterOfStop: readonly number[], perRow: number): Map<number, { first: number; last: number }> {
  const titled = new Map<number, { first: number; last: number }>();
  for (const run of runsOfStops(chapterOfStop, perRow)) {
    const best = titled.get(run.chapter);
    if (!best || run.last - run.first > best.last - best.first) titled.set(run.chapter, run);
  }
  return titled;
}

/** The rows that carry a chapter's title. */
function titledRows(chapterOfStop: readonly number[], perRow: number): Set<number> {
  return new Set([...titledRuns(chapterOfStop, perRow).values()].map((run) => Math.floor(run.first / perRow)));
}

/**
 * Where each chapter is marked: a bracket over each run of its stops on a row, reaching
 * halfway to the neighbouring stops (less a small gap, so two chapters' brackets on a row
 * stay apart) and no further than the margins; its title goes over the longest run.
 */
export function placeChapters(layout: MapLayout, chapterOfStop: readonly number[], g: MapGeometry): ChapterPlace[] {
  const step = layout.perRow > 1 ? Math.abs((layout.centres[1]?.x ?? 0) - (layout.centres[0]?.x ?? 0)) : g.cell;
  const reach = Math.max(g.radius, step / 2 - BRACKET_GAP / 2);
  const bracketOver = (run: { first: number; last: number }): ChapterRun => {
    const xs = [layout.centres[run.first]?.x ?? 0, layout.centres[run.last]?.x ?? 0];
    const y = (layout.centres[run.first]?.y ?? 0) - g.radius - 10;
    return { x0: Math.max(g.pad, Math.min(...xs) - reach), x1: Math.min(g.width - g.pad, Math.max(...xs) + reach), y };
  };
  const titled = titledRuns(chapterOfStop, layout.perRow);
  const places = new Map<number, ChapterRun[]>();
  for (const run of runsOfStops(chapterOfStop, layout.perRow)) places.set(run.chapter, [...(places.get(run.chapter) ?? []), bracketOver(run)]);
  return [...places.entries()].map(([chapter, runs]) => {
    const longest = titled.get(chapter);
    return { chapter, runs, titled: longest ? bracketOver(longest) : (runs[0] ?? { x0: 0, x1: 0, y: 0 }) };
  });
}
