// The results screen's layout (client/src/scenes/results-layout.ts, issue 13 item 19): a
// projector's texts and buttons are larger by the play screen's rule; on a phone the bar
// chart and the plot stack without overlapping, and nothing runs under the buttons.
import { describe, expect, it } from 'vitest';
import { chipRows, resultsLayout, resultsType, type Box, type ResultsLayoutInput } from '../../../client/src/scenes/results-layout.ts';
import { projectorScale } from '../../../client/src/scenes/play/layout.ts';

const WIDTHS = [220, 180, 180] as const;

function input(width: number, height: number, top: number, extra: Partial<ResultsLayoutInput> = {}): ResultsLayoutInput {
  return { width, height, type: resultsType(width, height), top, barsHeight: 330, barsMinHeight: 220, inClass: false, buttonWidths: WIDTHS, ...extra };
}

const bottom = (b: Box): number => b.y + b.h;
const buttonTop = (b: Box): number => b.y - b.h / 2;

describe('the results layout', () => {
  it('draws the score, its words and the buttons larger on a 1920x1080 projector, by the play screen\'s rule', () => {
    const laptop = resultsType(1366, 768);
    const projector = resultsType(1920, 1080);
    expect(laptop.scale).toBe(1);
    expect(projector.scale).toBe(projectorScale(1920, 1080));
    expect(projector.scale).toBeGreaterThan(1.3);
    expect(projector.heading).toBe(Math.round(26 * projector.scale));
    expect(projector.body).toBe(Math.round(17 * projector.scale));
    expect(projector.star).toBeGreaterThan(laptop.star);
    expect(projector.button.height).toBe(Math.round(56 * projector.scale));
    expect(projector.button.fontSize).toBeGreaterThan(laptop.button.fontSize);
    const at = resultsLayout(input(1920, 1080, 200));
    expect(at.buttons[0].w).toBe(Math.round(220 * projector.scale));
    // The buttons sit side by side in one row without touching.
    expect(at.buttons[0].x + at.buttons[0].w / 2).toBeLessThan(at.buttons[1].x - at.buttons[1].w / 2);
    expect(at.buttons[1].x + at.buttons[1].w / 2).toBeLessThan(at.buttons[2].x - at.buttons[2].w / 2);
  });

  it('stacks the bars and the plot on a phone without overlap, the bars at least at their tightest, the plot readable, above the buttons', () => {
    const at = resultsLayout(input(390, 844, 356));
    expect(at.bars.h).toBeGreaterThanOrEqual(220);
    expect(at.plot.y).toBeGreaterThanOrEqual(bottom(at.bars));
    expect(at.plot.h).toBeGreaterThanOrEqual(100);
    const firstRow = Math.min(...at.buttons.map(buttonTop));
    expect(bottom(at.plot)).toBeLessThanOrEqual(firstRow);
    // Two rows of buttons: play again and levels, then the replay.
    expect(at.buttons[0].y).toBe(at.buttons[1].y);
    expect(at.buttons[2].y).toBeGreaterThan(at.buttons[0].y);
  });

  it('gives a phone smaller words than a laptop (the score\'s terms wrap over many lines there)', () => {
    expect(resultsType(390, 844).body).toBeLessThan(resultsType(1366, 768).body);
  });

  it('puts the bars and the plot side by side on a laptop, each under the top and over the buttons', () => {
    const at = resultsLayout(input(1366, 768, 200));
    expect(at.bars.y).toBe(200);
    expect(at.plot.x).toBeGreaterThanOrEqual(at.bars.x + at.bars.w);
    expect(bottom(at.bars)).toBeLessThanOrEqual(buttonTop(at.buttons[0]));
  });
});

describe('the replay\'s rival chips', () => {
  it('[item 12] lays the chips left to right and wraps into a new row when one would pass the edge', () => {
    const rows = chipRows([100, 100, 100], 250, 44, 8);
    expect(rows.chips).toEqual([
      { x: 50, y: 22, w: 100, h: 44 },
      { x: 158, y: 22, w: 100, h: 44 },
      { x: 50, y: 74, w: 100, h: 44 },
    ]);
    expect(rows.height).toBe(96);
  });

  it('[item 12] cuts a chip wider than the row to it, and takes no room without chips', () => {
    expect(chipRows([400], 300, 44).chips).toEqual([{ x: 150, y: 22, w: 300, h: 44 }]);
    expect(chipRows([], 300, 44)).toEqual({ chips: [], height: 0 });
  });
});
