// The podium at the end of a round: the top three on steps (the second row on the left,
// the first in the middle, the third on the right), each step carrying its rank as a big
// number and the name and figure (against the best policy on the same requests, shared/score
// SC-7) above it. A step's height and colour come from the rank, not the position, so ties
// are drawn as ties: two players who share a "1" stand on steps of the same height and colour.
// When more players share a rank shown than fit on the steps, the step says how many more.

import type Phaser from 'phaser';
import { UI, textOn } from '../../../palette.ts';
import { reportDrawn } from '../../../test-hook.ts';
import { fitText, lineHeight } from '../../../views/labels.ts';
import { figureText, type BoardRow } from '../class-state.ts';
import { PanelView } from '../../../views/PanelView.ts';

/** Which row stands on each step, left to right: the second, the first (middle), the third. */
const STEP_ROWS = [1, 0, 2] as const;

/** A step's share of the height and its colour, by rank (1, 2, 3); Okabe-Ito, with the number on it. */
const RANK_STEPS: Readonly<Record<1 | 2 | 3, { readonly height: number; readonly colour: number }>> = {
  1: { height: 1, colour: 0xe69f00 },
  2: { height: 0.7, colour: 0x56b4e9 },
  3: { height: 0.5, colour: 0xcc79a7 },
};

/** A step for a rank: ranks past 3 cannot stand in the top three rows of a competition ranking. */
export function stepFor(rank: number): { readonly height: number; readonly colour: number } {
  return RANK_STEPS[Math.min(3, Math.max(1, rank)) as 1 | 2 | 3];
}

/** How many players beyond the top three share the rank of the row on the podium (0 when none). */
export function moreTied(rows: readonly BoardRow[], row: BoardRow): number {
  return rows.slice(3).filter((r) => r.rank === row.rank).length;
}

export class PodiumView extends PanelView<readonly BoardRow[]> {
  protected data: readonly BoardRow[] = [];

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const { x, y, width: w, height: h } = this.bounds;
    const size = this.baseFont();
    const scoreSize = Math.round(size * 0.8);
    const gap = Math.round(w * 0.03);
    const stepWidth = Math.floor((w - 2 * gap) / 3);
    // Above the tallest step: a name line and a figure line.
    const tallest = Math.max(0, h - lineHeight(size) - lineHeight(scoreSize) - 12);
    // Two on the podium stand on the left and middle steps: centre the pair.
    const shift = this.data.length === 2 ? Math.round((stepWidth + gap) / 2) : 0;
    STEP_ROWS.forEach((index, i) => {
      const row = this.data[index];
      if (!row) return;
      const step = stepFor(row.rank);
      const left = x + shift + i * (stepWidth + gap);
      const stepHeight = Math.round(tallest * step.height);
      const top = y + h - stepHeight;
      g.fillStyle(step.colour, 1).fillRect(left, top, stepWidth, stepHeight);
      g.lineStyle(2, UI.focus, 0.6).strokeRect(left + 1, top + 1, stepWidth - 2, stepHeight - 2);
      const numberSize = Math.max(size, Math.min(Math.round(stepHeight * 0.5), Math.round(size * 3)));
      this.labels.add(left + stepWidth / 2, top + stepHeight / 2, String(row.rank), { size: numberSize, colour: textOn(step.colour), bold: true });
      const more = moreTied(this.data, row);
      if (more > 0) this.labels.add(left + stepWidth / 2, top + stepHeight - 8, fitText(`and ${more} more tied`, stepWidth - 8, scoreSize), { size: scoreSize, colour: textOn(step.colour), originY: 1 });
      this.labels.add(left + stepWidth / 2, top - 6, `${figureText(row.vsBest)} vs best`, { size: scoreSize, colour: UI.dim, originY: 1 });
      this.labels.add(left + stepWidth / 2, top - 10 - lineHeight(scoreSize), fitText(row.name, stepWidth, size, true), { size, colour: UI.text, bold: true, originY: 1 });
    });
    reportDrawn('PodiumView', {
      rows: this.data.slice(0, 3).map((r) => `${r.rank}. ${r.name} ${figureText(r.vsBest)}`),
      steps: STEP_ROWS.map((index) => this.data[index]).filter((r) => r !== undefined).map((r) => ({ name: r.name, rank: r.rank, height: stepFor(r.rank).height })),
    });
  }
}
