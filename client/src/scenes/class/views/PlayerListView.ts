// The host's list of students: name, what they are doing (ready, placed so many,
// done, away), their figure against the best policy on the same requests (shared/score
// SC-7; "–" before they have played, SC-8), and a Kick button per row that asks "Sure?" before it acts.
// Rows that do not fit are paged with ▲ ▼ buttons or the mouse wheel (on the dashboard the
// roster's page is what fits, and its ◀ ▶ sit where ▲ ▼ would: HostRoster.ts). Rows, the
// Kick button and the heading's buttons grow with the player's text size; where a row is too
// narrow for a name beside its status and figure (large text, a narrow column), each row
// takes two lines, the name whole on the first. The view only reports a confirmed kick; the
// scene sends it.

import type Phaser from 'phaser';
import { UI, textPx } from '../../../palette.ts';
import { reportDrawn } from '../../../test-hook.ts';
import { Button } from '../../../ui/Button.ts';
import { ViewEvents } from '../../../views/emitter.ts';
import { fitText, lineHeight, measureText } from '../../../views/labels.ts';
import { figureText, VS_BEST_CAPTION, type PlayerRow } from '../class-state.ts';
import { PanelView } from '../../../views/PanelView.ts';

export interface PlayerListEvents {
  kick: { playerId: string; nickname: string };
  /** A Kick button now asks "Sure?" (playerId), or stopped asking (null). */
  confirm: { playerId: string | null };
}

/** Where the rows stand in the roster: a page from `offset` of the `total` students a search (or none) finds. */
export interface RosterRange {
  readonly offset: number;
  readonly total: number;
  readonly search: string;
}

/** A row, the Kick button's width and the heading's page buttons at 100 % text: the least each gets. */
const ROW_HEIGHT = 50;
const KICK_WIDTH = 88;
const KICK_FONT = 17;
const PAGE_BUTTON = 48;
const PAGE_BUTTON_HEIGHT = 44;
const PAGE_FONT = 18;
/** A name of this many characters fits beside the status and the figure, or rows take two lines. */
const NAME_ROOM = 'n'.repeat(14);

/** The heading's page buttons (▲ ▼ here, the roster's ◀ ▶ on the dashboard) at the player's text size. */
export function pageButtonSize(): { readonly w: number; readonly h: number } {
  const px = textPx(PAGE_FONT);
  return { w: Math.max(PAGE_BUTTON, px + 24), h: Math.max(PAGE_BUTTON_HEIGHT, lineHeight(px) + 10) };
}

/** The Kick button's width: its longer label, "Sure?", at the player's text size. */
function kickWidth(): number {
  return Math.max(KICK_WIDTH, Math.ceil(measureText('Sure?', textPx(KICK_FONT))) + 24);
}
/** How long a "Sure?" waits for the second press. */
const CONFIRM_MS = 4000;

/** What a student is doing, in a word or two. */
export function playerStatus(row: PlayerRow): string {
  if (!row.connected) return 'away';
  if (row.finished) return 'done';
  if (row.placed > 0) return `${row.placed} placed`;
  return 'ready';
}

/** A student's figure against the best policy, or "–" before they have played (no rank yet). */
function figureOf(row: PlayerRow): string {
  return row.rank > 0 ? figureText(row.vsBest) : '–';
}

export class PlayerListView extends PanelView<readonly PlayerRow[]> {
  protected data: readonly PlayerRow[] = [];
  readonly events = new ViewEvents<PlayerListEvents>();
  private readonly kickButtons: Button[] = [];
  private readonly up: Button;
  private readonly down: Button;
  private readonly depth: number;
  private shown: PlayerRow[] = [];
  private first = 0;
  private confirming: { playerId: string; timer: Phaser.Time.TimerEvent } | null = null;
  /** Where the rows stand in the class's roster: the server's page (HostRoster.ts), or null for all of them. */
  private page: RosterRange | null = null;

  constructor(scene: Phaser.Scene, depth = 0) {
    super(scene, depth);
    this.depth = depth;
    const page = pageButtonSize();
    this.up = new Button(scene, 0, 0, '▲', () => this.scrollBy(-1), { width: page.w, height: page.h, fontSize: PAGE_FONT, label: 'Scroll the students up' }).setDepth(depth + 2);
    this.down = new Button(scene, 0, 0, '▼', () => this.scrollBy(1), { width: page.w, height: page.h, fontSize: PAGE_FONT, label: 'Scroll the students down' }).setDepth(depth + 2);
    scene.input.on('wheel', this.onWheel, this);
    scene.events.once('shutdown', () => scene.input.off('wheel', this.onWheel, this));
  }

  /** Where each shown student's Kick button is, by nickname (for the tests). */
  kickProbes(): Record<string, { x: number; y: number; label: string }> {
    const probes: Record<string, { x: number; y: number; label: string }> = {};
    this.shown.forEach((row, i) => {
      const button = this.kickButtons[i];
      if (button?.visible) probes[row.nickname] = { x: Math.round(button.x), y: Math.round(button.y), label: this.kickLabel(row) };
    });
    return probes;
  }

  override destroy(): void {
    this.scene.input.off('wheel', this.onWheel, this);
    this.events.clear();
    for (const b of this.kickButtons) b.destroy();
    this.up.destroy();
    this.down.destroy();
    super.destroy();
  }

  private kickLabel(row: PlayerRow): string {
    return this.confirming?.playerId === row.playerId ? 'Sure?' : 'Kick';
  }

  private headerHeight(): number {
    return Math.max(pageButtonSize().h, lineHeight(Math.round(this.baseFont() * 1.15)) + lineHeight(Math.round(this.baseFont() * 0.8))) + 8;
  }

  /** Where a row's words go: the name's room on one line, else two lines a row (the name alone on the first). */
  private rowShape(): { readonly twoLines: boolean; readonly height: number; readonly statusLeft: number; readonly scoreRight: number } {
    const size = this.baseFont();
    const { x, width: w } = this.bounds;
    const scoreRight = x + w - kickWidth() - 12;
    const oneLineStatus = scoreRight - measureText('00000', size, true) - 12 - measureText('00 placed', size);
    const twoLines = oneLineStatus - x - 16 < measureText(NAME_ROOM, size);
    const height = twoLines ? lineHeight(size, 2) + 12 : Math.max(ROW_HEIGHT, lineHeight(size) + 12);
    return { twoLines, height, statusLeft: twoLines ? x + 8 + measureText('● ', size) : oneLineStatus, scoreRight };
  }

  /** The rows are a page of the roster from `offset` of `total` students (null: the rows are all of them). */
  setPage(page: RosterRange | null): void {
    if (page?.offset === this.page?.offset && page?.total === this.page?.total && page?.search === this.page?.search) return;
    this.page = page;
    this.redraw();
  }

  /** How many rows the list shows at its size: what a page of the roster holds. */
  rowsThatFit(): number {
    return Math.max(0, Math.floor((this.bounds.height - this.headerHeight()) / this.rowShape().height));
  }

  private clampFirst(first: number): number {
    return Math.max(0, Math.min(first, this.data.length - this.rowsThatFit()));
  }

  private scrollBy(pages: number): void {
    this.first = this.clampFirst(this.first + pages * Math.max(1, this.rowsThatFit()));
    this.redraw();
  }

  private onWheel(pointer: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number): void {
    const { x, y, width: w, height: h } = this.bounds;
    if (!this.visible || dy === 0 || pointer.x < x || pointer.x > x + w || pointer.y < y || pointer.y > y + h) return;
    this.first = this.clampFirst(this.first + Math.sign(dy));
    this.redraw();
  }

  private kickButton(i: number): Button {
    let button = this.kickButtons[i];
    if (!button) {
      button = new Button(this.scene, 0, 0, 'Kick', () => this.pressKick(i), { width: kickWidth(), height: ROW_HEIGHT - 6, fontSize: KICK_FONT }).setDepth(this.depth + 2);
      this.kickButtons.push(button);
    }
    return button;
  }

  /** The first press asks "Sure?"; a second press on the same row within a few seconds kicks. */
  private pressKick(i: number): void {
    const row = this.shown[i];
    if (!row) return;
    this.confirming?.timer.remove();
    if (this.confirming?.playerId === row.playerId) {
      this.confirming = null;
      this.events.emit('kick', { playerId: row.playerId, nickname: row.nickname });
    } else {
      const timer = this.scene.time.delayedCall(CONFIRM_MS, () => {
        this.confirming = null;
        this.redraw();
        this.events.emit('confirm', { playerId: null });
      });
      this.confirming = { playerId: row.playerId, timer };
    }
    this.redraw();
    this.events.emit('confirm', { playerId: this.confirming?.playerId ?? null });
  }

  protected override redraw(): void {
    this.shown = [];
    super.redraw();
    // A page of the roster is paged by the roster's ◀ ▶ alone: no ▲ ▼ over them.
    const paged = this.visible && this.page === null && this.data.length > this.rowsThatFit();
    const { x, y, width: w } = this.bounds;
    const page = pageButtonSize();
    this.up.setVisible(paged).resize(page.w, page.h).setPosition(x + w - page.w * 1.5 - 8, y + page.h / 2).setEnabled(this.first > 0);
    this.down.setVisible(paged).resize(page.w, page.h).setPosition(x + w - page.w / 2, y + page.h / 2).setEnabled(this.first + this.rowsThatFit() < this.data.length);
    const rowHeight = this.rowShape().height;
    const kick = kickWidth();
    this.shown.forEach((row, i) => {
      const mid = y + this.headerHeight() + i * rowHeight + rowHeight / 2;
      this.kickButton(i).setVisible(true).resize(kick, rowHeight - 6).setPosition(x + w - kick / 2 - 2, mid).setText(this.kickLabel(row));
    });
    for (let i = this.shown.length; i < this.kickButtons.length; i++) this.kickButtons[i]?.setVisible(false);
    reportDrawn('PlayerListView', { rows: this.shown.map((r) => `${r.nickname} ${playerStatus(r)} ${figureOf(r)}`), first: (this.page?.offset ?? 0) + this.first, total: Math.max(this.page?.total ?? 0, this.data.length), scrolls: paged });
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const rows = this.data;
    const fit = this.rowsThatFit();
    this.first = this.clampFirst(this.first);
    this.shown = rows.slice(this.first, this.first + fit);
    const { x, y, width: w } = this.bounds;
    const size = this.baseFont();
    const titleSize = Math.round(size * 1.15);
    const paged = this.page === null && rows.length > fit;
    const start = (this.page?.offset ?? 0) + this.first;
    const total = Math.max(this.page?.total ?? 0, rows.length);
    const range = paged || total > rows.length ? `  ${start + 1}–${start + this.shown.length} of ${total}` : '';
    // ▲ ▼, or the roster's ◀ ▶ (HostRoster.ts) when the rows are a page of it, sit right of the heading.
    const titleRoom = paged || this.page ? w - 2 * pageButtonSize().w - 16 : w;
    this.labels.add(x, y, fitText(`Students (${total})${range}`, titleRoom, titleSize, true), { size: titleSize, colour: UI.text, bold: true, originX: 0, originY: 0 });
    const captionSize = Math.round(size * 0.8);
    this.labels.add(x, y + lineHeight(titleSize), fitText(`scores ${VS_BEST_CAPTION}`, titleRoom, captionSize), { size: captionSize, colour: UI.dim, originX: 0, originY: 0 });
    const empty = this.page?.search ? `No student matches “${this.page.search}”.` : 'No one has joined yet.';
    const shape = this.rowShape();
    if (rows.length === 0) this.labels.add(x, y + this.headerHeight() + shape.height / 2, fitText(empty, w, size), { size, colour: UI.dim, originX: 0 });
    // On two lines the name has the row's width up to the Kick button; the status and the figure go under it.
    const nameRight = shape.twoLines ? shape.scoreRight + 12 : shape.statusLeft;
    this.shown.forEach((row, i) => {
      const top = y + this.headerHeight() + i * shape.height;
      const mid = top + shape.height / 2;
      const nameMid = shape.twoLines ? top + 6 + lineHeight(size) / 2 : mid;
      const figuresMid = shape.twoLines ? nameMid + lineHeight(size) : mid;
      g.fillStyle(i % 2 === 0 ? UI.panel : UI.background, 1).fillRect(x, top, w, shape.height - 2);
      // ● online, ○ away: the shape says it, and the status word says it again.
      const marker = row.connected ? '●' : '○';
      this.labels.add(x + 8, nameMid, fitText(`${marker} ${row.nickname}`, nameRight - x - 16, size), { size, colour: row.connected ? UI.text : UI.dim, originX: 0 });
      this.labels.add(shape.statusLeft, figuresMid, playerStatus(row), { size, colour: UI.dim, originX: 0 });
      this.labels.add(shape.scoreRight, figuresMid, figureOf(row), { size, colour: UI.text, bold: true, originX: 1 });
    });
  }
}
