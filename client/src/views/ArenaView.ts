// Draws arena (bump-pointer) allocation: one bar per open arena, all to the same
// scale, with its live objects in the colour of their tag, dead objects and
// abandoned chunk tails crossed out (their bytes come back only when the whole arena
// is dead), the room left at the bump pointer, and a line of words: tag, live and dead
// counts, bytes held. A "+ new arena" row asks for a new one. Clicks come back as
// `pick` with the arena id (-1 for a new arena).

import type Phaser from 'phaser';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { UI, textOn } from '../palette.ts';
import { reportDrawn } from '../test-hook.ts';
import { blockLook, drawBlockBody } from './block-look.ts';
import { formatBytes } from './format.ts';
import { describeRegion } from './HeapTooltip.ts';
import { fitText, lineHeight, measureText } from './labels.ts';
import { crossHatch, dashedRect, type Rect } from './patterns.ts';
import { PickablePanel } from './PickablePanel.ts';

/** An arena as the engine's arenaViews() gives it (the fields drawn). */
export interface ArenaInfo {
  readonly id: number;
  /** The tag of the object that opened it ('' for none). */
  readonly label: string;
  readonly bytesHeld: number;
  readonly liveObjects: number;
  readonly deadObjects: number;
  /** Bytes left at the bump pointer. */
  readonly room: number;
}

export interface ArenaPicture {
  readonly arenas: readonly ArenaInfo[];
  /** The engine's walk (areas 'arena:<id>'): live objects, dead ones and tails ('unused'), the room ('free'). */
  readonly regions: readonly RegionView[];
  /** Colour objects by tag (default: arenas are about lifetimes) or by request id. */
  readonly colourBy?: 'id' | 'tag';
}

export interface ArenaTarget {
  readonly arena: number;
  readonly region?: RegionView;
}

const GAP = 10;

export class ArenaView extends PickablePanel<ArenaTarget, ArenaPicture> {
  protected data: ArenaPicture = { arenas: [], regions: [] };

  protected describe(target: ArenaTarget): string {
    if (target.region) {
      return target.region.state === 'unused' ? `dead bytes\n${formatBytes(target.region.size)}: back only when the arena is all dead` : describeRegion(target.region, 0);
    }
    if (target.arena < 0) return 'open a new arena';
    const arena = this.data.arenas.find((a) => a.id === target.arena);
    return arena ? `arena #${arena.id}${arena.label ? ` · ${arena.label}` : ''}\n${formatBytes(arena.bytesHeld)} held, ${formatBytes(arena.room)} room` : '';
  }

  private font(): number {
    return Math.max(11, this.baseFont() - 1);
  }

  private rowHeight(): number {
    const lh = lineHeight(this.font());
    return lh + 4 + Math.max(22, lh + 8) + GAP;
  }

  /** The height every arena row and the "+ new arena" row need. */
  height(): number {
    return (this.data.arenas.length + 1) * this.rowHeight();
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const font = this.font();
    const lh = lineHeight(font);
    const barH = Math.max(22, lh + 8);
    const scale = this.bounds.width / Math.max(1, ...this.data.arenas.map((a) => a.bytesHeld));
    let y = this.bounds.y;
    let drawn = 0;
    for (const arena of this.data.arenas) {
      if (y + this.rowHeight() > this.bounds.bottom + GAP) break;
      const title = `arena #${arena.id}${arena.label ? ` · ${arena.label}` : ''} · ${arena.liveObjects} live, ${arena.deadObjects} dead · ${formatBytes(arena.bytesHeld)} held`;
      this.labels.add(this.bounds.x, y, fitText(title, this.bounds.width, font), { size: font, colour: UI.text, originX: 0, originY: 0 });
      const bar = { x: this.bounds.x, y: y + lh + 4, w: arena.bytesHeld * scale, h: barH };
      this.drawArena(g, arena, bar, scale);
      y += this.rowHeight();
      drawn++;
    }
    if (y + lh + 12 <= this.bounds.bottom + GAP) {
      const text = '+ new arena';
      const rect = { x: this.bounds.x, y, w: measureText(text, font) + 16, h: lh + 12 };
      g.lineStyle(1.5, UI.axis, 1);
      dashedRect(g, rect, 5, 4);
      this.labels.add(rect.x + rect.w / 2, rect.y + rect.h / 2, text, { size: font, colour: UI.dim });
      this.hits.add(rect, { arena: -1 });
    }
    reportDrawn('ArenaView', { arenas: this.data.arenas.length, drawn });
  }

  private drawArena(g: Phaser.GameObjects.Graphics, arena: ArenaInfo, bar: Rect, scale: number): void {
    const font = this.font();
    g.fillStyle(UI.unused, 1).fillRect(bar.x, bar.y, bar.w, bar.h);
    this.hits.add(bar, { arena: arena.id });
    const area = `arena:${arena.id}`;
    for (const r of this.data.regions) {
      if (r.area !== area) continue;
      const rect = { x: bar.x + r.start * scale, y: bar.y, w: Math.max(1, r.size * scale), h: bar.h };
      this.drawRegion(g, r, rect, font);
      this.hits.add(rect, { arena: arena.id, region: r });
    }
    g.lineStyle(1, UI.freeEdge, 1).strokeRect(bar.x, bar.y, bar.w, bar.h);
  }

  private drawRegion(g: Phaser.GameObjects.Graphics, r: RegionView, rect: Rect, font: number): void {
    if (r.state === 'live') {
      const look = blockLook(r, this.data.colourBy ?? 'tag');
      drawBlockBody(g, rect, rect.w * Math.min(1, (r.requested ?? r.size) / r.size), look);
      g.fillStyle(UI.background, 1).fillRect(rect.x + rect.w - 1, rect.y, 1, rect.h);
      const text = r.tag !== undefined ? `#${r.id} ${r.tag}` : `#${r.id}`;
      for (const candidate of [text, `#${r.id}`]) {
        if (measureText(candidate, font, true) + 6 > rect.w) continue;
        this.labels.add(rect.x + rect.w / 2, rect.y + rect.h / 2, candidate, { size: font, colour: textOn(look.colour), bold: true });
        break;
      }
      return;
    }
    if (r.state === 'unused') {
      g.fillStyle(UI.free, 1).fillRect(rect.x, rect.y, rect.w, rect.h);
      crossHatch(g, rect, UI.axis, 0.5, 8);
      if (measureText('dead', font) + 6 <= rect.w) this.labels.add(rect.x + rect.w / 2, rect.y + rect.h / 2, 'dead', { size: font, colour: UI.text, background: '#2b303c' });
      return;
    }
    // The room at the bump pointer: where the next object of this arena goes.
    g.fillStyle(UI.free, 1).fillRect(rect.x, rect.y, rect.w, rect.h);
    g.fillStyle(UI.focus, 1).fillRect(rect.x, rect.y - 3, 3, rect.h + 6);
    const text = `room ${formatBytes(r.size)}`;
    if (measureText(text, font) + 10 <= rect.w) this.labels.add(rect.x + 8, rect.y + rect.h / 2, text, { size: font, colour: UI.text, originX: 0 });
  }
}
