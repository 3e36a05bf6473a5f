// The class leaderboard: rank, name and figure per row (the score against the best
// policy on the same requests, shared/score SC-7, said in a caption under the title), a
// bar behind each row from the lowest figure shown (a stub) to the highest (full), and the
// viewer's own row outlined and marked "(you)" (in words, not only a colour). As many rows
// as fit are drawn; when the viewer's row falls below them, it takes the last line after
// a "…" so they always see their place.

import type Phaser from 'phaser';
import { UI, fade } from '../../../palette.ts';
import { reportDrawn } from '../../../test-hook.ts';
import { fitText, lineHeight, measureText } from '../../../views/labels.ts';
import { figureText, type BoardRow } from '../class-state.ts';
import { PanelView } from '../../../views/PanelView.ts';

export interface Board {
  readonly rows: readonly BoardRow[];
  readonly title?: string;
  /** A dim line under the title saying what the numbers are. */
  readonly caption?: string;
  /** Shown instead of rows when there are none (e.g. "the host has hidden the leaderboard"). */
  readonly emptyText?: string;
}

const BAR_COLOUR = 0x0072b2;
const YOU_COLOUR = 0xf0e442;
/** The lowest figure's bar, as a share of the row. */
const STUB = 0.08;

/** Which rows to draw when only `fit` lines are free: the top rows, with the viewer's row kept. */
export function rowsToShow(rows: readonly BoardRow[], fit: number): Array<BoardRow | 'gap'> {
  if (fit <= 0) return [];
  if (rows.length <= fit) return [...rows];
  const you = rows.find((r) => r.isYou);
  if (!you || rows.indexOf(you) < fit || fit < 3) return rows.slice(0, fit);
  return [...rows.slice(0, fit - 2), 'gap', you];
}

/** A figure's bar as a share of the row: a stub for the lowest figure on the board, full for the highest (all full when all tie). */
export function barShares(rows: readonly BoardRow[]): (vsBest: number) => number {
  const lo = Math.min(...rows.map((r) => r.vsBest));
  const hi = Math.max(...rows.map((r) => r.vsBest));
  return (vsBest) => (hi === lo ? 1 : STUB + (1 - STUB) * ((vsBest - lo) / (hi - lo)));
}

export class LeaderboardView extends PanelView<Board> {
  protected data: Board = { rows: [] };

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const { x, width: w } = this.bounds;
    const size = this.baseFont();
    const { rows, title, caption, emptyText = 'No scores yet.' } = this.data;
    let y = this.bounds.y;
    if (title) {
      const titleSize = Math.round(size * 1.15);
      this.labels.add(x, y, fitText(title, w, titleSize, true), { size: titleSize, colour: UI.text, bold: true, originX: 0, originY: 0 });
      y += lineHeight(titleSize) + (caption ? 2 : 8);
    }
    if (caption) {
      const captionSize = Math.round(size * 0.8);
      this.labels.add(x, y, fitText(caption, w, captionSize), { size: captionSize, colour: UI.dim, originX: 0, originY: 0 });
      y += lineHeight(captionSize) + 8;
    }
    const rowHeight = lineHeight(size) + 10;
    const fit = Math.floor((this.bounds.y + this.bounds.height - y) / rowHeight);
    if (rows.length === 0) {
      if (fit > 0) this.labels.add(x, y + rowHeight / 2, fitText(emptyText, w, size), { size, colour: UI.dim, originX: 0 });
      reportDrawn('LeaderboardView', { rows: [], empty: emptyText });
      return;
    }
    const barShare = barShares(rows);
    const rankWidth = measureText(`${Math.max(...rows.map((r) => r.rank))}.`, size, true) + 10;
    const scoreWidth = Math.max(...rows.map((r) => measureText(figureText(r.vsBest), size, true))) + 10;
    const shown = rowsToShow(rows, fit);
    shown.forEach((row, i) => {
      const top = y + i * rowHeight;
      const mid = top + rowHeight / 2;
      if (row === 'gap') {
        this.labels.add(x + rankWidth, mid, '…', { size, colour: UI.dim, originX: 0 });
        return;
      }
      g.fillStyle(UI.panel, 1).fillRect(x, top + 2, w, rowHeight - 4);
      const barWidth = Math.max(0, (w - rankWidth) * barShare(row.vsBest));
      g.fillStyle(fade(BAR_COLOUR, 0.45), 1).fillRect(x + rankWidth, top + 2, barWidth, rowHeight - 4);
      if (row.isYou) g.lineStyle(3, YOU_COLOUR, 1).strokeRect(x + 1.5, top + 2.5, w - 3, rowHeight - 5);
      this.labels.add(x + 6, mid, `${row.rank}.`, { size, colour: UI.text, bold: true, originX: 0 });
      const name = row.isYou ? `${row.name} (you)` : row.name;
      this.labels.add(x + rankWidth, mid, fitText(name, w - rankWidth - scoreWidth - 6, size, row.isYou), { size, colour: UI.text, bold: row.isYou, originX: 0 });
      this.labels.add(x + w - 6, mid, figureText(row.vsBest), { size, colour: UI.text, bold: true, originX: 1 });
    });
    reportDrawn('LeaderboardView', { caption: caption ?? '', rows: shown.map((r) => (r === 'gap' ? '…' : `${r.rank}. ${r.name} ${figureText(r.vsBest)}${r.isYou ? ' (you)' : ''}`)) });
  }
}
