// What a class adds to the play board during a round: "Paused by the host" while the
// host has paused it, the student's score and rank, and the leaderboard when the host
// shows it (the top five and the student's own row). Two shapes: a column beside the
// heap on a wide screen (the board drawn by LeaderboardView), or a few lines on a
// phone held upright (the board in one line, as many of the top rows as fit).

import type Phaser from 'phaser';
import { UI } from '../../../palette.ts';
import { fitText, lineHeight, measureText } from '../../../views/labels.ts';
import { compactBoardLines, figureText, VS_BEST_CAPTION, type BoardMode, type BoardRow } from '../class-state.ts';
import { LeaderboardView } from './LeaderboardView.ts';
import { PanelView } from '../../../views/PanelView.ts';

export interface ClassPanel {
  readonly paused: boolean;
  /** "You: −40 vs best · rank 2 of 5" (see class-state standingText). */
  readonly standing: string;
  /** "Round: 4:05 left" while the round has a whole-round clock (round-clock.ts), else ''. */
  readonly clock?: string;
  readonly mode: BoardMode;
  readonly rows: readonly BoardRow[];
  /** A few lines (a phone) rather than a column. */
  readonly compact: boolean;
}

const BANNER = 0xf0e442;
/** The banner line's height beyond a plain line's, with room under it. */
const BANNER_EXTRA = 6;
const PAUSED = 'Paused by the host';
const PAUSED_DETAIL = 'Your clock has stopped.';
const HIDDEN = 'The host has hidden the leaderboard.';
/** The compact line's names are cut to this many characters. */
const SHORT_NAME = 10;

function rowText(row: BoardRow, short: boolean): string {
  const name = short && row.name.length > SHORT_NAME ? `${row.name.slice(0, SHORT_NAME - 1)}…` : row.name;
  return `${row.rank}. ${name}${row.isYou ? ' (you)' : ''} ${figureText(row.vsBest)}`;
}

/**
 * The board in one line of at most `width` px: the top rows (five at most, fewer
 * when they do not fit) and the viewer's row after a "…" when it is not among them.
 */
export function boardLine(rows: readonly BoardRow[], width: number, size: number): string {
  const you = rows.find((r) => r.isYou);
  let last = '';
  for (let top = Math.min(5, rows.length); top >= 1; top--) {
    const shown = rows.slice(0, top);
    const parts = shown.map((r) => rowText(r, true));
    if (you && !shown.includes(you)) parts.push(`… ${rowText(you, true)}`);
    last = parts.join(' · ');
    if (measureText(last, size) <= width) return last;
  }
  return fitText(last, width, size);
}

export class ClassPanelView extends PanelView<ClassPanel> {
  protected data: ClassPanel = { paused: false, standing: '', mode: 'shown', rows: [], compact: false };
  private readonly board: LeaderboardView;

  constructor(scene: Phaser.Scene, depth = 0) {
    super(scene, depth);
    this.board = new LeaderboardView(scene, depth);
  }

  /** The height the compact shape takes at this text size (the column takes its whole box). */
  static compactHeight(data: ClassPanel, size: number): number {
    return ClassPanelView.lines(data) * (lineHeight(size) + 8) + (data.paused ? BANNER_EXTRA : 0);
  }

  /** The standing and the board always take a line each (so the height changes only with a pause). */
  private static lines(data: ClassPanel): number {
    return (data.paused ? 1 : 0) + 2;
  }

  override setVisible(visible: boolean): void {
    super.setVisible(visible);
    this.board.setVisible(visible && !this.data.compact && this.data.mode !== 'hidden');
  }

  override destroy(): void {
    super.destroy();
    this.board.destroy();
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    if (this.data.compact) this.drawLines(g);
    else this.drawColumn(g);
  }

  /** A banner line: dark words on yellow, so a pause is seen at a glance (and read in words). */
  private banner(g: Phaser.GameObjects.Graphics, y: number, text: string): number {
    const size = this.baseFont();
    const h = lineHeight(size) + 6;
    g.fillStyle(BANNER, 1).fillRect(this.bounds.x, y, this.bounds.width, h);
    this.labels.add(this.bounds.x + 8, y + h / 2, fitText(text, this.bounds.width - 16, size, true), { size, colour: UI.dark, bold: true, originX: 0 });
    return h;
  }

  private drawLines(g: Phaser.GameObjects.Graphics): void {
    const { x, width: w } = this.bounds;
    const size = this.baseFont();
    const step = lineHeight(size) + 8;
    const { paused, standing, mode, rows } = this.data;
    let y = this.bounds.y;
    if (paused) {
      this.banner(g, y, `${PAUSED} · ${PAUSED_DETAIL}`);
      y += step + BANNER_EXTRA;
    }
    const first = [standing, this.data.clock ?? ''].filter((t) => t !== '').join(' · ');
    if (first) this.labels.add(x, y, fitText(first, w, size, true), { size, colour: UI.text, bold: true, originX: 0, originY: 0 });
    y += step;
    const line = mode === 'hidden' ? fitText(HIDDEN, w, size) : rows.length === 0 ? 'No scores yet.' : boardLine(rows, w, size);
    this.labels.add(x, y, line, { size, colour: UI.dim, originX: 0, originY: 0 });
    this.board.setVisible(false);
  }

  private drawColumn(g: Phaser.GameObjects.Graphics): void {
    const { x, width: w } = this.bounds;
    const size = this.baseFont();
    const { paused, standing, mode, rows } = this.data;
    let y = this.bounds.y;
    if (paused) {
      y += this.banner(g, y, PAUSED) + 6;
      this.labels.add(x, y, fitText(PAUSED_DETAIL, w, size), { size, colour: UI.text, originX: 0, originY: 0 });
      y += lineHeight(size) + 12;
    }
    if (standing) {
      // "You: −40 vs best" big, the rank under it.
      const [score, rank] = standing.split(' · ');
      const big = Math.round(size * 1.3);
      this.labels.add(x, y, fitText(score ?? '', w, big, true), { size: big, colour: UI.text, bold: true, originX: 0, originY: 0 });
      y += lineHeight(big) + 4;
      if (rank) {
        this.labels.add(x, y, fitText(rank, w, size), { size, colour: UI.dim, originX: 0, originY: 0 });
        y += lineHeight(size);
      }
      y += 16;
    }
    if (this.data.clock) {
      this.labels.add(x, y, fitText(this.data.clock, w, size, true), { size, colour: UI.text, bold: true, originX: 0, originY: 0 });
      y += lineHeight(size) + 12;
    }
    const bottom = this.bounds.y + this.bounds.height;
    if (mode === 'hidden') {
      if (y + lineHeight(size) <= bottom) this.labels.add(x, y, fitText(HIDDEN, w, size), { size, colour: UI.dim, originX: 0, originY: 0 });
      this.board.setVisible(false);
      return;
    }
    // The board's own title line, then one line per row it should show (LeaderboardView's sizes).
    const titleHeight = lineHeight(Math.round(size * 1.15)) + 2 + lineHeight(Math.round(size * 0.8)) + 8;
    const wanted = titleHeight + Math.max(1, compactBoardLines(rows)) * (lineHeight(size) + 10) + 1;
    this.board.setVisible(this.visible);
    this.board.layout(x, y, w, Math.max(0, Math.min(wanted, bottom - y)), size);
    this.board.show({
      rows,
      title: mode === 'anonymous' ? 'Leaderboard (names hidden)' : 'Leaderboard',
      caption: VS_BEST_CAPTION,
      emptyText: 'No scores yet.',
    });
  }
}
