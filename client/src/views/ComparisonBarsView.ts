// The player against every built-in policy and the clairvoyant reference on the same
// stream: one horizontal bar a row, its label on the left and its value on the right.
// Roles differ by more than colour: the player's row is bold and marked "you",
// the reference's bar is hatched, the policies' bars are plain.

import { ROLE_COLOUR, UI } from '../palette.ts';
import { reportDrawn } from '../test-hook.ts';
import { PanelView } from './PanelView.ts';
import { formatPercent } from './format.ts';
import { fitText, lineHeight, measureText } from './labels.ts';
import { hatch } from './patterns.ts';

export type ComparisonRole = 'player' | 'policy' | 'reference';

export interface ComparisonEntry {
  readonly label: string;
  readonly value: number;
  readonly role: ComparisonRole;
}

export interface Comparison {
  /** E.g. "utilization (higher is better)". */
  readonly title?: string;
  readonly entries: readonly ComparisonEntry[];
  /** The value of a full-length bar (default: the largest value). */
  readonly max?: number;
  readonly format?: (value: number) => string;
}

const GAP = 10;

export class ComparisonBarsView extends PanelView<Comparison> {
  protected data: Comparison = { entries: [] };

  /** The height all rows need at their comfortable spacing. */
  height(): number {
    return this.titleHeight() + this.data.entries.length * this.rowHeight();
  }

  /** The height the rows need at their tightest (draw never packs them closer). */
  minHeight(): number {
    return this.titleHeight() + this.data.entries.length * (lineHeight(this.baseFont()) + 4);
  }

  private titleHeight(): number {
    return this.data.title ? lineHeight(this.baseFont()) + 6 : 0;
  }

  private rowHeight(): number {
    return lineHeight(this.baseFont()) + 10;
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const font = this.baseFont();
    const format = this.data.format ?? formatPercent;
    let top = this.bounds.y;
    if (this.data.title) {
      this.labels.add(this.bounds.x, top, fitText(this.data.title, this.bounds.width, font, true), { size: font, colour: UI.text, bold: true, originX: 0, originY: 0 });
      top += lineHeight(font) + 6;
    }
    const entries = this.data.entries;
    const rowH = Math.max(lineHeight(font) + 4, Math.min(this.rowHeight(), (this.bounds.bottom - top) / Math.max(1, entries.length)));
    const labelOf = (e: ComparisonEntry): string => (e.role === 'player' ? `▶ ${e.label}` : e.label);
    const labelW = Math.min(this.bounds.width * 0.45, Math.max(0, ...entries.map((e) => measureText(labelOf(e), font, e.role === 'player'))));
    const valueW = Math.max(0, ...entries.map((e) => measureText(format(e.value), font, true)));
    const barX = this.bounds.x + labelW + GAP;
    const barMax = Math.max(4, this.bounds.right - valueW - GAP - barX);
    const max = this.data.max ?? Math.max(1e-9, ...entries.map((e) => e.value));
    for (const [i, e] of entries.entries()) {
      const cy = top + i * rowH + rowH / 2;
      const isPlayer = e.role === 'player';
      const barH = Math.max(6, rowH - 10);
      const barW = Math.max(2, (Math.max(0, e.value) / max) * barMax);
      const colour = ROLE_COLOUR[e.role];
      if (isPlayer) g.fillStyle(UI.panel, 1).fillRect(this.bounds.x - 4, cy - rowH / 2, this.bounds.width + 8, rowH);
      g.fillStyle(colour, 1).fillRect(barX, cy - barH / 2, barW, barH);
      if (e.role === 'reference') hatch(g, { x: barX, y: cy - barH / 2, w: barW, h: barH }, UI.background, 0.6, 7, 2);
      if (isPlayer) g.lineStyle(2, UI.focus, 1).strokeRect(barX, cy - barH / 2, barW, barH);
      this.labels.add(barX - GAP, cy, fitText(labelOf(e), labelW, font, isPlayer), { size: font, colour: isPlayer ? UI.text : UI.dim, bold: isPlayer, originX: 1 });
      this.labels.add(barX + barW + 6, cy, format(e.value), { size: font, colour: UI.text, bold: true, originX: 0 });
    }
    reportDrawn('ComparisonBarsView', { entries: entries.length, players: entries.filter((e) => e.role === 'player').length });
  }
}
