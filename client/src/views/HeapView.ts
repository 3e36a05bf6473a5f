// Draws a free-list heap as an address line that wraps into rows and zooms: live
// blocks in palette colours with a pattern and "#id size" labels where they fit,
// the bytes beyond a request hatched (internal fragmentation), holes with their size,
// the break, the room past it, mmap regions in a strip of their own, hint carets
// (first fit, best fit...), a ghost of the current request (legal or not, as the
// scene says) and short flashes where something happened (a freed block fading out, a
// merged hole, the part of a hole a placement split off). Input comes back in engine terms: addresses, holes, hovered regions.
// It holds no game rule: the scene decides what a click or a drop means.

import Phaser from 'phaser';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { UI, blockColour, textOn } from '../palette.ts';
import { reportDrawn } from '../test-hook.ts';
import { AddressLine, type LineSegment } from './address-line.ts';
import { ViewEvents } from './emitter.ts';
import { formatAddress, formatBytes, formatBytesShort, powerOfTwoAtLeast } from './format.ts';
import { LabelLane, clampedLeft, fitText, lineHeight, measureText } from './labels.ts';
import { contains, crossHatch, dashedRect, type Rect } from './patterns.ts';
import { ageRangeOf, blockLook, drawBlockBody, type AgeRange, type BlockLook } from './block-look.ts';
import { HeapTooltip, describeRegion } from './HeapTooltip.ts';
import { PanelView } from './PanelView.ts';
import { holesOf, lineExtent, type HeapLine, type HoleRef } from './heap-line.ts';
import { KeyOnce, keyUsed } from '../ui/keys.ts';
import { nextHoleThatFits } from '../../../shared/match/hole-choice.ts';
import { NO_MARKS, type LineMarks } from './line-marks.ts';
import { isMotionReduced } from '../a11y/comfort.ts';

/** A preview of the current request at a candidate address; the scene says whether it is legal. */
export interface HeapGhost {
  readonly address: number;
  readonly size: number;
  readonly legal: boolean;
  /** Words shown with it, e.g. "overlaps block 7". */
  readonly note?: string;
}

/** A caret under the line: where a policy would put the current request. */
export interface HeapHint {
  readonly label: string;
  readonly address: number;
}

export interface HeapViewEvents {
  hover: { region: RegionView | null; address: number | null };
  holeclick: { hole: HoleRef; address: number };
  holefocus: { hole: HoleRef | null };
  holechoose: { hole: HoleRef };
  zoom: { zoom: number; bytesPerRow: number; firstRow: number };
}

interface Metrics {
  readonly font: number;
  readonly small: number;
  readonly rulerHeight: number;
  readonly barHeight: number;
  readonly laneHeight: number;
  readonly band: number;
  readonly mmapHeight: number;
}

interface MmapBox extends Rect {
  readonly region: RegionView;
}

const MMAP_AREA = 'mmap';

/** What a flash marks: a block freed (it fades out), a hole merged, a hole's rest after a split, a block placed. */
export type FlashKind = 'freed' | 'merged' | 'split' | 'placed';
const FLASH_MS: Readonly<Record<FlashKind, number>> = { freed: 900, merged: 1100, split: 800, placed: 500 };
const ZOOM_STEP = 1.5;
/** A press on the bar held this long (ms) zooms in there instead of choosing the hole: a magnifier for tiny holes. */
export const HOLD_TO_ZOOM_MS = 500;
const HOLD_ZOOM = 4;
/** A press that moved further than this (px) is a drag or a scroll, not a choice. */
const PRESS_SLOP = 12;

function isMmap(r: RegionView): boolean {
  return r.area === MMAP_AREA;
}

function byStart(a: RegionView, b: RegionView): number {
  return a.start - b.start;
}

/** "first fit" -> "FF": the fallback when a hint's full label has no room. */
function initials(label: string): string {
  return label.split(/\s+/).map((w) => w.charAt(0).toUpperCase()).join('');
}

export class HeapView extends PanelView<HeapLine> {
  readonly events = new ViewEvents<HeapViewEvents>();
  private readonly overlay: Phaser.GameObjects.Graphics;
  private readonly tooltip: HeapTooltip;
  private readonly line = new AddressLine();
  protected data: HeapLine = { regions: [], breakAt: 1 };
  private heapRegions: RegionView[] = [];
  private mmapRegions: RegionView[] = [];
  /** Pixels the bars grow by to fill the box (growBars). */
  private barGrowth = 0;
  private holeList: HoleRef[] = [];
  private ages: AgeRange = { oldest: 0, newest: 0 };
  private mmapBoxes: MmapBox[] = [];
  private ghost: HeapGhost | null = null;
  private hints: readonly HeapHint[] = [];
  private marks: LineMarks = NO_MARKS;
  private focused: number | null = null;
  /** The holes the pending request fits in (indices into the holes), as the scene last said; null: every hole. */
  private fitting: readonly number[] | null = null;
  private hovered: RegionView | null = null;
  private pinchDistance: number | null = null;
  /** The address a press on the bar started at (chosen or zoomed into when it ends). */
  private pressAt: number | null = null;
  private inputBound = false;
  /** Each key event once (see ui/keys.ts). */
  private readonly keyOnce = new KeyOnce();
  private hintsDropped = 0;
  /** Flashes still fading (destroyed with the view). */
  private readonly flashes = new Set<Phaser.GameObjects.Graphics>();
  private flashCount = 0;

  constructor(scene: Phaser.Scene, depth = 0) {
    super(scene, depth);
    this.overlay = scene.add.graphics().setDepth(depth + 2);
    this.tooltip = new HeapTooltip(scene, depth + 20);
  }

  /** Shows a heap. */
  override show(line: HeapLine): void {
    this.heapRegions = line.regions.filter((r) => !isMmap(r)).sort(byStart);
    this.mmapRegions = line.regions.filter(isMmap).sort(byStart);
    this.holeList = holesOf(line);
    this.ages = ageRangeOf(line.regions);
    if (this.focused !== null && this.focused >= this.holeList.length) this.focused = null;
    super.show(line);
  }

  setGhost(ghost: HeapGhost | null): void {
    this.ghost = ghost;
    this.redraw();
  }

  setHints(hints: readonly HeapHint[]): void {
    this.hints = hints;
    this.redraw();
  }

  /** The level's marks: the next-fit rover, the free list's order (numbers on the holes). */
  setMarks(marks: LineMarks): void {
    if (marks.rover === this.marks.rover && marks.listOrder?.name === this.marks.listOrder?.name && marks.listOrder?.addresses.join() === this.marks.listOrder?.addresses.join()) return;
    this.marks = marks;
    this.redraw();
  }

  /** Holes in address order; the room past the break comes last. */
  holes(): readonly HoleRef[] {
    return this.holeList;
  }

  focusedHole(): HoleRef | null {
    return this.focused === null ? null : (this.holeList[this.focused] ?? null);
  }

  focusHole(index: number | null): void {
    this.focused = index === null || this.holeList.length === 0 ? null : Math.max(0, Math.min(this.holeList.length - 1, index));
    const hole = this.focusedHole();
    if (hole) this.line.reveal(hole.start);
    this.redraw();
    this.events.emit('holefocus', { hole });
  }

  /**
   * Which holes the pending request fits in (indices into `holes()`, from the engine's
   * verdicts: shared/match/hole-choice.ts); null when any hole may be chosen. The
   * keyboard's focus skips the others, and Enter with no hole focused chooses the first.
   */
  setFitting(fitting: readonly number[] | null): void {
    this.fitting = fitting;
  }

  private fittingHoles(): readonly number[] {
    return this.fitting ?? this.holeList.map((h) => h.index);
  }

  /** Moves the keyboard focus to the next (+1) or previous (-1) hole the request fits in. */
  moveFocus(step: 1 | -1): void {
    const next = nextHoleThatFits(this.fittingHoles(), this.focused, step);
    if (next !== null) this.focusHole(next);
  }

  /** Chooses the focused hole; with none focused (or one the request does not fit), the first it fits in (focused too). */
  chooseFocused(): void {
    if (this.focused === null || !this.fittingHoles().includes(this.focused)) {
      const first = nextHoleThatFits(this.fittingHoles(), null, 1);
      if (first === null) return;
      this.focusHole(first);
    }
    const hole = this.focusedHole();
    if (hole) this.events.emit('holechoose', { hole });
  }

  /** The byte address under a screen point, or null when the point is off the line. */
  addressAt(px: number, py: number): number | null {
    return this.line.addressAt(px, py);
  }

  /** The screen point at the middle of the bar at `address`, or null when its row is scrolled away. */
  pointOf(address: number): { x: number; y: number } | null {
    const row = this.line.rowOf(address);
    if (!this.line.isRowVisible(row)) return null;
    return { x: this.line.xOf(address + 0.5, row), y: this.line.barTop(row) + this.metrics().barHeight / 2 };
  }

  /** The height one row of the line takes (ruler, bar and hint lanes) at the current text size. */
  rowHeight(): number {
    // Without the bars' growth into spare room: a box sized from it would otherwise grow with every layout.
    return this.metrics().band - this.barGrowth;
  }

  /** The least height the line is drawn in at the current text size: one row and the mmap strip, if any. */
  leastHeight(): number {
    const m = this.metrics();
    return m.band - this.barGrowth + m.mmapHeight;
  }

  zoomBy(factor: number, anchor?: number): void {
    this.line.setZoom(this.line.zoom * factor, anchor);
    this.afterZoom();
  }

  resetZoom(): void {
    this.line.setZoom(1);
    this.afterZoom();
  }

  scrollRows(delta: number): void {
    this.line.scrollRows(delta);
    this.afterZoom();
  }

  /** Listens for hover, clicks, wheel and pinch zoom and (optionally) the keyboard. */
  enableInput(options: { keyboard?: boolean } = {}): void {
    if (this.inputBound) return;
    this.inputBound = true;
    const input = this.scene.input;
    if (input.manager.pointersTotal < 3) input.addPointer(1);
    input.on('pointermove', this.onPointerMove, this);
    input.on('pointerdown', this.onPointerDown, this);
    input.on('pointerup', this.onPointerUp, this);
    input.on('wheel', this.onWheel, this);
    if (options.keyboard !== false) input.keyboard?.on('keydown', this.onKey, this);
  }

  /**
   * Marks `[start, start + size)` for a moment: a freed block (`id`'s colour) fades out of
   * its place, a merged hole glows, a split-off rest is outlined. Heap addresses only.
   */
  flash(kind: FlashKind, start: number, size: number, id = 0): void {
    const g = this.scene.add.graphics().setDepth(this.overlay.depth + 1);
    for (const s of this.line.segments(start, size)) {
      if (!this.line.isRowVisible(s.row)) continue;
      if (kind === 'freed') {
        g.fillStyle(blockColour(id), 0.85).fillRect(s.x, s.y, s.w, s.h);
        g.lineStyle(3, UI.focus, 1).strokeRect(s.x + 1.5, s.y + 1.5, Math.max(0, s.w - 3), s.h - 3);
      } else if (kind === 'merged') {
        g.fillStyle(UI.legal, 0.35).fillRect(s.x, s.y, s.w, s.h);
        g.lineStyle(4, UI.legal, 1).strokeRect(s.x + 2, s.y - 3, Math.max(0, s.w - 4), s.h + 6);
      } else {
        g.lineStyle(3, UI.focus, 1);
        if (kind === 'split') dashedRect(g, { x: s.x + 1.5, y: s.y + 1.5, w: Math.max(0, s.w - 3), h: s.h - 3 }, 6, 4);
        else g.strokeRect(s.x - 2, s.y - 4, s.w + 4, s.h + 8);
      }
    }
    this.flashes.add(g);
    // Under reduced motion the flash stands still as long as it would have faded, then goes at once.
    const still = isMotionReduced();
    this.scene.tweens.add({ targets: g, alpha: 0, delay: still ? FLASH_MS[kind] : 0, duration: still ? 0 : FLASH_MS[kind], ease: 'Quad.easeIn', onComplete: () => this.endFlash(g) });
    this.flashCount++;
    reportDrawn('HeapFlash', { kind, start, size, count: this.flashCount, fades: !still });
  }

  /** A new place on screen: flashes drawn for the old one would mark the wrong bytes, so they go. */
  override layout(x: number, y: number, width: number, height: number, fontSize?: number): void {
    const { x: ox, y: oy, width: ow, height: oh } = this.bounds;
    if (x !== ox || y !== oy || width !== ow || height !== oh) this.clearFlashes();
    super.layout(x, y, width, height, fontSize);
  }

  private clearFlashes(): void {
    for (const g of this.flashes) {
      this.scene.tweens.killTweensOf(g);
      g.destroy();
    }
    this.flashes.clear();
  }

  private endFlash(g: Phaser.GameObjects.Graphics): void {
    this.flashes.delete(g);
    g.destroy();
  }

  override destroy(): void {
    this.clearFlashes();
    const input = this.scene.input;
    input.off('pointermove', this.onPointerMove, this);
    input.off('pointerdown', this.onPointerDown, this);
    input.off('pointerup', this.onPointerUp, this);
    input.off('wheel', this.onWheel, this);
    input.keyboard?.off('keydown', this.onKey, this);
    this.events.clear();
    super.destroy();
    this.overlay.destroy();
    this.tooltip.destroy();
  }

  // ---- drawing -------------------------------------------------------------------

  private metrics(): Metrics {
    const font = this.baseFont();
    const small = Math.max(11, Math.round(font * 0.82));
    const rulerHeight = lineHeight(small) + 8;
    const barHeight = Math.max(34, lineHeight(font, 2) + 8) + this.barGrowth;
    const laneHeight = lineHeight(small) + 2;
    // Two lanes under each row for hint labels and the ghost's words, always, so that
    // rows do not jump when a drag starts or hints are switched on.
    const band = rulerHeight + barHeight + 8 + laneHeight * 2 + 6;
    // A round that maps large requests shows its mmap strip from the start (empty until the first mapping).
    const mmapHeight = this.mmapRegions.length > 0 || this.data.mmap ? lineHeight(font, 2) + 14 : 0;
    return { font, small, rulerHeight, barHeight, laneHeight, band, mmapHeight };
  }

  private extent(): number {
    return lineExtent(this.data);
  }

  /**
   * The bars grow into the box's spare height, so a short heap fills the middle of the screen
   * instead of a thin strip at its top (up to 2.5 times their height); a long heap wraps into
   * rows first, like a memory map.
   */
  private growBars(): Metrics {
    this.barGrowth = 0;
    const base = this.metrics();
    const rows = this.configureLine(base);
    const spare = this.bounds.height - base.mmapHeight - rows * base.band;
    this.barGrowth = Math.max(0, Math.min(base.barHeight * 1.5, Math.floor(spare / rows)));
    const m = this.metrics();
    this.configureLine(m);
    return m;
  }

  /** Lays the address line out in the box with these metrics; returns the rows it shows. */
  private configureLine(m: Metrics): number {
    const { x, y, width, height } = this.bounds;
    const rowsVisible = Math.max(1, Math.floor((height - m.mmapHeight) / m.band));
    this.line.configure({ left: x, top: y, width, band: m.band, barOffset: m.rulerHeight, barHeight: m.barHeight, rowsVisible }, this.extent());
    return Math.min(rowsVisible, this.line.rowCount());
  }

  /** Redraws the line, then the hover outline on its own layer. */
  protected override redraw(): void {
    super.redraw();
    this.drawHover();
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const m = this.growBars();
    const rowsVisible = this.line.rowsVisible;
    const rulerLanes = new Map<number, LabelLane>();
    const hintLanes = new Map<number, LabelLane[]>();
    for (let row = this.line.firstRow; row < this.line.firstRow + rowsVisible; row++) {
      rulerLanes.set(row, new LabelLane());
      hintLanes.set(row, [new LabelLane(8), new LabelLane(8)]);
    }

    this.drawRowBackgrounds(g);
    for (const region of this.visibleRegions()) this.drawRegion(g, region, m);
    this.drawJoinedTail(g);
    this.drawFocus(g);
    this.drawGhost(g, m, hintLanes);
    this.drawBreak(g, m, rulerLanes);
    this.drawMarks(g, m, rulerLanes);
    this.drawRuler(g, m, rulerLanes);
    this.drawHints(g, m, hintLanes);
    this.drawMmapStrip(g, m);
    this.drawScrollbar(g, m);
    reportDrawn('HeapView', {
      regions: this.heapRegions.length,
      colourBy: this.data.colourBy ?? 'id',
      mmap: this.mmapRegions.length,
      holes: this.holeList.length,
      rows: this.line.rowCount(),
      rowsVisible,
      firstRow: this.line.firstRow,
      bytesPerRow: this.line.bytesPerRow,
      zoom: this.line.zoom,
      joinedTail: this.data.growFrom ?? null,
      headerBytes: this.data.headerBytes ?? 0,
      focused: this.focused,
      ghost: this.ghost,
      hints: this.hints.length,
      marks: this.marks,
      hintsDropped: this.hintsDropped,
      labels: this.labels.count(),
    });
  }

  private drawRowBackgrounds(g: Phaser.GameObjects.Graphics): void {
    const { start, end } = this.line.visibleRange();
    for (const s of this.line.segments(start, end - start)) {
      g.fillStyle(UI.unused, 1).fillRect(s.x, s.y, s.w, s.h);
      g.lineStyle(1, UI.freeEdge, 1);
      dashedRect(g, { x: s.x + 0.5, y: s.y + 0.5, w: s.w - 1, h: s.h - 1 }, 4, 4);
    }
    const past = this.data.breakAt;
    for (const s of this.line.segments(past, this.extent() - past)) {
      if (s.w > 60) crossHatch(g, { x: s.x + 1, y: s.y + 1, w: s.w - 2, h: s.h - 2 }, UI.freeEdge, 0.25, 14);
    }
  }

  /**
   * A free tail touching the break, joined to the room past it ([FL-GROW-3]): the room is
   * tinted as the hole is and one dashed outline runs round both, so it reads as one hole
   * that can take a larger block by growing.
   */
  private drawJoinedTail(g: Phaser.GameObjects.Graphics): void {
    const from = this.data.growFrom;
    const end = this.extent();
    if (from === undefined || end <= this.data.breakAt) return;
    for (const s of this.line.segments(this.data.breakAt, end - this.data.breakAt)) g.fillStyle(UI.free, 0.55).fillRect(s.x, s.y, s.w, s.h);
    g.lineStyle(2, UI.legal, 0.9);
    for (const s of this.line.segments(from, end - from)) dashedRect(g, { x: s.x + 1, y: s.y + 1, w: Math.max(0, s.w - 2), h: s.h - 2 }, 6, 4);
  }

  /** Heap regions that touch the rows on screen (binary search on the sorted list). */
  private visibleRegions(): RegionView[] {
    const { start, end } = this.line.visibleRange();
    let lo = 0;
    let hi = this.heapRegions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = this.heapRegions[mid];
      if (r && r.start + r.size <= start) lo = mid + 1;
      else hi = mid;
    }
    const visible: RegionView[] = [];
    for (let i = lo; i < this.heapRegions.length; i++) {
      const r = this.heapRegions[i];
      if (!r || r.start >= end) break;
      visible.push(r);
    }
    return visible;
  }

  private looks(region: RegionView): BlockLook {
    return blockLook(region, this.data.colourBy, this.ages);
  }

  private drawRegion(g: Phaser.GameObjects.Graphics, region: RegionView, m: Metrics): void {
    const segments = this.line.segments(region.start, region.size);
    if (region.state === 'live') this.drawLive(g, region, segments, this.line.pxPerByte);
    else if (region.state === 'free') this.drawHole(g, segments);
    const widest = segments.map((s) => this.uncoveredPart(s)).reduce<LineSegment | null>((best, s) => (best === null || s.w > best.w ? s : best), null);
    if (widest) this.labelRegion(region, widest, m);
  }

  private drawLive(g: Phaser.GameObjects.Graphics, region: RegionView, segments: readonly LineSegment[], px: number): void {
    const look = this.looks(region);
    const header = region.area === MMAP_AREA ? 0 : Math.min(region.size, this.data.headerBytes ?? 0);
    const bodyEnd = region.start + Math.min(region.size, header + (region.requested ?? region.size));
    for (const s of segments) {
      drawBlockBody(g, s, Math.max(0, Math.min(s.end, bodyEnd) - s.start) * px, look);
      // The boundary tag's header bytes: darkened, so a level about headers shows what each block costs.
      const headerEnd = Math.min(s.end, region.start + header);
      if (headerEnd > s.start) g.fillStyle(UI.background, 0.55).fillRect(s.x, s.y, (headerEnd - s.start) * px, s.h);
      // A dark edge where the block really starts or ends (not where a row wraps).
      g.fillStyle(UI.background, 1);
      if (s.start === region.start) g.fillRect(s.x, s.y, Math.min(2, s.w / 3), s.h);
      if (s.end === region.start + region.size) g.fillRect(s.x + s.w - Math.min(2, s.w / 3), s.y, Math.min(2, s.w / 3), s.h);
    }
  }

  private drawHole(g: Phaser.GameObjects.Graphics, segments: readonly LineSegment[]): void {
    for (const s of segments) {
      g.fillStyle(UI.free, 1).fillRect(s.x, s.y, s.w, s.h);
      g.lineStyle(1, UI.freeEdge, 1).strokeRect(s.x + 0.5, s.y + 0.5, Math.max(0, s.w - 1), s.h - 1);
    }
  }

  /** The larger part of a piece that the ghost does not cover (labels under the ghost are hard to read). */
  private uncoveredPart(s: LineSegment): LineSegment {
    const ghost = this.ghost;
    if (!ghost || ghost.address >= s.end || ghost.address + ghost.size <= s.start) return s;
    const before = { start: s.start, end: Math.max(s.start, ghost.address) };
    const after = { start: Math.min(s.end, ghost.address + ghost.size), end: s.end };
    const part = after.end - after.start >= before.end - before.start ? after : before;
    const x = s.x + (part.start - s.start) * this.line.pxPerByte;
    return { ...s, ...part, x, w: (part.end - part.start) * this.line.pxPerByte };
  }

  /** The longest label that fits the widest piece of the region: two lines, one line, or none. */
  private labelRegion(region: RegionView, s: LineSegment, m: Metrics): void {
    const size = formatBytes(region.size);
    const candidates = region.state === 'live'
      ? [
          ...(region.tag !== undefined && this.data.colourBy === 'tag' ? [`#${region.id} ${region.tag}\n${size}`] : []),
          `#${region.id}\n${size}`, `#${region.id} ${formatBytesShort(region.size)}`, `#${region.id}`,
        ]
      : region.state === 'free' ? [`free\n${size}`, `free ${formatBytesShort(region.size)}`, formatBytesShort(region.size), String(region.size)] : [];
    // Too narrow for even a short label: skip measuring (a large heap has thousands of these).
    if (s.w < m.font * 1.6) return;
    const fill = region.state === 'live' ? this.looks(region).colour : UI.free;
    for (const text of candidates) {
      const lines = text.split('\n').length;
      if (measureText(text, m.font) + 8 > s.w || lineHeight(m.font, lines) + 4 > s.h) continue;
      this.labels.add(s.x + s.w / 2, s.y + s.h / 2, text, {
        size: m.font, colour: region.state === 'live' ? textOn(fill) : UI.text, bold: region.state === 'live',
      });
      return;
    }
  }

  private drawFocus(g: Phaser.GameObjects.Graphics): void {
    const hole = this.focusedHole();
    if (!hole) return;
    for (const s of this.line.segments(hole.start, hole.size)) {
      g.lineStyle(4, UI.focus, 1).strokeRect(s.x + 2, s.y + 2, Math.max(0, s.w - 4), s.h - 4);
      g.lineStyle(2, UI.background, 1).strokeRect(s.x + 5, s.y + 5, Math.max(0, s.w - 10), s.h - 10);
    }
  }

  private drawGhost(g: Phaser.GameObjects.Graphics, m: Metrics, lanes: Map<number, LabelLane[]>): void {
    const ghost = this.ghost;
    if (!ghost) return;
    const colour = ghost.legal ? UI.legal : UI.illegal;
    const segments = this.line.segments(ghost.address, ghost.size);
    for (const s of segments) {
      const r = { x: s.x, y: s.y - 4, w: Math.max(2, s.w), h: s.h + 8 };
      g.fillStyle(colour, 0.5).fillRect(r.x, r.y, r.w, r.h);
      // A dark rim first, so the ghost stands out even over a block of its own colour.
      g.lineStyle(6, UI.background, 1).strokeRect(r.x, r.y, r.w, r.h);
      if (ghost.legal) g.lineStyle(3, colour, 1).strokeRect(r.x, r.y, r.w, r.h);
      else {
        crossHatch(g, r, UI.background, 0.9, 10);
        g.lineStyle(3, colour, 1);
        dashedRect(g, r, 8, 5);
      }
    }
    const first = segments[0];
    if (!first) return;
    const text = `${ghost.legal ? '✓' : '✗'} ${ghost.note ?? `${formatBytes(ghost.size)} at ${formatAddress(ghost.address)}`}`;
    // Under the line: a card dragged over the heap floats above the pointer and would hide words above it.
    this.placeHintLabel([text], first.x + Math.min(first.w, 40) / 2, first.y + first.h + 10, m, lanes.get(first.row) ?? [], ghost.legal ? UI.legalText : UI.bad, true);
  }

  private drawBreak(g: Phaser.GameObjects.Graphics, m: Metrics, lanes: Map<number, LabelLane>): void {
    const at = this.data.breakAt;
    const row = this.line.rowOf(Math.max(0, at - 1));
    if (!this.line.isRowVisible(row)) return;
    const bx = this.line.xOf(at, row);
    const top = this.line.barTop(row) - 6;
    const bottom = this.line.barTop(row) + m.barHeight + 4;
    g.lineStyle(3, UI.focus, 1).lineBetween(bx, top, bx, bottom);
    g.fillStyle(UI.focus, 1).fillTriangle(bx - 5, top, bx + 5, top, bx, top + 6);
    this.placeRulerLabel('break', bx, row, m, lanes, UI.text, true);
  }

  /** The rover as a caret over the bar, labelled; the list order as a numbered badge on each hole (1 = tried first). */
  private drawMarks(g: Phaser.GameObjects.Graphics, m: Metrics, lanes: Map<number, LabelLane>): void {
    const rover = this.marks.rover;
    if (rover !== null) {
      const row = this.line.rowOf(rover);
      if (this.line.isRowVisible(row)) {
        const x = this.line.xOf(rover, row);
        const top = this.line.barTop(row);
        g.fillStyle(0xf0e442, 1).fillTriangle(x - 7, top - 10, x + 7, top - 10, x, top + 2);
        g.lineStyle(2, 0xf0e442, 1).lineBetween(x, top, x, top + m.barHeight);
        this.placeRulerLabel('rover ▾', x, row, m, lanes, '#f0e442', true);
      }
    }
    const order = this.marks.listOrder;
    if (!order) return;
    order.addresses.forEach((address, i) => {
      const row = this.line.rowOf(address);
      if (!this.line.isRowVisible(row)) return;
      const x = this.line.xOf(address, row) + 11;
      const y = this.line.barTop(row) + 11;
      g.fillStyle(0xf0e442, 1).fillCircle(x, y, 9);
      this.labels.add(x, y, String(i + 1), { size: Math.max(10, m.small - 1), colour: UI.dark, bold: true });
    });
    const first = order.addresses[0];
    if (first !== undefined) this.placeRulerLabel(`${order.name} order`, this.line.xOf(first, this.line.rowOf(first)) + 40, this.line.rowOf(first), m, lanes, '#f0e442', true);
  }

  /** Puts a label on a row's ruler lane if it has room; returns whether it did. */
  private placeRulerLabel(text: string, cx: number, row: number, m: Metrics, lanes: Map<number, LabelLane>, colour: string, bold = false): boolean {
    const lane = lanes.get(row);
    if (!lane) return false;
    const width = measureText(text, m.small, bold);
    const left = clampedLeft(cx, width, this.bounds.x, this.bounds.right);
    if (!lane.claim(left, left + width)) return false;
    this.labels.add(left, this.line.bandTop(row) + lineHeight(m.small) / 2 + 1, text, { size: m.small, colour, bold, originX: 0 });
    return true;
  }

  private drawRuler(g: Phaser.GameObjects.Graphics, m: Metrics, lanes: Map<number, LabelLane>): void {
    const perRow = this.line.bytesPerRow;
    const widest = measureText(formatAddress(this.extent()), m.small) + 14;
    const step = powerOfTwoAtLeast((widest / this.bounds.width) * perRow);
    g.lineStyle(1, UI.axis, 1);
    for (let row = this.line.firstRow; row < Math.min(this.line.rowCount(), this.line.firstRow + this.line.rowsVisible); row++) {
      const rowStart = row * perRow;
      const rowEnd = Math.min(this.extent(), rowStart + perRow);
      const barTop = this.line.barTop(row);
      const ticks = [rowStart];
      // A row's end is the next row's start, so it is labelled there (except the very end).
      for (let a = Math.ceil(rowStart / step) * step; a < rowEnd || a === this.extent(); a += step) if (a !== rowStart) ticks.push(a);
      for (const a of ticks) {
        const tx = this.line.xOf(a, row);
        g.lineBetween(tx, barTop - 5, tx, barTop);
        this.placeRulerLabel(formatAddress(a), tx, row, m, lanes, UI.dim);
      }
    }
  }

  private drawHints(g: Phaser.GameObjects.Graphics, m: Metrics, lanes: Map<number, LabelLane[]>): void {
    this.hintsDropped = 0;
    const byAddress = new Map<number, string[]>();
    for (const h of this.hints) byAddress.set(h.address, [...(byAddress.get(h.address) ?? []), h.label]);
    for (const [address, names] of [...byAddress].sort((a, b) => a[0] - b[0])) {
      const row = this.line.rowOf(address);
      if (!this.line.isRowVisible(row) || address >= this.extent()) continue;
      const hx = this.line.xOf(address, row);
      const caretTop = this.line.barTop(row) + m.barHeight + 2;
      g.fillStyle(UI.focus, 1).fillTriangle(hx, caretTop, hx - 6, caretTop + 8, hx + 6, caretTop + 8);
      const full = names.join(' · ');
      const short = names.map(initials).join('·');
      if (!this.placeHintLabel([full, short], hx, caretTop + 8, m, lanes.get(row) ?? [])) this.hintsDropped++;
    }
  }

  private placeHintLabel(texts: readonly string[], cx: number, top: number, m: Metrics, lanes: readonly LabelLane[], colour: string = UI.text, bold = false): boolean {
    for (const full of texts) {
      // Long words (a refusal's reason) are cut to the line's width rather than run off it.
      const text = fitText(full, this.bounds.width, m.small, bold);
      const width = measureText(text, m.small, bold);
      const left = clampedLeft(cx, width, this.bounds.x, this.bounds.right);
      for (const [i, lane] of lanes.entries()) {
        if (!lane.claim(left, left + width)) continue;
        this.labels.add(left, top + m.laneHeight * i + m.laneHeight / 2 + 1, text, { size: m.small, colour, bold, originX: 0 });
        return true;
      }
    }
    return false;
  }

  /** mmap regions: a strip of their own under the rows, each box sized by its bytes. */
  private drawMmapStrip(g: Phaser.GameObjects.Graphics, m: Metrics): void {
    this.mmapBoxes = [];
    if (this.mmapRegions.length === 0 && !this.data.mmap) return;
    const top = this.bounds.bottom - m.mmapHeight + 6;
    const h = m.mmapHeight - 8;
    const title = 'mmap';
    const titleW = measureText(title, m.small, true) + 10;
    this.labels.add(this.bounds.x, top + h / 2, title, { size: m.small, colour: UI.text, bold: true, originX: 0 });
    const left = this.bounds.x + titleW;
    const mapped = this.data.mmap?.pendingMapped === true;
    if (this.mmapRegions.length === 0 || mapped) this.drawMmapNote(g, m, { x: left, y: top, w: this.bounds.right - left, h }, mapped);
    if (this.mmapRegions.length === 0) return;
    const room = this.bounds.right - left - 4 * this.mmapRegions.length;
    const total = this.mmapRegions.reduce((sum, r) => sum + r.size, 0);
    let x = left;
    for (const region of this.mmapRegions) {
      const w = Math.max(6, (region.size / total) * room);
      const box = { x, y: top, w, h, region };
      this.mmapBoxes.push(box);
      const piece = { start: region.start, end: region.start + region.size, row: -1, x, y: top, w, h };
      if (region.state === 'live') this.drawLive(g, region, [piece], w / region.size);
      else this.drawHole(g, [piece]);
      g.lineStyle(2, UI.focus, 0.6);
      dashedRect(g, box, 5, 3);
      const text = region.state === 'live' ? `#${region.id} ${formatBytesShort(region.size)}` : formatBytesShort(region.size);
      if (measureText(text, m.font, true) + 8 <= w) {
        const fill = region.state === 'live' ? this.looks(region).colour : UI.free;
        this.labels.add(x + w / 2, top + h / 2, text, { size: m.font, colour: textOn(fill), bold: true });
      }
      x += w + 4;
    }
  }

  /**
   * The mmap strip's words: where requests of the threshold or more go while nothing is
   * mapped, and, when the pending request is one of them, that it is mapped there (the
   * strip outlined: the hint for a large request points at something drawn).
   */
  private drawMmapNote(g: Phaser.GameObjects.Graphics, m: Metrics, box: Rect, mapped: boolean): void {
    const threshold = this.data.mmap?.threshold ?? 0;
    g.lineStyle(mapped ? 3 : 1, mapped ? UI.legal : UI.freeEdge, 1);
    dashedRect(g, box, 6, 4);
    if (this.mmapRegions.length > 0) return;
    const words = mapped
      ? [`this request is mapped here: place it anywhere`, 'mapped here: place it anywhere']
      : [`requests of ${formatBytes(threshold)} or more are mapped here`, `${formatBytesShort(threshold)}+ mapped here`];
    const text = words.find((w) => measureText(w, m.small) + 12 <= box.w);
    if (text) this.labels.add(box.x + 8, box.y + box.h / 2, text, { size: m.small, colour: mapped ? UI.legalText : UI.dim, bold: mapped, originX: 0 });
  }

  private drawScrollbar(g: Phaser.GameObjects.Graphics, m: Metrics): void {
    const rows = this.line.rowCount();
    const visible = this.line.rowsVisible;
    if (rows <= visible) return;
    const trackTop = this.bounds.y;
    const trackH = visible * m.band;
    const thumbH = Math.max(12, (visible / rows) * trackH);
    const thumbTop = trackTop + (this.line.firstRow / (rows - visible)) * (trackH - thumbH);
    const x = this.bounds.right + 3;
    g.fillStyle(UI.panel, 1).fillRect(x, trackTop, 4, trackH);
    g.fillStyle(UI.axis, 1).fillRect(x, thumbTop, 4, thumbH);
  }

  private drawHover(): void {
    const o = this.overlay.clear();
    const region = this.hovered;
    if (!region) return;
    o.lineStyle(2, UI.focus, 1);
    const box = this.mmapBoxes.find((b) => b.region === region);
    if (box) o.strokeRect(box.x, box.y, box.w, box.h);
    else for (const s of this.line.segments(region.start, region.size)) o.strokeRect(s.x + 1, s.y + 1, s.w - 2, s.h - 2);
  }

  // ---- input ---------------------------------------------------------------------

  private regionAt(address: number): RegionView | null {
    let lo = 0;
    let hi = this.heapRegions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.heapRegions[mid];
      if (!r) break;
      if (address < r.start) hi = mid - 1;
      else if (address >= r.start + r.size) lo = mid + 1;
      else return r;
    }
    return null;
  }

  private holeAt(address: number): HoleRef | null {
    return this.holeList.find((h) => address >= h.start && address < h.start + h.size) ?? null;
  }

  private isOnBar(px: number, py: number, address: number): boolean {
    const row = this.line.rowOf(address);
    const top = this.line.barTop(row);
    return py >= top && py < top + this.metrics().barHeight && px >= this.bounds.x && px < this.bounds.right;
  }

  private hoverTarget(px: number, py: number): { region: RegionView | null; address: number | null } {
    const box = this.mmapBoxes.find((b) => contains(b, px, py));
    if (box) return { region: box.region, address: null };
    const address = this.line.addressAt(px, py);
    if (address === null || !this.isOnBar(px, py, address)) return { region: null, address };
    return { region: this.regionAt(address) ?? { start: this.data.breakAt, size: this.extent() - this.data.breakAt, state: 'unused' }, address };
  }

  private onPointerMove(pointer: Phaser.Input.Pointer): void {
    if (this.updatePinch()) return;
    const { region, address } = this.hoverTarget(pointer.worldX, pointer.worldY);
    if (region !== this.hovered && (region === null || this.hovered === null || region.start !== this.hovered.start || region.state !== this.hovered.state || region.area !== this.hovered.area)) {
      this.hovered = region;
      this.drawHover();
      this.events.emit('hover', { region, address });
    }
    // No tooltip while a button is held: the player is dragging something over the line.
    if (region && !pointer.isDown) this.tooltip.show(describeRegion(region, this.data.breakAt), pointer.worldX, pointer.worldY);
    else this.tooltip.hide();
  }

  private onPointerDown(pointer: Phaser.Input.Pointer): void {
    this.tooltip.hide();
    const address = this.line.addressAt(pointer.worldX, pointer.worldY);
    this.pressAt = address !== null && this.isOnBar(pointer.worldX, pointer.worldY, address) ? address : null;
  }

  /**
   * A press on the bar ends: a short one chooses the hole under it; one held for
   * HOLD_TO_ZOOM_MS zooms in there (tiny holes become big enough to tap). Timed by the
   * pointer's own event times, so a slow frame does not turn a click into a hold.
   */
  private onPointerUp(pointer: Phaser.Input.Pointer): void {
    const pinched = this.pinchDistance !== null;
    this.pinchDistance = null;
    const address = this.pressAt;
    this.pressAt = null;
    if (address === null || pinched || pointer.getDistance() > PRESS_SLOP) return;
    if (pointer.upTime - pointer.downTime >= HOLD_TO_ZOOM_MS) return this.zoomBy(HOLD_ZOOM, address);
    const hole = this.holeAt(address);
    if (hole) this.events.emit('holeclick', { hole, address });
  }

  /** Two fingers down on the view: zoom by how far they spread. Returns whether a pinch is on. */
  private updatePinch(): boolean {
    const a = this.scene.input.pointer1;
    const b = this.scene.input.pointer2;
    if (!a?.isDown || !b?.isDown) {
      this.pinchDistance = null;
      return false;
    }
    const distance = Math.hypot(a.worldX - b.worldX, a.worldY - b.worldY);
    if (this.pinchDistance !== null && distance > 0 && this.pinchDistance > 0) {
      const anchor = this.line.addressAt((a.worldX + b.worldX) / 2, (a.worldY + b.worldY) / 2) ?? undefined;
      this.line.setZoom(this.line.zoom * (distance / this.pinchDistance), anchor);
      this.afterZoom();
    }
    this.pinchDistance = distance;
    return true;
  }

  private onWheel(pointer: Phaser.Input.Pointer, _over: unknown, _dx: number, dy: number): void {
    if (!this.bounds.contains(pointer.worldX, pointer.worldY) || dy === 0) return;
    const anchor = this.line.addressAt(pointer.worldX, pointer.worldY) ?? undefined;
    this.zoomBy(dy < 0 ? 1.25 : 0.8, anchor);
  }

  private onKey(event: KeyboardEvent): void {
    if (!this.keyOnce.first(event) || keyUsed(event)) return;
    switch (event.key) {
      case 'ArrowRight': this.moveFocus(1); break;
      case 'ArrowLeft': this.moveFocus(-1); break;
      case 'Enter': case ' ': this.chooseFocused(); break;
      case '+': case '=': this.zoomBy(ZOOM_STEP, this.focusedHole()?.start); break;
      case '-': case '_': this.zoomBy(1 / ZOOM_STEP, this.focusedHole()?.start); break;
      case '0': this.resetZoom(); break;
      case 'ArrowDown': case 'PageDown': this.scrollRows(1); break;
      case 'ArrowUp': case 'PageUp': this.scrollRows(-1); break;
      default: return;
    }
    event.preventDefault();
  }

  private afterZoom(): void {
    this.tooltip.hide();
    this.hovered = null;
    this.redraw();
    this.events.emit('zoom', { zoom: this.line.zoom, bytesPerRow: this.line.bytesPerRow, firstRow: this.line.firstRow });
  }
}
