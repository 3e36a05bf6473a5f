// Draws a binary buddy allocator as its tree: one row per order, the whole space at
// the top, each split block joined to its two halves below, the blocks in use now
// (free or live) filled in at their order; beside or under it, each order's free
// list in list order, in columns where the room is short (alone when the scene has no
// room for a deep tree). Clicking a block reports it as `pick` (the scene decides if it
// may take the request); hovering shows what it is.

import type Phaser from 'phaser';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { UI, textOn } from '../palette.ts';
import { reportDrawn } from '../test-hook.ts';
import { formatBytesShort } from './format.ts';
import { describeRegion } from './HeapTooltip.ts';
import { fitText, lineHeight, measureText } from './labels.ts';
import { PickablePanel } from './PickablePanel.ts';
import type { Rect } from './patterns.ts';
import { blockLook, drawBlockBody } from './block-look.ts';

export interface BuddyTree {
  /** The allocator's walk: every free and live block, addresses and sizes in bytes. */
  readonly regions: readonly RegionView[];
  /** Bytes per unit; a block of order k is 2^k units. */
  readonly unit: number;
  readonly minOrder: number;
  readonly maxOrder: number;
  /** Each order's free list, head first, addresses in bytes (index = order); derived from the regions when absent. */
  readonly freeLists?: readonly (readonly number[])[];
  readonly colourBy?: 'id' | 'tag';
}

const GAP = 16;
/** From this width the free lists go beside the tree, which takes this share of it. */
const SIDE_BY_SIDE = 900;
const TREE_SHARE = 0.62;

export class BuddyView extends PickablePanel<RegionView, BuddyTree> {
  protected data: BuddyTree = { regions: [], unit: 1, minOrder: 0, maxOrder: 0 };
  /** Draw the free lists alone (a deep tree with no room to be read). */
  private listsOnly = false;

  setListsOnly(on: boolean): this {
    if (on !== this.listsOnly) {
      this.listsOnly = on;
      this.redraw();
    }
    return this;
  }

  /** The middle of the block starting at `address`, for tests and pointers. */
  pointOf(address: number): { x: number; y: number } | null {
    return this.pointWhere((region) => region.start === address);
  }

  /** A block's order: log2 of its size in units. */
  orderOf(region: RegionView): number {
    return Math.round(Math.log2(region.size / this.data.unit));
  }

  protected describe(region: RegionView): string {
    return `${describeRegion(region, 0)}\norder ${this.orderOf(region)}`;
  }

  private levels(): number {
    return this.data.maxOrder - this.data.minOrder + 1;
  }

  private font(): number {
    return Math.max(11, this.baseFont() - 1);
  }

  private listLines(): string[] {
    const lists = this.data.freeLists ?? this.derivedFreeLists();
    const lines: string[] = [];
    for (let order = this.data.maxOrder; order >= this.data.minOrder; order--) {
      const list = lists[order] ?? [];
      lines.push(`order ${order} (${formatBytesShort(2 ** order * this.data.unit)}): ${list.length === 0 ? '—' : list.join(', ')}`);
    }
    return lines;
  }

  private derivedFreeLists(): number[][] {
    const lists: number[][] = [];
    for (const r of this.data.regions) {
      if (r.state !== 'free') continue;
      const order = this.orderOf(r);
      (lists[order] ??= []).push(r.start);
    }
    return lists;
  }

  /** The tree's height at its comfortable row spacing. */
  private treeHeight(): number {
    return this.levels() * lineHeight(this.font()) * 2.2;
  }

  /** The least height the tree is read at: rows far enough apart that their labels do not meet. */
  treeLeast(): number {
    return this.levels() * lineHeight(this.font()) * 1.5;
  }

  /** The widest list line's width when its list is empty (a longer list is cut to its column). */
  private columnWidth(): number {
    const font = this.font();
    const widest = Math.max(...this.listLines().map((line) => measureText(line.replace(/: .*$/, ': —'), font)), measureText('free lists (head first)', font, true) / 2);
    return widest + GAP;
  }

  /** How many columns of free lists fit side by side in `width`. */
  private columnsIn(width: number): number {
    return Math.max(1, Math.min(this.levels(), Math.floor((width + GAP) / this.columnWidth())));
  }

  /** The free lists' height in `columns` columns (a heading, then the orders row by row). */
  private listsHeightIn(columns: number): number {
    return lineHeight(this.font()) * (Math.ceil(this.levels() / columns) + 1) + 4;
  }

  /** The free lists' height at `width`, in as many columns as fit (the least room they need). */
  listsLeast(width: number): number {
    return this.listsHeightIn(this.columnsIn(width));
  }

  /** The height the tree and free lists need stacked at `width` (the lists in as many columns as fit). */
  stackedLeast(width: number): number {
    return this.treeLeast() + GAP + this.listsLeast(width);
  }

  /** Whether tree and free lists are read in a box of this size (else the scene shows the lists alone). */
  readableIn(width: number, height: number): boolean {
    if (width < SIDE_BY_SIDE) return height >= this.stackedLeast(width);
    return height >= Math.max(this.treeLeast(), this.listsLeast(width * (1 - TREE_SHARE) - GAP * 2));
  }

  /** The height the view needs as it draws now at `width` (the free lists alone, or tree and lists). */
  height(width = this.bounds.width): number {
    if (this.listsOnly) return this.listsLeast(width);
    return width >= SIDE_BY_SIDE ? Math.max(this.treeHeight(), this.listsLeast(width * (1 - TREE_SHARE) - GAP * 2)) : this.treeHeight() + GAP + this.listsLeast(width);
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const font = this.font();
    const free = this.data.regions.filter((r) => r.state === 'free').length;
    if (this.listsOnly) {
      this.drawLists({ x: this.bounds.x, y: this.bounds.y, w: this.bounds.width, h: this.bounds.height }, font);
      reportDrawn('BuddyView', { levels: this.levels(), blocks: this.data.regions.length, free, listsOnly: true });
      return;
    }
    const wide = this.bounds.width >= SIDE_BY_SIDE;
    const listH = this.listsLeast(this.bounds.width);
    const treeH = Math.min(this.treeHeight(), wide ? this.bounds.height : Math.max(60, this.bounds.height - listH - GAP));
    const tree: Rect = { x: this.bounds.x, y: this.bounds.y, w: wide ? this.bounds.width * TREE_SHARE : this.bounds.width, h: treeH };
    const lists: Rect = wide
      ? { x: tree.x + tree.w + GAP * 2, y: this.bounds.y, w: this.bounds.width - tree.w - GAP * 2, h: this.bounds.height }
      : { x: this.bounds.x, y: tree.y + tree.h + GAP, w: this.bounds.width, h: listH };
    this.drawTree(g, tree, font);
    this.drawLists(lists, font);
    reportDrawn('BuddyView', { levels: this.levels(), blocks: this.data.regions.length, free, listsOnly: false });
  }

  private drawTree(g: Phaser.GameObjects.Graphics, area: Rect, font: number): void {
    const { minOrder, maxOrder, unit } = this.data;
    const labelW = measureText(`order ${maxOrder}`, font) + 10;
    const left = area.x + labelW;
    const width = Math.max(10, area.w - labelW);
    const rowH = Math.min(lineHeight(font) * 2.2, area.h / this.levels());
    const boxH = Math.max(8, rowH - 10);
    const space = 2 ** maxOrder * unit;
    const xOf = (address: number): number => left + (address / space) * width;
    const rowTop = (order: number): number => area.y + (maxOrder - order) * rowH;
    for (let order = maxOrder; order >= minOrder; order--) {
      this.labels.add(area.x, rowTop(order) + boxH / 2, `order ${order}`, { size: font, colour: UI.dim, originX: 0 });
    }
    // Split blocks: every ancestor of a block in use now.
    const splits = new Set<string>();
    for (const r of this.data.regions) {
      for (let order = this.orderOf(r) + 1; order <= maxOrder; order++) {
        const bytes = 2 ** order * unit;
        splits.add(`${order}:${Math.floor(r.start / bytes) * bytes}`);
      }
    }
    for (const key of splits) {
      const [order, address] = key.split(':').map(Number) as [number, number];
      const bytes = 2 ** order * unit;
      const x = xOf(address);
      const w = xOf(address + bytes) - x;
      const y = rowTop(order);
      g.lineStyle(1, UI.freeEdge, 1).strokeRect(x + 1, y + 0.5, w - 2, boxH);
      if (measureText('split', font) + 8 <= w && lineHeight(font) <= boxH) this.labels.add(x + w / 2, y + boxH / 2, 'split', { size: font, colour: UI.dim });
      // Lines down to the two halves.
      g.lineStyle(1, UI.axis, 1);
      g.lineBetween(x + w / 2, y + boxH, x + w / 4, y + rowH);
      g.lineBetween(x + w / 2, y + boxH, x + (3 * w) / 4, y + rowH);
    }
    for (const r of this.data.regions) {
      const order = this.orderOf(r);
      const rect = { x: xOf(r.start) + 1, y: rowTop(order), w: Math.max(2, xOf(r.start + r.size) - xOf(r.start) - 2), h: boxH };
      this.drawBlock(g, r, rect, font);
      this.hits.add(rect, r);
    }
  }

  private drawBlock(g: Phaser.GameObjects.Graphics, r: RegionView, rect: Rect, font: number): void {
    if (r.state !== 'live') {
      g.fillStyle(UI.free, 1).fillRect(rect.x, rect.y, rect.w, rect.h);
      g.lineStyle(2, UI.focus, 0.8).strokeRect(rect.x, rect.y, rect.w, rect.h);
      const text = fitText(formatBytesShort(r.size), rect.w - 6, font);
      if (text && lineHeight(font) <= rect.h) this.labels.add(rect.x + rect.w / 2, rect.y + rect.h / 2, text, { size: font, colour: UI.text });
      return;
    }
    const look = blockLook(r, this.data.colourBy);
    const bodyW = rect.w * Math.min(1, (r.requested ?? r.size) / r.size);
    drawBlockBody(g, rect, bodyW, look);
    const text = fitText(`#${r.id}`, rect.w - 6, font, true);
    if (text && lineHeight(font) <= rect.h) this.labels.add(rect.x + Math.max(bodyW, measureText(text, font, true) + 6) / 2, rect.y + rect.h / 2, text, { size: font, colour: textOn(look.colour), bold: true });
  }

  /** The free lists under their heading, in the fewest columns that fit the area's height (as many as its width holds, at most). */
  private drawLists(area: Rect, font: number): void {
    this.labels.add(area.x, area.y, 'free lists (head first)', { size: font, colour: UI.text, bold: true, originX: 0, originY: 0 });
    let columns = 1;
    while (columns < this.columnsIn(area.w) && this.listsHeightIn(columns) > area.h) columns++;
    const rows = Math.ceil(this.levels() / columns);
    // Columns a gap apart, the last one flush with the area's right edge.
    const pitch = (area.w + GAP) / columns;
    for (const [i, line] of this.listLines().entries()) {
      const column = Math.floor(i / rows);
      const text = fitText(line, pitch - GAP, font);
      this.labels.add(area.x + column * pitch, area.y + lineHeight(font) * ((i % rows) + 1) + 4, text, { size: font, colour: line.endsWith('—') ? UI.dim : UI.text, originX: 0, originY: 0 });
    }
  }
}
