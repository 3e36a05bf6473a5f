// The podium: the top three on steps (the second row on the left, the first in the middle,
// the third on the right), each step carrying its rank as a big number and the name and a
// caption (a round's figure against the best policy, shared/score SC-7, or a session's
// total) above it. A step's height and colour come from the rank, not the position, so ties
// are drawn as ties: two players who share a "1" stand on steps of the same height and colour.
// When more players share a rank shown than fit on the steps, the step says how many more.
// For the reveal at the end of a session (SC-10) a row may be hidden (its step stays empty
// until its place comes up), and while the reveal counts down the view shows the number.

import type Phaser from 'phaser';
import { UI, textOn } from '../../../palette.ts';
import { reportDrawn } from '../../../test-hook.ts';
import { fitText, lineHeight } from '../../../views/labels.ts';
import { PanelView } from '../../../views/PanelView.ts';
import { sizeToFit } from './text-style.ts';

/** One row on the podium: its rank, name and the line under the name; hidden until its place is revealed. */
export interface PodiumRow {
  readonly rank: number;
  readonly name: string;
  readonly caption: string;
  readonly hidden?: boolean;
}

/** What the podium shows: the countdown's number (0: none) or the rows, in rank order. */
export interface PodiumPicture {
  readonly count: number;
  readonly rows: readonly PodiumRow[];
}

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
export function moreTied(rows: readonly { readonly rank: number }[], row: { readonly rank: number }): number {
  return rows.slice(3).filter((r) => r.rank === row.rank).length;
}

export class PodiumView extends PanelView<PodiumPicture> {
  protected data: PodiumPicture = { count: 0, rows: [] };

  protected draw(g: Phaser.GameObjects.Graphics): void {
    if (this.data.count > 0) this.drawCount();
    else this.drawSteps(g);
    const shown = this.data.rows.slice(0, 3).filter((r) => !r.hidden);
    reportDrawn('PodiumView', {
      count: this.data.count,
      rows: shown.map((r) => `${r.rank}. ${r.name} ${r.caption}`),
      steps: STEP_ROWS.map((index) => this.data.rows[index]).filter((r) => r !== undefined && !r.hidden).map((r) => ({ name: r!.name, rank: r!.rank, height: stepFor(r!.rank).height })),
    });
  }

  /** The countdown's number, as large as the box allows. */
  private drawCount(): void {
    const { x, y, width: w, height: h } = this.bounds;
    const size = Math.max(this.baseFont(), Math.round(Math.min(h * 0.6, w * 0.5)));
    this.labels.add(x + w / 2, y + h / 2, String(this.data.count), { size, colour: UI.text, bold: true, originY: 0.5 });
  }

  private drawSteps(g: Phaser.GameObjects.Graphics): void {
    const { x, y, width: w, height: h } = this.bounds;
    const rows = this.data.rows;
    const size = this.baseFont();
    const scoreSize = Math.round(size * 0.8);
    const gap = Math.round(w * 0.03);
    const stepWidth = Math.floor((w - 2 * gap) / 3);
    // Above the tallest step: a name line and a caption line.
    const tallest = Math.max(0, h - lineHeight(size) - lineHeight(scoreSize) - 12);
    // Two on the podium stand on the left and middle steps: centre the pair.
    const shift = rows.length === 2 ? Math.round((stepWidth + gap) / 2) : 0;
    STEP_ROWS.forEach((index, i) => {
      const row = rows[index];
      if (!row || row.hidden) return;
      const step = stepFor(row.rank);
      const left = x + shift + i * (stepWidth + gap);
      const stepHeight = Math.round(tallest * step.height);
      const top = y + h - stepHeight;
      g.fillStyle(step.colour, 1).fillRect(left, top, stepWidth, stepHeight);
      g.lineStyle(2, UI.focus, 0.6).strokeRect(left + 1, top + 1, stepWidth - 2, stepHeight - 2);
      const numberSize = Math.max(size, Math.min(Math.round(stepHeight * 0.5), Math.round(size * 3)));
      this.labels.add(left + stepWidth / 2, top + stepHeight / 2, String(row.rank), { size: numberSize, colour: textOn(step.colour), bold: true });
      const more = moreTied(rows, row);
      if (more > 0) this.labels.add(left + stepWidth / 2, top + stepHeight - 8, fitText(`and ${more} more tied`, stepWidth - 8, scoreSize), { size: scoreSize, colour: textOn(step.colour), originY: 1 });
      this.labels.add(left + stepWidth / 2, top - 6, fitText(row.caption, stepWidth, scoreSize), { size: scoreSize, colour: UI.dim, originY: 1 });
      // A long name is drawn smaller to stay whole (to half the size), and cut only past that.
      const nameSize = sizeToFit(row.name, stepWidth, size, Math.round(size / 2), true);
      this.labels.add(left + stepWidth / 2, top - 10 - lineHeight(scoreSize), fitText(row.name, stepWidth, nameSize, true), { size: nameSize, colour: UI.text, bold: true, originY: 1 });
    });
  }
}
