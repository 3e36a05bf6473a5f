// The podium at the end of a round: the top three on steps (second on the left,
// first in the middle and tallest, third on the right), each step carrying its rank
// as a big number and the name and score above it. Ties keep the rank the server
// gave (two players may both stand on a "1").

import type Phaser from 'phaser';
import { UI, textOn } from '../../../palette.ts';
import { reportDrawn } from '../../../test-hook.ts';
import { fitText, lineHeight } from '../../../views/labels.ts';
import type { BoardRow } from '../class-state.ts';
import { PanelView } from './PanelView.ts';

/** Left-to-right order of the top three on the steps, and each step's share of the height. */
const STEPS = [
  { place: 1, height: 0.7, colour: 0x56b4e9 },
  { place: 0, height: 1, colour: 0xe69f00 },
  { place: 2, height: 0.5, colour: 0xcc79a7 },
] as const;

export class PodiumView extends PanelView<readonly BoardRow[]> {
  constructor(scene: Phaser.Scene, depth = 0) {
    super(scene, [], depth);
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const { x, y, w, h } = this.box;
    const size = this.fontSize;
    const scoreSize = Math.round(size * 0.8);
    const gap = Math.round(w * 0.03);
    const stepWidth = Math.floor((w - 2 * gap) / 3);
    // Above the tallest step: a name line and a score line.
    const tallest = Math.max(0, h - lineHeight(size) - lineHeight(scoreSize) - 12);
    STEPS.forEach((step, i) => {
      const row = this.data[step.place];
      if (!row) return;
      const left = x + i * (stepWidth + gap);
      const stepHeight = Math.round(tallest * step.height);
      const top = y + h - stepHeight;
      g.fillStyle(step.colour, 1).fillRect(left, top, stepWidth, stepHeight);
      g.lineStyle(2, UI.focus, 0.6).strokeRect(left + 1, top + 1, stepWidth - 2, stepHeight - 2);
      const numberSize = Math.max(size, Math.min(Math.round(stepHeight * 0.5), Math.round(size * 3)));
      this.labels.add(left + stepWidth / 2, top + stepHeight / 2, String(row.rank), { size: numberSize, colour: textOn(step.colour), bold: true });
      this.labels.add(left + stepWidth / 2, top - 6, `${row.score} points`, { size: scoreSize, colour: UI.dim, originY: 1 });
      this.labels.add(left + stepWidth / 2, top - 10 - lineHeight(scoreSize), fitText(row.name, stepWidth, size, true), { size, colour: UI.text, bold: true, originY: 1 });
    });
    reportDrawn('PodiumView', { rows: this.data.slice(0, 3).map((r) => `${r.rank}. ${r.name} ${r.score}`) });
  }
}
