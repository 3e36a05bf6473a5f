// The results screen's layout, pure (no Phaser): text sizes for the screen (larger on a
// projector, by the play screen's rule, play/layout.ts projectorScale; smaller on a phone,
// where the score's terms wrap over many lines), then where the panels and the buttons go
// once the texts' heights are known. The bar chart and the plot never overlap: on a
// narrow screen they stack, and the plot keeps a readable height.

import { projectorScale } from './play/layout.ts';

/** Below this width the results are laid out as a phone's. */
const NARROW = 640;
/** The least height a plot is drawn at; the bar chart gives up rows' comfort for it. */
const PLOT_MIN = 150;
const GAP = 8;

export interface ResultsType {
  /** The projector's factor (1 elsewhere). */
  readonly scale: number;
  /** The player's text size the words are drawn at (1 to 2: a11y/comfort.ts), which also widens the buttons. */
  readonly grow: number;
  readonly heading: number;
  readonly body: number;
  /** Between the lines of the summary and the debrief. */
  readonly lineSpacing: number;
  readonly star: number;
  /** From one star to the next. */
  readonly starStep: number;
  readonly button: { readonly height: number; readonly fontSize: number };
  readonly pad: number;
}

/** [Item 19] The results' text and button sizes for a screen of this size, at the player's text size `grow`. */
export function resultsType(width: number, height: number, grow = 1): ResultsType {
  const scale = projectorScale(width, height);
  const narrow = width < NARROW;
  const buttonFont = Math.round(20 * scale);
  return {
    scale,
    grow,
    heading: Math.round((narrow ? 22 : 26) * scale * grow),
    body: Math.round((narrow ? 14 : 17) * scale * grow),
    lineSpacing: narrow ? 2 : Math.round(5 * scale),
    star: Math.round((narrow ? 28 : 34) * scale * grow),
    starStep: Math.round((narrow ? 32 : 38) * scale * grow),
    // The button's label size at 100 % (Button.ts draws it at the player's text size); the height holds it.
    button: { height: Math.max(Math.round((narrow ? 48 : 56) * scale), Math.ceil(buttonFont * grow * 1.25) + 14), fontSize: buttonFont },
    pad: width < 700 ? 12 : Math.round(24 * scale),
  };
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface ResultsLayoutInput {
  readonly width: number;
  readonly height: number;
  readonly type: ResultsType;
  /** Where the panels may start (under the heading, the summary and the debrief). */
  readonly top: number;
  /** The bar chart's height with its rows at their comfortable spacing, and at their tightest. */
  readonly barsHeight: number;
  readonly barsMinHeight: number;
  /** A class round's results: two buttons (back to the class, replay), in one row everywhere. */
  readonly inClass: boolean;
  /** The buttons' widths as made (before a projector scales them): again/back, levels, replay. */
  readonly buttonWidths: readonly [number, number, number];
}

export interface ResultsLayout {
  readonly bars: Box;
  readonly plot: Box;
  /** The replay, where it is shown: the bars' and the plot's room together. */
  readonly replay: Box;
  /** Again (or back to the class), levels, replay: centres and sizes. */
  readonly buttons: readonly [Box, Box, Box];
}

/**
 * Side by side from 1100 px across; stacked below, the bars taking what their rows need
 * (at most half, at least their tightest) and leaving the plot PLOT_MIN where they can. A phone puts its buttons in two rows (play
 * again and levels, then the replay), a wider screen in one row.
 */
export function resultsLayout(input: ResultsLayoutInput): ResultsLayout {
  const { width, height, type, top, inClass } = input;
  const pad = type.pad;
  const narrow = width < NARROW && !inClass;
  const buttonH = type.button.height;
  const buttonRows = narrow ? 2 : 1;
  const rest = Math.max(0, height - top - buttonRows * (buttonH + 10) - 14);
  const inner = width - 2 * pad;
  let bars: Box;
  let plot: Box;
  if (width >= 1100) {
    bars = { x: pad, y: top, w: width / 2 - 1.5 * pad, h: rest };
    plot = { x: width / 2 + pad / 2, y: top, w: width / 2 - 1.5 * pad, h: rest };
  } else {
    // What the rows need, up to half (more where their tightest needs more), but the plot keeps PLOT_MIN
    // unless the rows at their tightest need that room too; never past the room there is.
    const wanted = Math.min(input.barsHeight + GAP, Math.max(rest / 2, input.barsMinHeight));
    const barsH = Math.min(rest, Math.max(input.barsMinHeight, Math.min(wanted, rest - GAP - PLOT_MIN)));
    bars = { x: pad, y: top, w: inner, h: barsH };
    plot = { x: pad, y: top + barsH + GAP, w: inner, h: Math.max(0, rest - barsH - GAP) };
  }
  const bottomRow = height - 10 - buttonH / 2;
  // Wider for larger text, but the row never wider than the screen.
  const wanted = input.buttonWidths.map((w) => w * type.scale * type.grow);
  const fit = Math.min(1, (inner - 20) / wanted.reduce((a, b) => a + b, 0));
  const [againW, levelsW, replayW] = wanted.map((w) => Math.floor(w * fit)) as [number, number, number];
  let buttons: [Box, Box, Box];
  if (narrow) {
    const half = (inner - 10) / 2;
    const upperRow = bottomRow - buttonH - 10;
    buttons = [
      { x: pad + half / 2, y: upperRow, w: half, h: buttonH },
      { x: width - pad - half / 2, y: upperRow, w: half, h: buttonH },
      { x: width / 2, y: bottomRow, w: inner, h: buttonH },
    ];
  } else if (inClass) {
    const each = Math.min(240 * type.scale * type.grow, (inner - 10) / 2);
    buttons = [
      { x: pad + each / 2, y: bottomRow, w: each, h: buttonH },
      { x: -10_000, y: -10_000, w: levelsW, h: buttonH },
      { x: pad + each + 10 + each / 2, y: bottomRow, w: each, h: buttonH },
    ];
  } else {
    buttons = [
      { x: pad + againW / 2, y: bottomRow, w: againW, h: buttonH },
      { x: pad + againW + 10 + levelsW / 2, y: bottomRow, w: levelsW, h: buttonH },
      { x: pad + againW + levelsW + 20 + replayW / 2, y: bottomRow, w: replayW, h: buttonH },
    ];
  }
  return { bars, plot, replay: { x: pad, y: top, w: inner, h: rest }, buttons };
}

/** The replay's row of rivals (each policy and the clairvoyant): chips left to right, wrapping into rows. */
export interface ChipRows {
  /** Each chip's centre and size, from the row's top-left corner. */
  readonly chips: readonly Box[];
  /** The rows' height together (0 without chips). */
  readonly height: number;
}

/** [Item 12] Lays chips of these widths left to right in rows `maxWidth` wide (a chip wider than a row is cut to it). */
export function chipRows(widths: readonly number[], maxWidth: number, chipHeight: number, gap = 8): ChipRows {
  const chips: Box[] = [];
  let x = 0;
  let y = 0;
  for (const wanted of widths) {
    const w = Math.min(wanted, maxWidth);
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      y += chipHeight + gap;
    }
    chips.push({ x: x + w / 2, y: y + chipHeight / 2, w, h: chipHeight });
    x += w + gap;
  }
  return { chips, height: chips.length ? y + chipHeight : 0 };
}
