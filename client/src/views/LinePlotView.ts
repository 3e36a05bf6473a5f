// A line plot over time for the results screen: heap and live bytes on the left axis
// and external fragmentation (0..1) on the right, with ticks, axis titles and a
// legend. Series differ by line style (solid, dashed, dotted) as well as colour.

import Phaser from 'phaser';
import { UI } from '../palette.ts';
import { reportDrawn } from '../test-hook.ts';
import { PanelView } from './PanelView.ts';
import { formatBytesShort, formatRatio, niceTicks } from './format.ts';
import { LabelLane, lineHeight, measureText } from './labels.ts';
import { strokePath } from './patterns.ts';

export interface PlotPoint {
  readonly x: number;
  readonly y: number;
}

export interface PlotSeries {
  readonly name: string;
  readonly points: readonly PlotPoint[];
  readonly axis: 'left' | 'right';
  readonly style: 'solid' | 'dashed' | 'dotted';
  readonly colour: number;
}

export interface PlotData {
  readonly xLabel: string;
  readonly leftLabel: string;
  readonly rightLabel?: string;
  readonly leftFormat?: (v: number) => string;
  readonly rightFormat?: (v: number) => string;
  /** Top of the right axis (default 1, for ratios). */
  readonly rightMax?: number;
  readonly series: readonly PlotSeries[];
}

interface Axis {
  readonly max: number;
  readonly ticks: readonly number[];
  readonly format: (v: number) => string;
}

const SAMPLE = 28;

export class LinePlotView extends PanelView<PlotData> {
  protected data: PlotData = { xLabel: '', leftLabel: '', series: [] };
  /** Called with the x value (a whole number) under a click or tap on the plot; null: the plot takes no clicks. */
  onPick: ((x: number) => void) | null = null;
  private pickZone: Phaser.GameObjects.Zone | null = null;

  private font(): number {
    return Math.max(11, this.baseFont() - 1);
  }

  private axis(side: 'left' | 'right', ticks: number): Axis {
    const values = this.data.series.filter((s) => s.axis === side).flatMap((s) => s.points.map((p) => p.y));
    const max = side === 'right' ? (this.data.rightMax ?? 1) : Math.max(1, ...values);
    const steps = niceTicks(max, ticks, side === 'left' && !this.data.leftFormat);
    const format = side === 'right' ? (this.data.rightFormat ?? formatRatio) : (this.data.leftFormat ?? formatBytesShort);
    return { max: steps[steps.length - 1] ?? max, ticks: steps, format };
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const font = this.font();
    const lh = lineHeight(font);
    const hasRight = this.data.series.some((s) => s.axis === 'right');
    const legendBottom = this.drawLegend(g, font);
    const titleY = legendBottom + 4;
    const plotTop = titleY + lh + 6;
    // Under the plot: the y labels' lower halves, then the x tick labels, then the x axis title.
    const plotBottom = this.bounds.bottom - (lh / 2 + 4) - lh - 2 - lh;
    const yTicks = Math.max(2, Math.floor((plotBottom - plotTop) / (lh * 2.2)));
    const left = this.axis('left', yTicks);
    const right = hasRight ? this.axis('right', yTicks) : null;
    const leftW = Math.max(...left.ticks.map((t) => measureText(left.format(t), font))) + 10;
    const rightW = right ? Math.max(...right.ticks.map((t) => measureText(right.format(t), font))) + 10 : 8;
    const plot = { x: this.bounds.x + leftW, y: plotTop, w: Math.max(10, this.bounds.width - leftW - rightW), h: Math.max(10, plotBottom - plotTop) };
    const xMax = Math.max(1, ...this.data.series.flatMap((s) => s.points.map((p) => p.x)));

    this.labels.add(plot.x, titleY, this.data.leftLabel, { size: font, colour: UI.dim, originX: 0, originY: 0 });
    if (this.data.rightLabel && right) this.labels.add(plot.x + plot.w, titleY, this.data.rightLabel, { size: font, colour: UI.dim, originX: 1, originY: 0 });
    this.drawGridAndTicks(g, plot, left, right, font);
    this.drawXAxis(g, plot, xMax, font);
    for (const s of this.data.series) {
      const axis = s.axis === 'right' && right ? right : left;
      const points = s.points.map((p) => ({ x: plot.x + (p.x / xMax) * plot.w, y: plot.y + plot.h - (p.y / axis.max) * plot.h }));
      this.drawSeries(g, points, s);
    }
    this.placePickZone(plot, xMax);
    reportDrawn('LinePlotView', {
      series: this.data.series.map((s) => s.name),
      points: this.data.series.reduce((n, s) => n + s.points.length, 0),
      plot: { ...plot, xMax },
    });
  }

  override destroy(): void {
    this.pickZone?.destroy();
    super.destroy();
  }

  /** A zone over the plot that turns a click at px into the x value there. */
  private placePickZone(plot: { x: number; y: number; w: number; h: number }, xMax: number): void {
    if (!this.onPick) return;
    if (!this.pickZone) {
      this.pickZone = this.scene.add.zone(0, 0, 1, 1).setOrigin(0, 0).setInteractive({ useHandCursor: true });
    }
    const zone = this.pickZone;
    zone.setPosition(plot.x, plot.y).setSize(plot.w, plot.h);
    zone.input?.hitArea.setTo(0, 0, plot.w, plot.h);
    zone.removeAllListeners('pointerup');
    zone.on('pointerup', (p: Phaser.Input.Pointer) => this.onPick?.(Phaser.Math.Clamp(Math.round(((p.x - plot.x) / plot.w) * xMax), 0, Math.round(xMax))));
  }

  /** The legend: a sample of each line and its name, wrapping onto more lines when needed. Returns its bottom. */
  private drawLegend(g: Phaser.GameObjects.Graphics, font: number): number {
    const lh = lineHeight(font);
    let x = this.bounds.x;
    let y = this.bounds.y;
    for (const s of this.data.series) {
      const w = SAMPLE + 6 + measureText(s.name, font) + 18;
      if (x + w > this.bounds.right && x > this.bounds.x) {
        x = this.bounds.x;
        y += lh + 4;
      }
      const cy = y + lh / 2;
      this.drawSeries(g, [{ x, y: cy }, { x: x + SAMPLE, y: cy }], s);
      this.labels.add(x + SAMPLE + 6, cy, s.name, { size: font, colour: UI.text, originX: 0 });
      x += w;
    }
    return y + lh;
  }

  private drawGridAndTicks(g: Phaser.GameObjects.Graphics, plot: { x: number; y: number; w: number; h: number }, left: Axis, right: Axis | null, font: number): void {
    g.lineStyle(1, UI.free, 1);
    for (const t of left.ticks) {
      const y = plot.y + plot.h - (t / left.max) * plot.h;
      g.lineBetween(plot.x, y, plot.x + plot.w, y);
      this.labels.add(plot.x - 6, y, left.format(t), { size: font, colour: UI.dim, originX: 1 });
    }
    if (right) {
      for (const t of right.ticks) {
        const y = plot.y + plot.h - (t / right.max) * plot.h;
        this.labels.add(plot.x + plot.w + 6, y, right.format(t), { size: font, colour: UI.dim, originX: 0 });
      }
    }
    g.lineStyle(2, UI.axis, 1);
    g.lineBetween(plot.x, plot.y, plot.x, plot.y + plot.h);
    g.lineBetween(plot.x, plot.y + plot.h, plot.x + plot.w, plot.y + plot.h);
    if (right) g.lineBetween(plot.x + plot.w, plot.y, plot.x + plot.w, plot.y + plot.h);
  }

  private drawXAxis(g: Phaser.GameObjects.Graphics, plot: { x: number; y: number; w: number; h: number }, xMax: number, font: number): void {
    const lane = new LabelLane(10);
    const widest = measureText(String(Math.round(xMax)), font) + 16;
    // Operations are counted in whole numbers: no tick between two of them.
    const ticks = niceTicks(xMax, Math.max(2, Math.min(Math.floor(plot.w / widest), Math.ceil(xMax))));
    g.lineStyle(1, UI.axis, 1);
    for (const t of ticks) {
      if (t > xMax) continue;
      const x = plot.x + (t / xMax) * plot.w;
      g.lineBetween(x, plot.y + plot.h, x, plot.y + plot.h + 5);
      const text = String(t);
      const w = measureText(text, font);
      // Kept between the axes, clear of the y labels on either side.
      const leftEdge = Math.max(plot.x - 2, Math.min(plot.x + plot.w - w, x - w / 2));
      if (lane.claim(leftEdge, leftEdge + w)) this.labels.add(leftEdge, plot.y + plot.h + lineHeight(font) / 2 + 4, text, { size: font, colour: UI.dim, originX: 0, originY: 0 });
    }
    this.labels.add(plot.x + plot.w / 2, this.bounds.bottom, this.data.xLabel, { size: font, colour: UI.dim, originY: 1 });
  }

  /** Draws a polyline in the series' style, thinned to about one point per pixel. */
  private drawSeries(g: Phaser.GameObjects.Graphics, points: readonly PlotPoint[], s: PlotSeries): void {
    const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const stride = Math.max(1, Math.floor(finite.length / Math.max(1, this.bounds.width)));
    const kept = finite.filter((_, i) => i % stride === 0 || i === finite.length - 1);
    g.lineStyle(s.style === 'solid' ? 3 : 2.5, s.colour, 1);
    g.fillStyle(s.colour, 1);
    strokePath(g, kept, s.style);
  }
}
