// The play screen's meters as labelled numbers (ratios with a small bar): utilization,
// the best built-in policy's utilization on the same stream so far (when the round has
// rivals), heap and live bytes for every kind, then what matters for the kind — external
// fragmentation and the largest hole for a free list, rounding waste and the largest
// free block for buddy, pages held (of the limit) and slot slack for slab, bytes held
// but dead for arenas — and the time left for the current request as a bar with its
// seconds written on it. Each label says whether it is a peak or now, and hovering or
// tapping a meter shows what it measures. On a narrow screen the meters wrap into a grid.

import Phaser from 'phaser';
import { UI } from '../palette.ts';
import { reportDrawn } from '../test-hook.ts';
import { PanelView } from './PanelView.ts';
import { formatBytes, formatPercent, formatRatio } from './format.ts';
import { fitText, lineHeight, measureText } from './labels.ts';
import { hatch } from './patterns.ts';

export interface MeterReadings {
  /** Peak live / peak heap so far, 0..1. */
  readonly utilization: number;
  /** 1 - largest hole / free bytes, 0..1. */
  readonly externalFragmentation: number;
  readonly largestHole: number;
  readonly heapBytes: number;
  readonly liveBytes: number;
  /** Which allocator the meters describe (a free list when absent). */
  readonly kind?: 'freelist' | 'buddy' | 'slab' | 'arena';
  /** Bytes lost inside blocks to rounding (buddy orders, slab slots). */
  readonly internalBytes?: number;
  /** Slab pages held now, and the pool's limit when there is one. */
  readonly pages?: { readonly held: number; readonly limit?: number };
  /** The built-in policy with the best utilization so far on the same stream, when the round shows rivals. */
  readonly rival?: { readonly name: string; readonly utilization: number } | null;
  /** Seconds left for the current request, out of `total`; absent when untimed. */
  readonly timer?: { readonly remaining: number; readonly total: number } | null;
}

interface Meter {
  readonly label: string;
  readonly value: string;
  /** 0..1 for the meters drawn with a bar. */
  readonly ratio?: number;
  /** What the meter measures, shown on hover or tap. */
  readonly definition?: string;
}

const DEFINITIONS = {
  utilization: 'peak live ÷ peak heap so far: the score\'s measure (1000 points at 100%). It never rises again once the heap has grown past what is live.',
  rival: 'the best built-in policy\'s peak utilization on the same requests so far',
  extFrag: 'external fragmentation now: 1 − largest hole ÷ free bytes. 0: all free space is one hole; near 1: it is scattered in small holes, so a large request may not fit.',
  largestHole: 'the largest request that fits now without growing the heap',
  heap: 'bytes the heap holds now (for a free list: up to the break, plus mmap pages)',
  live: 'bytes the program asked for that are in use now',
} as const;

const GAP = 12;
/** Below this share of the time, the timer bar turns orange and striped. */
const LOW_TIME = 0.3;

/** The meters as label and value, in the order they are drawn (the accessibility mirror reads them too). */
export function metersOf(r: MeterReadings): Meter[] {
  const common: Meter[] = [
    { label: 'peak utilization', value: formatPercent(r.utilization), ratio: r.utilization, definition: DEFINITIONS.utilization },
    { label: 'heap now', value: formatBytes(r.heapBytes), definition: DEFINITIONS.heap },
    { label: 'live now', value: formatBytes(r.liveBytes), definition: DEFINITIONS.live },
  ];
  const rival: Meter[] = r.rival ? [{ label: `best: ${r.rival.name}`, value: formatPercent(r.rival.utilization), ratio: r.rival.utilization, definition: DEFINITIONS.rival }] : [];
  return [...common.slice(0, 1), ...rival, ...kindMeters(r), ...common.slice(1)];
}

function kindMeters(r: MeterReadings): Meter[] {
  const internal = r.internalBytes ?? 0;
  switch (r.kind) {
    case 'buddy':
      return [
        { label: 'rounding waste', value: formatBytes(internal) },
        { label: 'largest free block', value: formatBytes(r.largestHole), definition: DEFINITIONS.largestHole },
      ];
    case 'slab':
      return [
        { label: 'pages held', value: r.pages ? `${r.pages.held}${r.pages.limit === undefined ? '' : ` of ${r.pages.limit}`}` : '—', ...(r.pages?.limit ? { ratio: r.pages.held / r.pages.limit } : {}) },
        { label: 'slot slack', value: formatBytes(internal) },
      ];
    case 'arena':
      return [
        { label: 'held, not live', value: formatBytes(Math.max(0, r.heapBytes - r.liveBytes)) },
        { label: 'rounding waste', value: formatBytes(internal) },
      ];
    default:
      return [
        { label: 'ext. frag. now (?)', value: formatRatio(r.externalFragmentation), ratio: r.externalFragmentation, definition: DEFINITIONS.extFrag },
        { label: 'largest hole now', value: formatBytes(r.largestHole), definition: DEFINITIONS.largestHole },
      ];
  }
}

export class MetersView extends PanelView<MeterReadings | null> {
  protected data: MeterReadings | null = null;
  /** One zone per meter, for its definition on hover or tap. */
  private readonly zones: Phaser.GameObjects.Zone[] = [];
  private readonly tip: Phaser.GameObjects.Text;
  /** The meter whose definition is showing, or null. */
  private tipFor: number | null = null;
  private spots: { label: string; definition: string | null; x: number; y: number }[] = [];

  constructor(scene: Phaser.Scene, depth = 0) {
    super(scene, depth);
    this.tip = scene.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '15px', color: UI.text, backgroundColor: '#2b2f3a', padding: { x: 8, y: 6 } })
      .setDepth(depth + 50).setVisible(false);
  }

  override destroy(): void {
    for (const z of this.zones) z.destroy();
    this.tip.destroy();
    super.destroy();
  }


  /** The height the meters need at `width` (the grid wraps on narrow screens). */
  height(width: number): number {
    const rows = Math.ceil((this.data ? metersOf(this.data).length : 5) / this.columns(width));
    const timer = this.data?.timer ? this.timerHeight() + GAP : 0;
    return timer + rows * this.cellHeight() + (rows - 1) * GAP;
  }

  private fonts(): { label: number; value: number } {
    const font = this.baseFont();
    return { label: Math.max(11, font - 2), value: Math.round(font * 1.25) };
  }

  private cellHeight(): number {
    const f = this.fonts();
    return lineHeight(f.label) + lineHeight(f.value) + 10;
  }

  private timerHeight(): number {
    return lineHeight(this.fonts().value) + 4;
  }

  private columns(width: number): number {
    const f = this.fonts();
    const widest = Math.max(measureText('largest free block', f.label), measureText('1023.5 KiB', f.value, true)) + GAP;
    return Math.max(1, Math.min(this.data ? metersOf(this.data).length : 5, Math.floor((width + GAP) / widest)));
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const r = this.data;
    if (r) {
      let top = this.bounds.y;
      if (r.timer) {
        this.drawTimer(g, r.timer, top);
        top += this.timerHeight() + GAP;
      }
      const columns = this.columns(this.bounds.width);
      const cellW = (this.bounds.width - (columns - 1) * GAP) / columns;
      this.spots = [];
      for (const [i, meter] of metersOf(r).entries()) {
        const x = this.bounds.x + (i % columns) * (cellW + GAP);
        const y = top + Math.floor(i / columns) * (this.cellHeight() + GAP);
        this.drawMeter(g, meter, x, y, cellW);
        this.placeZone(i, meter, x, y, cellW);
        this.spots.push({ label: meter.label, definition: meter.definition ?? null, x: x + cellW / 2, y: y + this.cellHeight() / 2 });
      }
      for (const z of this.zones.slice(metersOf(r).length)) z.setVisible(false);
    }
    reportDrawn('MetersView', { readings: r, columns: this.columns(this.bounds.width), meters: this.spots, tip: this.tip.visible ? this.tip.text : null });
  }

  /** The zone over meter `i`: hovering or tapping it shows the meter's definition under it; a second tap hides it. */
  private placeZone(i: number, meter: Meter, x: number, y: number, w: number): void {
    let zone = this.zones[i];
    if (!zone) {
      zone = this.scene.add.zone(0, 0, 1, 1).setOrigin(0, 0).setInteractive();
      zone.on('pointerover', () => this.showTip(i));
      zone.on('pointerout', () => this.hideTip(i));
      zone.on('pointerdown', () => (this.tipFor === i ? this.hideTip(i) : this.showTip(i)));
      this.zones[i] = zone;
    }
    const h = this.cellHeight();
    zone.setVisible(meter.definition !== undefined).setPosition(x, y).setSize(w, h);
    zone.input?.hitArea.setTo(0, 0, w, h);
    zone.setData('tip', { definition: meter.definition ?? '', x, y: y + h + 4 });
    if (this.tipFor === i) this.showTip(i);
  }

  private showTip(i: number): void {
    const data = this.zones[i]?.getData('tip') as { definition: string; x: number; y: number } | undefined;
    if (!data || data.definition === '') return;
    this.tipFor = i;
    const width = Math.min(420, this.scene.scale.width - 16);
    this.tip.setText(data.definition).setWordWrapWidth(width - 16).setFontSize(Math.max(13, this.baseFont() - 1));
    const x = Math.max(8, Math.min(data.x, this.scene.scale.width - this.tip.width - 8));
    const y = data.y + this.tip.height > this.scene.scale.height ? data.y - this.cellHeight() - this.tip.height - 8 : data.y;
    this.tip.setPosition(x, y).setVisible(true);
  }

  private hideTip(i: number): void {
    if (this.tipFor !== i) return;
    this.tipFor = null;
    this.tip.setVisible(false);
  }

  private drawMeter(g: Phaser.GameObjects.Graphics, meter: Meter, x: number, y: number, w: number): void {
    const f = this.fonts();
    const h = this.cellHeight();
    g.fillStyle(UI.panel, 1).fillRoundedRect(x, y, w, h, 6);
    this.labels.add(x + 8, y + 4, fitText(meter.label, w - 16, f.label), { size: f.label, colour: UI.dim, originX: 0, originY: 0 });
    this.labels.add(x + 8, y + 4 + lineHeight(f.label), fitText(meter.value, w - 16, f.value, true), { size: f.value, colour: UI.text, bold: true, originX: 0, originY: 0 });
    if (meter.ratio === undefined) return;
    const barW = Math.max(0, w - 16);
    const barY = y + h - 7;
    g.fillStyle(UI.free, 1).fillRect(x + 8, barY, barW, 4);
    g.fillStyle(UI.axis, 1).fillRect(x + 8, barY, barW * Math.max(0, Math.min(1, meter.ratio)), 4);
  }

  private drawTimer(g: Phaser.GameObjects.Graphics, timer: { remaining: number; total: number }, y: number): void {
    const f = this.fonts();
    const h = this.timerHeight();
    const share = timer.total > 0 ? Math.max(0, Math.min(1, timer.remaining / timer.total)) : 0;
    const title = 'time';
    const seconds = `${Math.ceil(timer.remaining)} s`;
    const titleW = measureText(title, f.label) + GAP;
    const secondsW = measureText('000 s', f.value, true) + GAP;
    const barX = this.bounds.x + titleW;
    const barW = Math.max(10, this.bounds.width - titleW - secondsW);
    this.labels.add(this.bounds.x, y + h / 2, title, { size: f.label, colour: UI.dim, originX: 0 });
    g.fillStyle(UI.free, 1).fillRoundedRect(barX, y, barW, h, 6);
    const isLow = share <= LOW_TIME;
    const fill = { x: barX, y, w: barW * share, h };
    g.fillStyle(isLow ? UI.illegal : 0x56b4e9, 1).fillRect(fill.x, fill.y, fill.w, fill.h);
    if (isLow) hatch(g, fill, UI.background, 0.5, 8, 2);
    g.lineStyle(1, UI.freeEdge, 1).strokeRoundedRect(barX, y, barW, h, 6);
    this.labels.add(this.bounds.right, y + h / 2, seconds, { size: f.value, colour: isLow ? UI.bad : UI.text, bold: true, originX: 1 });
  }
}
