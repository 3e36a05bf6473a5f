// Every student's heap, small, for the host: a grid of cards, each with the name,
// how far they are ("3/8 placed", "done", "away") and their heap as a one-line
// address strip (live blocks in their palette colour with a dark edge between
// blocks, holes dark grey, room past the break hatched). All strips share one scale,
// so a heap that grew taller than the others is longer. Cards that do not fit are counted.
// Clicking a card opens that student's heap (the scene decides where); so does its DOM
// twin (a11y/layer.ts), a button per card shown ("Open Ada's heap: 3/8 placed").

import Phaser from 'phaser';
import { UI, blockColour } from '../../../palette.ts';
import { reportDrawn } from '../../../test-hook.ts';
import { fitText, lineHeight } from '../../../views/labels.ts';
import { hatch } from '../../../views/patterns.ts';
import { ViewEvents } from '../../../views/emitter.ts';
import { gridCells, type Box } from '../layout.ts';
import type { HeapThumb } from '../class-state.ts';
import { PanelView } from '../../../views/PanelView.ts';
import { ScreenLayer, type ControlTwin } from '../../../a11y/layer.ts';
import { sizeToFit } from './text-style.ts';

/** "3/8 placed", "done" or "away": a card's second line. */
export function thumbProgress(thumb: HeapThumb): string {
  if (!thumb.connected) return `away · ${thumb.placed}/${thumb.total}`;
  if (thumb.finished) return 'done';
  return `${thumb.placed}/${thumb.total} placed`;
}

export interface HeapThumbnailsEvents {
  open: { playerId: string; name: string };
}

export class HeapThumbnailsView extends PanelView<readonly HeapThumb[]> {
  protected data: readonly HeapThumb[] = [];
  readonly events = new ViewEvents<HeapThumbnailsEvents>();
  /** The cards drawn, for finding the one clicked. */
  private cards: { readonly thumb: HeapThumb; readonly cell: Box }[] = [];
  private readonly zone: Phaser.GameObjects.Zone;
  /** The cards' DOM twins, by the card's place in the grid. */
  private readonly twins: ControlTwin[] = [];

  constructor(scene: Phaser.Scene, depth = 0) {
    super(scene, depth);
    this.zone = scene.add.zone(0, 0, 1, 1).setOrigin(0, 0).setDepth(depth + 2).setInteractive({ useHandCursor: true });
    this.zone.on('pointerup', (pointer: Phaser.Input.Pointer) => this.openAt(pointer.x, pointer.y));
  }

  override destroy(): void {
    this.events.clear();
    for (const twin of this.twins) twin.remove();
    this.zone.destroy();
    super.destroy();
  }

  private openAt(px: number, py: number): void {
    this.openCard(this.cards.findIndex(({ cell }) => px >= cell.x && px <= cell.x + cell.w && py >= cell.y && py <= cell.y + cell.h));
  }

  protected override redraw(): void {
    this.cards = [];
    super.redraw();
    const { x, y, width: w, height: h } = this.bounds;
    const shown = this.visible && w > 0 && h > 0;
    this.zone.setVisible(shown).setPosition(x, y).setSize(Math.max(1, w), Math.max(1, h));
    if (this.zone.input) this.zone.input.enabled = shown;
    const hitArea: unknown = this.zone.input?.hitArea;
    if (hitArea instanceof Phaser.Geom.Rectangle) hitArea.setSize(Math.max(1, w), Math.max(1, h));
    this.showTwins();
  }

  /** A DOM button per card drawn, in the cards' order, that opens it as a click does. */
  private showTwins(): void {
    this.cards.forEach(({ thumb }, i) => {
      const twin = (this.twins[i] ??= ScreenLayer.of(this.scene).addControl('', () => this.openCard(i), { place: () => this.cardCentre(i) }));
      twin.setLabel(`Open ${thumb.name}'s heap: ${thumbProgress(thumb)}`);
      twin.setShown(true);
    });
    for (let i = this.cards.length; i < this.twins.length; i++) this.twins[i]?.setShown(false);
  }

  private openCard(i: number): void {
    const card = this.cards[i];
    if (card) this.events.emit('open', { playerId: card.thumb.playerId, name: card.thumb.name });
  }

  private cardCentre(i: number): { x: number; y: number } | null {
    const cell = this.cards[i]?.cell;
    return cell ? { x: cell.x + cell.w / 2, y: cell.y + cell.h / 2 } : null;
  }

  /** The grid under the title, and each card's size, at the view's size. */
  private grid(): { readonly grid: Box; readonly cellWidth: number; readonly cellHeight: number; readonly titleHeight: number } {
    const size = this.baseFont();
    const small = Math.max(11, Math.round(size * 0.85));
    const { x, y, width: w } = this.bounds;
    const titleHeight = lineHeight(Math.round(size * 1.15)) + 8;
    const barHeight = Math.max(14, Math.round(size * 1.1));
    return {
      grid: { x, y: y + titleHeight, w, h: this.bounds.height - titleHeight },
      cellWidth: Math.max(150, size * 11),
      cellHeight: lineHeight(size) + lineHeight(small) + barHeight + 14,
      titleHeight,
    };
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const thumbs = this.data;
    const size = this.baseFont();
    const small = Math.max(11, Math.round(size * 0.85));
    const { x, y, width: w } = this.bounds;
    const titleSize = Math.round(size * 1.15);
    const { grid, cellWidth, cellHeight, titleHeight } = this.grid();
    this.labels.add(x, y, fitText(`Every student's heap (${thumbs.length})`, w, titleSize, true), { size: titleSize, colour: UI.text, bold: true, originX: 0, originY: 0 });
    if (thumbs.length === 0) this.labels.add(x, y + titleHeight, fitText('They appear here when a round starts.', w, size), { size, colour: UI.dim, originX: 0, originY: 0 });
    const barHeight = Math.max(14, Math.round(size * 1.1));
    let cells = gridCells(grid, thumbs.length, cellWidth, cellHeight, 10);
    if (cells.length < thumbs.length) cells = cells.slice(0, Math.max(0, cells.length - 1)); // room for "+N more"
    const hidden = thumbs.length - cells.length;
    const scale = Math.max(1, ...thumbs.map((t) => t.extent));
    cells.forEach((cell, i) => {
      const thumb = thumbs[i];
      if (!thumb) return;
      this.drawCard(g, cell, thumb, scale, small, barHeight);
      this.cards.push({ thumb, cell });
    });
    const last = hidden > 0 ? gridCells(grid, cells.length + 1, cellWidth, cellHeight, 10)[cells.length] : undefined;
    if (last) this.labels.add(last.x + 8, last.y + cellHeight / 2, `+${hidden} more`, { size, colour: UI.dim, originX: 0 });
    reportDrawn('HeapThumbnailsView', {
      shown: cells.length, hidden, names: thumbs.slice(0, cells.length).map((t) => t.name),
      cards: this.cards.map(({ thumb, cell }) => ({ name: thumb.name, x: Math.round(cell.x + cell.w / 2), y: Math.round(cell.y + cell.h / 2) })),
    });
  }

  private drawCard(g: Phaser.GameObjects.Graphics, cell: Box, thumb: HeapThumb, scale: number, small: number, barHeight: number): void {
    const size = this.baseFont();
    g.fillStyle(UI.panel, 1).fillRect(cell.x, cell.y, cell.w, cell.h);
    const inner = cell.w - 16;
    // A long name is drawn smaller to stay whole (to 60 %, not under 12 px), and cut only past that.
    const nameSize = sizeToFit(thumb.name, inner, size, Math.min(size, Math.max(12, Math.round(size * 0.6))), true);
    this.labels.add(cell.x + 8, cell.y + 4, fitText(thumb.name, inner, nameSize, true), { size: nameSize, colour: thumb.connected ? UI.text : UI.dim, bold: true, originX: 0, originY: 0 });
    this.labels.add(cell.x + 8, cell.y + 4 + lineHeight(size), fitText(thumbProgress(thumb), inner, small), { size: small, colour: UI.dim, originX: 0, originY: 0 });
    const barTop = cell.y + cell.h - barHeight - 6;
    const px = inner / scale;
    g.fillStyle(UI.unused, 1).fillRect(cell.x + 8, barTop, inner, barHeight);
    for (const r of thumb.regions) {
      const left = cell.x + 8 + r.start * px;
      const width = Math.max(1, r.size * px);
      if (r.state === 'live') {
        g.fillStyle(blockColour(r.id ?? 0), 1).fillRect(left, barTop, width, barHeight);
        if (width > 3) g.lineStyle(1, UI.background, 1).strokeRect(left + 0.5, barTop + 0.5, width - 1, barHeight - 1);
      } else if (r.state === 'free') {
        g.fillStyle(UI.free, 1).fillRect(left, barTop, width, barHeight);
      } else {
        hatch(g, { x: left, y: barTop, w: width, h: barHeight }, UI.freeEdge, 0.5, 6, 1);
      }
    }
    g.lineStyle(1, UI.freeEdge, 1).strokeRect(cell.x + 8.5, barTop + 0.5, inner - 1, barHeight - 1);
  }
}
