// The view gallery (`/?scene=gallery&page=play`): every drawing component filled with
// sample data, one page per theme, laid out for the window it is in. It is where the
// views are looked at and screenshotted; its little bits of sample logic (is a drop
// spot free?) stand in for the engine and are not game rules.

import Phaser from 'phaser';
import { FONT_FAMILY, UI, baseFontSize } from '../palette.ts';
import { publishGallery } from '../test-hook.ts';
import { HeapView, type HeapGhost } from '../views/HeapView.ts';
import type { HeapLine } from '../views/heap-line.ts';
import { OVERLAY_NAME } from '../views/HeapTooltip.ts';
import { QueueView } from '../views/QueueView.ts';
import { RequestCardView } from '../views/RequestCardView.ts';
import { MetersView } from '../views/MetersView.ts';
import { ComparisonBarsView } from '../views/ComparisonBarsView.ts';
import { LinePlotView } from '../views/LinePlotView.ts';
import { BuddyView } from '../views/BuddyView.ts';
import { SlabView } from '../views/SlabView.ts';
import { ArenaView } from '../views/ArenaView.ts';
import { sampleArena, sampleBuddy, sampleSlab } from '../views/kind-samples.ts';
import { largeHeap, lectureHeap, lectureHints, sampleComparison, sampleMeters, sampleQueue, sampleTimeline } from '../views/samples.ts';
import { KeyOnce, onKey } from '../ui/keys.ts';

const PAGES = ['play', 'results', 'heap', 'buddy', 'slab', 'arena'] as const;
type PageName = (typeof PAGES)[number];

/** A page of the gallery: builds its views, lays them out in a rectangle, tears them down. */
interface GalleryPage {
  layout(x: number, y: number, width: number, height: number): void;
  destroy(): void;
  /** Named screen points the browser tests aim at (a block, a hole...). */
  probes?(): Record<string, { x: number; y: number } | null>;
}

interface TextBox {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

const MARGIN = 12;

function isPageName(name: string | null): name is PageName {
  return PAGES.some((p) => p === name);
}

function isOnFreeSpace(line: HeapLine, address: number, size: number): boolean {
  const end = address + size;
  if (end > Math.max(line.breakAt, line.extent ?? 0)) return false;
  return line.regions.every((r) => r.area === 'mmap' || r.state !== 'live' || end <= r.start || address >= r.start + r.size);
}

function blockingId(line: HeapLine, address: number, size: number): number | undefined {
  return line.regions.find((r) => r.state === 'live' && r.area !== 'mmap' && address < r.start + r.size && r.start < address + size)?.id;
}

export class GalleryScene extends Phaser.Scene {
  private page: GalleryPage | null = null;
  private pageName: PageName = 'play';
  private tabs: Phaser.GameObjects.Text[] = [];
  private readonly log: string[] = [];
  private lastPublished = '';

  constructor() {
    super('GalleryScene');
  }

  create(): void {
    const requested = new URLSearchParams(window.location.search).get('page');
    this.tabs = PAGES.map((name, i) => this.add.text(0, 0, `${i + 1} ${name}`, { fontFamily: FONT_FAMILY, fontSize: '14px', color: UI.dim })
      .setInteractive({ useHandCursor: true })
      .on('pointerdown', () => this.showPage(name)));
    onKey(this.input.keyboard, 'keydown', (e: KeyboardEvent) => {
      const index = Number(e.key) - 1;
      const name = PAGES[index];
      if (name) this.showPage(name);
    });
    this.scale.on('resize', this.layout, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off('resize', this.layout, this);
      this.page?.destroy();
      this.page = null;
    });
    this.showPage(isPageName(requested) ? requested : 'play');
  }

  override update(): void {
    this.publish();
  }

  private note(event: string): void {
    this.log.push(event);
    if (this.log.length > 30) this.log.shift();
  }

  private showPage(name: PageName): void {
    this.page?.destroy();
    this.pageName = name;
    this.page = this.buildPage(name);
    this.layout();
  }

  private layout(): void {
    const { width, height } = this.scale;
    const font = baseFontSize(width, height);
    let x = MARGIN;
    for (const [i, tab] of this.tabs.entries()) {
      const active = PAGES[i] === this.pageName;
      tab.setFontSize(Math.max(12, font - 2)).setColor(active ? UI.text : UI.dim).setFontStyle(active ? 'bold' : '').setPosition(x, 8);
      x += tab.width + 16;
    }
    const top = 8 + (this.tabs[0]?.height ?? 20) + 10;
    this.page?.layout(MARGIN, top, width - 2 * MARGIN, height - top - MARGIN);
  }

  // ---- pages ---------------------------------------------------------------------

  private buildPage(name: PageName): GalleryPage {
    switch (name) {
      case 'play': return this.buildPlayPage();
      case 'results': return this.buildResultsPage();
      case 'heap': return this.buildHeapPage();
      case 'buddy': return this.buildBuddyPage();
      case 'slab': return this.buildSlabPage();
      case 'arena': return this.buildArenaPage();
    }
  }

  private buildPlayPage(): GalleryPage {
    const line = lectureHeap();
    const request = { id: 9, size: 12, tag: 'parser' };
    const queue = new QueueView(this);
    queue.show(sampleQueue());
    const card = new RequestCardView(this);
    card.show(request);
    const heap = new HeapView(this);
    heap.show(line);
    heap.setHints(lectureHints());
    const meters = new MetersView(this);
    meters.show(sampleMeters());
    const bars = new ComparisonBarsView(this);
    bars.show(sampleComparison());
    heap.setGhost({ address: 16, size: request.size, legal: true });
    heap.enableInput();
    heap.events
      .on('hover', ({ region }) => this.note(`hover ${region ? `${region.state} ${region.start}` : 'none'}`))
      .on('holeclick', ({ hole, address }) => this.note(`holeclick ${hole.index} ${address}`))
      .on('holefocus', ({ hole }) => {
        this.note(`holefocus ${hole ? hole.index : 'none'}`);
        if (hole) heap.setGhost(this.ghostAt(line, hole.start, request.size));
      })
      .on('holechoose', ({ hole }) => this.note(`holechoose ${hole.index} ${hole.start}`))
      .on('zoom', ({ bytesPerRow }) => this.note(`zoom ${bytesPerRow}`));
    /** The drop spot: the byte under the pointer, rounded down to the heap's 4-byte alignment. */
    const spotAt = (x: number, y: number): number | null => {
      const address = heap.addressAt(x, y);
      return address === null ? null : address - (address % 4);
    };
    card.events
      .on('drag', ({ x, y }) => {
        const spot = spotAt(x, y);
        heap.setGhost(spot === null ? null : this.ghostAt(line, spot, request.size));
      })
      .on('drop', ({ x, y }) => {
        const spot = spotAt(x, y);
        const ghost = spot === null ? null : this.ghostAt(line, spot, request.size);
        this.note(ghost ? `drop ${ghost.address} ${ghost.legal ? 'legal' : 'refused'}` : 'drop off the heap');
        card.snapBack();
      });
    return {
      layout: (x, y, w, h) => {
        const wide = w >= 700;
        const rowH = Math.max(queue.height(), card.height());
        if (wide) {
          queue.layout(x, y, w * 0.6, rowH);
          card.alignTo('right').layout(x + w * 0.6, y, w * 0.4, rowH);
        } else {
          queue.layout(x, y, w, queue.height());
          card.alignTo('left').layout(x, y + queue.height() + 6, w, card.height());
        }
        const heapTop = wide ? y + rowH + 12 : y + queue.height() + card.height() + 18;
        const heapH = heap.rowHeight() * (h > 900 ? 2 : 1);
        heap.layout(x, heapTop, w, heapH);
        const metersTop = heapTop + heapH + 8;
        meters.layout(x, metersTop, w, meters.height(w));
        const barsTop = metersTop + meters.height(w) + 16;
        bars.layout(x, barsTop, wide ? Math.min(w, 900) : w, Math.min(bars.height(), y + h - barsTop));
      },
      destroy: () => {
        bars.destroy();
        meters.destroy();
        heap.destroy();
        card.destroy();
        queue.destroy();
      },
      probes: () => ({
        block1: heap.pointOf(4), hole16: heap.pointOf(20), hole52: heap.pointOf(53), block3: heap.pointOf(40),
        pastBreak: heap.pointOf(140), card: card.centre(),
      }),
    };
  }

  private buildResultsPage(): GalleryPage {
    const bars = new ComparisonBarsView(this);
    bars.show(sampleComparison());
    const plot = new LinePlotView(this);
    plot.show(sampleTimeline());
    return {
      layout: (x, y, w, h) => {
        if (w >= 900) {
          bars.layout(x, y, w * 0.4 - 12, Math.min(h, bars.height()));
          plot.layout(x + w * 0.4 + 12, y, w * 0.6 - 12, Math.min(h, 600));
        } else {
          bars.layout(x, y, w, bars.height());
          const top = y + bars.height() + 24;
          plot.layout(x, top, w, Math.min(y + h - top, 420));
        }
      },
      destroy: () => {
        plot.destroy();
        bars.destroy();
      },
    };
  }

  private buildHeapPage(): GalleryPage {
    const heap = new HeapView(this);
    const modes = ['tag', 'id', 'age'] as const;
    let mode = 0;
    heap.show(largeHeap());
    heap.enableInput();
    // C cycles the colouring: by tag, by request id, by age.
    const once = new KeyOnce();
    const cycleColours = (e: KeyboardEvent): void => {
      if (!once.first(e) || e.key !== 'c') return;
      mode = (mode + 1) % modes.length;
      heap.show({ ...largeHeap(), colourBy: modes[mode] });
      this.note(`colour by ${modes[mode]}`);
    };
    this.input.keyboard?.on('keydown', cycleColours);
    heap.events.on('zoom', ({ bytesPerRow }) => this.note(`zoom ${bytesPerRow}`));
    return {
      layout: (x, y, w, h) => heap.layout(x, y, w - 8, h),
      destroy: () => {
        this.input.keyboard?.off('keydown', cycleColours);
        heap.destroy();
      },
    };
  }

  private buildBuddyPage(): GalleryPage {
    const buddy = new BuddyView(this);
    buddy.show(sampleBuddy());
    buddy.enableInput();
    buddy.events.on('pick', (region) => this.note(`pick block ${region.start} order ${buddy.orderOf(region)} ${region.state}`));
    return {
      layout: (x, y, w, h) => buddy.layout(x, y, w, Math.min(h, buddy.height(w))),
      destroy: () => buddy.destroy(),
      probes: () => ({ free: buddy.pointOf(32) }),
    };
  }

  private buildSlabPage(): GalleryPage {
    const slab = new SlabView(this);
    slab.show(sampleSlab());
    slab.enableInput();
    slab.events.on('pick', (t) => this.note(`pick slab ${t.slab} ${t.cache}${t.slot ? ` slot ${t.slot.state}` : ''}`));
    return {
      layout: (x, y, w, h) => slab.layout(x, y, w, h),
      destroy: () => slab.destroy(),
      probes: () => ({ newSlab: slab.pointWhere((t) => t.slab === -1) }),
    };
  }

  private buildArenaPage(): GalleryPage {
    const arena = new ArenaView(this);
    arena.show(sampleArena());
    arena.enableInput();
    arena.events.on('pick', (t) => this.note(`pick arena ${t.arena}${t.region ? ` ${t.region.state}` : ''}`));
    return {
      layout: (x, y, w, h) => arena.layout(x, y, w, Math.min(h, arena.height())),
      destroy: () => arena.destroy(),
      probes: () => ({ newArena: arena.pointWhere((t) => t.arena === -1) }),
    };
  }

  /** The gallery's stand-in for asking the engine whether a spot is legal. */
  private ghostAt(line: HeapLine, address: number, size: number): HeapGhost {
    if (isOnFreeSpace(line, address, size)) return { address, size, legal: true };
    const id = blockingId(line, address, size);
    return { address, size, legal: false, note: id === undefined ? 'past the heap limit' : `overlaps block ${id}` };
  }

  // ---- test hook -----------------------------------------------------------------

  /** Every visible text on screen with its box (overlays excepted), for the overlap check. */
  private visibleTexts(): TextBox[] {
    const boxes: TextBox[] = [];
    for (const child of this.children.list) {
      if (!(child instanceof Phaser.GameObjects.Text) || !child.visible || child.name === OVERLAY_NAME || child.text.trim() === '') continue;
      const b = child.getBounds();
      boxes.push({ text: child.text, x: b.x, y: b.y, w: b.width, h: b.height });
    }
    return boxes;
  }

  private publish(): void {
    const state = {
      page: this.pageName, width: this.scale.width, height: this.scale.height,
      texts: this.visibleTexts(), log: [...this.log], probes: this.page?.probes?.() ?? {},
    };
    const key = JSON.stringify(state);
    if (key === this.lastPublished) return;
    this.lastPublished = key;
    publishGallery(state);
  }
}
