// The host's live class figures, as two small bar charts: how many students sit in
// each utilization decile, and where the class put the most recent request (a heat
// map over the address range: each bin's bar is as tall, and as strong in colour,
// as the number of students who placed it there, and the number is written on it
// when it fits). Counts are always in words or heights, never in colour alone.

import type Phaser from 'phaser';
import { UI, fade } from '../../../palette.ts';
import { reportDrawn } from '../../../test-hook.ts';
import { clampedLeft, fitText, LabelLane, lineHeight, measureText } from '../../../views/labels.ts';
import { formatBytesShort } from '../../../views/format.ts';
import type { Box } from '../layout.ts';
import type { ClassFigures } from '../class-state.ts';
import { PanelView } from '../../../views/PanelView.ts';

const HISTOGRAM_COLOUR = 0x56b4e9;
const HEAT_COLOUR = 0xe69f00;

interface Axis {
  /** Where a tick sits, 0..1 along the chart. */
  readonly at: number;
  readonly text: string;
}

export class ClassFiguresView extends PanelView<ClassFigures> {
  protected data: ClassFigures = { histogram: [], heatMap: [], heatMapBytes: 0, heatMapRequest: 0 };

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const { x, y, width: w, height: h } = this.bounds;
    const figures = this.data;
    const wide = w > h * 2.2;
    const gap = Math.round(this.baseFont() * 1.5);
    const first: Box = wide ? { x, y, w: (w - gap) / 2, h } : { x, y, w, h: (h - gap) / 2 };
    const second: Box = wide ? { x: x + first.w + gap, y, w: first.w, h } : { x, y: y + first.h + gap, w, h: first.h };
    const students = figures.histogram.reduce((a, b) => a + b, 0);
    const deciles = Array.from({ length: 10 }, (_, i) => figures.histogram[i] ?? 0);
    this.drawChart(g, first, `Utilization across the class (${students} ${students === 1 ? 'student' : 'students'})`, deciles, HISTOGRAM_COLOUR, [0, 0.2, 0.4, 0.6, 0.8, 1].map((at) => ({ at, text: `${Math.round(at * 100)}%` })));
    const placed = figures.heatMap.reduce((a, b) => a + b, 0);
    const bytes = figures.heatMapBytes;
    const heatTitle = placed > 0 ? `Where the class put request #${figures.heatMapRequest}` : 'Where the class puts the latest request (none yet)';
    const heatAxis = bytes > 0 ? [0, 0.25, 0.5, 0.75, 1].map((at) => ({ at, text: formatBytesShort(Math.round(at * bytes)) })) : [];
    this.drawChart(g, second, heatTitle, figures.heatMap, HEAT_COLOUR, heatAxis, true);
    reportDrawn('ClassFiguresView', { histogram: [...figures.histogram], heatMap: [...figures.heatMap], request: figures.heatMapRequest });
  }

  private drawChart(g: Phaser.GameObjects.Graphics, box: Box, title: string, counts: readonly number[], colour: number, axis: readonly Axis[], shadeByCount = false): void {
    const size = this.baseFont();
    const small = Math.max(11, Math.round(size * 0.85));
    this.labels.add(box.x, box.y, fitText(title, box.w, size, true), { size, colour: UI.text, bold: true, originX: 0, originY: 0 });
    const top = box.y + lineHeight(size) + 6 + lineHeight(small);
    const bottom = box.y + box.h - lineHeight(small) - 6;
    const plotHeight = Math.max(4, bottom - top);
    g.fillStyle(UI.panel, 1).fillRect(box.x, top, box.w, plotHeight);
    const bins = Math.max(1, counts.length);
    const binWidth = box.w / bins;
    const most = Math.max(1, ...counts);
    const countLane = new LabelLane(4);
    counts.forEach((count, i) => {
      if (count <= 0) return;
      const barHeight = Math.max(2, (plotHeight - 4) * (count / most));
      const left = box.x + i * binWidth + (binWidth > 6 ? 1 : 0);
      const fill = shadeByCount ? fade(colour, 0.7 * (1 - count / most)) : colour;
      g.fillStyle(fill, 1).fillRect(left, bottom - barHeight, Math.max(1, binWidth - (binWidth > 6 ? 2 : 0)), barHeight);
      const text = String(count);
      const textWidth = measureText(text, small, true);
      const cx = left + binWidth / 2;
      const labelLeft = cx - textWidth / 2;
      if (countLane.claim(labelLeft, labelLeft + textWidth)) {
        this.labels.add(cx, bottom - barHeight - 2, text, { size: small, colour: UI.text, bold: true, originY: 1 });
      }
    });
    g.lineStyle(1, UI.axis, 1).lineBetween(box.x, bottom + 0.5, box.x + box.w, bottom + 0.5);
    const tickLane = new LabelLane(8);
    for (const tick of axis) {
      const tx = box.x + tick.at * box.w;
      g.lineBetween(tx, bottom, tx, bottom + 4);
      const width = measureText(tick.text, small);
      const left = clampedLeft(tx, width, box.x, box.x + box.w);
      if (tickLane.claim(left, left + width)) this.labels.add(left, bottom + 5, tick.text, { size: small, colour: UI.dim, originX: 0, originY: 0 });
    }
  }
}
