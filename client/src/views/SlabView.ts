// Draws a slab allocator: for each object cache in use, its slabs as boxes of slots
// (a slot filled in the colour of the object in it, or left hollow when free), each
// slab marked full, partial or empty in words and by its border (thick, thin,
// dashed), with a "+ new slab" box to ask for one; blocks with pages of their own
// as "large"; the pages held out of the pool's limit on top. Clicks on a slab, a
// slot or "+ new slab" come back as `pick` with the slab id (-1 for a new one).

import type Phaser from 'phaser';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { UI } from '../palette.ts';
import { reportDrawn } from '../test-hook.ts';
import { blockLook, drawBlockBody } from './block-look.ts';
import { formatBytes } from './format.ts';
import { describeRegion } from './HeapTooltip.ts';
import { fitText, lineHeight, measureText } from './labels.ts';
import { dashedRect, type Rect } from './patterns.ts';
import { PickablePanel } from './PickablePanel.ts';

/** A cache as the engine's cacheViews() gives it (the fields drawn). */
export interface SlabCacheInfo {
  readonly name: string;
  readonly objectSize: number;
  readonly slotsPerSlab: number;
  readonly full: number;
  readonly partial: number;
  readonly empty: number;
}

/** A slab as the engine's slabViews() gives it. */
export interface SlabInfo {
  readonly id: number;
  /** The cache's name, or 'large' for a block with pages of its own. */
  readonly cache: string;
  readonly pages: number;
  readonly slots: number;
  readonly used: number;
  readonly state: 'full' | 'partial' | 'empty' | 'large';
}

export interface SlabPicture {
  readonly caches: readonly SlabCacheInfo[];
  readonly slabs: readonly SlabInfo[];
  /** The engine's walk (areas 'slab:<id>'): which object sits in which slot. */
  readonly regions?: readonly RegionView[];
  readonly pages?: { readonly held: number; readonly limit?: number };
  readonly colourBy?: 'id' | 'tag';
  /** A cache to offer "+ new slab" for even while it has no slab (the pending request's cache). */
  readonly newSlabFor?: string;
}

/** What a click or hover landed on: a slab (or -1, a new slab of `cache`), maybe one slot. */
export interface SlabTarget {
  readonly slab: number;
  readonly cache: string;
  readonly slot?: RegionView;
}

const PAD = 6;
const GAP = 10;

function columnsFor(slots: number): number {
  if (slots <= 8) return Math.max(1, slots);
  if (slots <= 32) return 8;
  if (slots <= 128) return 16;
  return 32;
}

export class SlabView extends PickablePanel<SlabTarget, SlabPicture> {
  protected data: SlabPicture = { caches: [], slabs: [] };
  private slotsBySlab = new Map<number, RegionView[]>();

  override show(picture: SlabPicture): void {
    this.slotsBySlab = new Map();
    for (const r of picture.regions ?? []) {
      const match = /^slab:(\d+)$/.exec(r.area ?? '');
      if (!match || r.state === 'unused') continue;
      const id = Number(match[1]);
      this.slotsBySlab.set(id, [...(this.slotsBySlab.get(id) ?? []), r]);
    }
    for (const slots of this.slotsBySlab.values()) slots.sort((a, b) => a.start - b.start);
    super.show(picture);
  }

  protected describe(target: SlabTarget): string {
    if (target.slot) return describeRegion(target.slot, 0);
    if (target.slab < 0) return `a new slab for ${target.cache}`;
    const slab = this.data.slabs.find((s) => s.id === target.slab);
    return slab ? `slab #${slab.id} · ${slab.cache}\n${slab.state}: ${slab.used} of ${slab.slots} slots used\n${slab.pages} page${slab.pages === 1 ? '' : 's'}` : '';
  }

  private font(): number {
    return Math.max(11, this.baseFont() - 2);
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const font = this.font();
    const lh = lineHeight(font);
    let y = this.bounds.y;
    const pages = this.data.pages;
    if (pages) {
      const text = `pages held: ${pages.held}${pages.limit === undefined ? '' : ` of ${pages.limit}`}`;
      this.labels.add(this.bounds.x, y, text, { size: font + 1, colour: UI.text, bold: true, originX: 0, originY: 0 });
      y += lineHeight(font + 1) + GAP;
    }
    let sections = 0;
    const idle: string[] = [];
    for (const cache of this.data.caches) {
      const slabs = this.data.slabs.filter((s) => s.cache === cache.name);
      if (slabs.length === 0 && cache.name !== this.data.newSlabFor) {
        idle.push(cache.name);
        continue;
      }
      const title = `${cache.name} · ${formatBytes(cache.objectSize)} objects · ${cache.full} full, ${cache.partial} partial, ${cache.empty} empty`;
      const next = this.drawSection(g, y, title, slabs, cache.name, true);
      if (next === null) break;
      y = next;
      sections++;
    }
    const large = this.data.slabs.filter((s) => s.state === 'large');
    if (large.length > 0) {
      const next = this.drawSection(g, y, 'large blocks (pages of their own)', large, 'large', false);
      if (next !== null) y = next;
    }
    if (idle.length > 0 && y + lh <= this.bounds.bottom) {
      this.labels.add(this.bounds.x, y, fitText(`no slabs yet: ${idle.join(', ')}`, this.bounds.width, font), { size: font, colour: UI.dim, originX: 0, originY: 0 });
    }
    reportDrawn('SlabView', { caches: sections, slabs: this.data.slabs.length });
  }

  /** A cache's title and its slabs flowing in rows; returns the y below it, or null when out of room. */
  private drawSection(g: Phaser.GameObjects.Graphics, top: number, title: string, slabs: readonly SlabInfo[], cache: string, canGrow: boolean): number | null {
    const font = this.font();
    const lh = lineHeight(font);
    if (top + lh * 3 > this.bounds.bottom) return null;
    this.labels.add(this.bounds.x, top, fitText(title, this.bounds.width, font, true), { size: font, colour: UI.text, bold: true, originX: 0, originY: 0 });
    let x = this.bounds.x;
    let y = top + lh + 4;
    let rowH = 0;
    const boxes = slabs.map((slab) => ({ slab, size: this.boxSize(slab) }));
    const newSlab = canGrow ? { w: measureText('+ new slab', font) + 2 * PAD, h: lh + 2 * PAD } : null;
    const place = (w: number, h: number): Rect => {
      if (x + w > this.bounds.right && x > this.bounds.x) {
        x = this.bounds.x;
        y += rowH + GAP;
        rowH = 0;
      }
      const rect = { x, y, w, h };
      x += w + GAP;
      rowH = Math.max(rowH, h);
      return rect;
    };
    for (const { slab, size } of boxes) {
      const rect = place(size.w, size.h);
      if (rect.y + rect.h > this.bounds.bottom) break;
      this.drawSlab(g, slab, rect);
    }
    if (newSlab) {
      const rect = place(newSlab.w, newSlab.h);
      if (rect.y + rect.h <= this.bounds.bottom) {
        g.lineStyle(1.5, UI.axis, 1);
        dashedRect(g, rect, 5, 4);
        this.labels.add(rect.x + rect.w / 2, rect.y + rect.h / 2, '+ new slab', { size: font, colour: UI.dim });
        this.hits.add(rect, { slab: -1, cache });
      }
    }
    return y + rowH + GAP + 4;
  }

  private cellSize(slab: SlabInfo): number {
    const rows = Math.ceil(slab.slots / columnsFor(slab.slots));
    return Math.max(4, Math.min(this.font(), Math.floor((this.font() * 6) / rows)));
  }

  private boxSize(slab: SlabInfo): { w: number; h: number } {
    const font = this.font();
    const titleW = measureText(this.slabTitle(slab), font);
    if (slab.state === 'large') return { w: titleW + 2 * PAD, h: lineHeight(font) + 2 * PAD };
    const cols = columnsFor(slab.slots);
    const cell = this.cellSize(slab);
    return { w: Math.max(titleW, cols * cell) + 2 * PAD, h: lineHeight(font) + Math.ceil(slab.slots / cols) * cell + 2 * PAD + 2 };
  }

  private slabTitle(slab: SlabInfo): string {
    return slab.state === 'large' ? `#${slab.id} · ${slab.pages} pages` : `#${slab.id} ${slab.state}`;
  }

  private drawSlab(g: Phaser.GameObjects.Graphics, slab: SlabInfo, rect: Rect): void {
    const font = this.font();
    g.fillStyle(UI.panel, 1).fillRect(rect.x, rect.y, rect.w, rect.h);
    if (slab.state === 'empty') {
      g.lineStyle(1.5, UI.axis, 1);
      dashedRect(g, rect, 5, 3);
    } else g.lineStyle(slab.state === 'full' ? 3 : 1.5, slab.state === 'full' ? UI.focus : UI.axis, 1).strokeRect(rect.x, rect.y, rect.w, rect.h);
    this.labels.add(rect.x + PAD, rect.y + PAD, this.slabTitle(slab), { size: font, colour: slab.state === 'empty' ? UI.dim : UI.text, originX: 0, originY: 0 });
    this.hits.add(rect, { slab: slab.id, cache: slab.cache });
    if (slab.state === 'large') return;
    const cols = columnsFor(slab.slots);
    const cell = this.cellSize(slab);
    const gridTop = rect.y + PAD + lineHeight(font) + 2;
    const slots = this.slotsBySlab.get(slab.id);
    for (let i = 0; i < slab.slots; i++) {
      const cellRect = { x: rect.x + PAD + (i % cols) * cell, y: gridTop + Math.floor(i / cols) * cell, w: cell - 1, h: cell - 1 };
      const region = slots?.[i];
      const isUsed = region ? region.state === 'live' : i < slab.used;
      if (isUsed && region) {
        const look = blockLook(region, this.data.colourBy);
        drawBlockBody(g, cellRect, cellRect.w * Math.min(1, (region.requested ?? region.size) / region.size), look);
        this.hits.add(cellRect, { slab: slab.id, cache: slab.cache, slot: region });
      } else if (isUsed) {
        g.fillStyle(UI.axis, 1).fillRect(cellRect.x, cellRect.y, cellRect.w, cellRect.h);
      } else {
        g.lineStyle(1, UI.freeEdge, 1).strokeRect(cellRect.x + 0.5, cellRect.y + 0.5, cellRect.w - 1, cellRect.h - 1);
      }
    }
  }
}
