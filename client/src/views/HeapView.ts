// Draws a heap as an address line: live blocks in palette colours with their ids
// and sizes, holes as dark outlined gaps, a ruler of addresses underneath.
// It only draws; the scene tells it what to show and asks it where a point falls.

import Phaser from 'phaser';
import { UI, blockColour } from '../palette.ts';

export interface HeapBlockView {
  readonly id: number;
  readonly address: number;
  readonly size: number;
}

export class HeapView {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly labels: Phaser.GameObjects.Text[] = [];
  private bounds = new Phaser.Geom.Rectangle(0, 0, 1, 1);
  private heapBytes = 1;
  private readonly scene: Phaser.Scene;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.graphics = scene.add.graphics();
  }

  layout(x: number, y: number, width: number, height: number): void {
    this.bounds = new Phaser.Geom.Rectangle(x, y, width, height);
  }

  /** The byte address under a screen point, or null when the point is off the heap. */
  addressAt(px: number, py: number): number | null {
    if (!this.bounds.contains(px, py)) return null;
    return Math.min(this.heapBytes - 1, Math.floor(((px - this.bounds.x) / this.bounds.width) * this.heapBytes));
  }

  xOf(address: number): number {
    return this.bounds.x + (address / this.heapBytes) * this.bounds.width;
  }

  draw(heapBytes: number, blocks: readonly HeapBlockView[]): void {
    this.heapBytes = Math.max(1, heapBytes);
    const g = this.graphics;
    const { x, y, width, height } = this.bounds;
    g.clear();
    for (const label of this.labels) label.destroy();
    this.labels.length = 0;

    g.fillStyle(UI.free, 1).fillRect(x, y, width, height);
    g.lineStyle(2, UI.freeEdge, 1).strokeRect(x, y, width, height);
    for (const b of blocks) {
      const bx = this.xOf(b.address);
      const bw = Math.max(2, this.xOf(b.address + b.size) - bx);
      g.fillStyle(blockColour(b.id), 1).fillRect(bx, y, bw, height);
      g.lineStyle(2, UI.background, 1).strokeRect(bx, y, bw, height);
      this.addLabel(bx + bw / 2, y + height / 2, `#${b.id}\n${b.size}B`, '#14161c');
    }
    for (let a = 0; a <= this.heapBytes; a += this.rulerStep()) {
      const ax = this.xOf(a);
      g.lineStyle(1, UI.freeEdge, 1).lineBetween(ax, y + height, ax, y + height + 6);
      this.addLabel(ax, y + height + 16, String(a), UI.dim);
    }
  }

  private rulerStep(): number {
    const target = this.heapBytes / 8;
    const steps = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096, 16384, 65536];
    return steps.find((s) => s >= target) ?? 65536;
  }

  private addLabel(cx: number, cy: number, text: string, colour: string): void {
    const label = this.scene.add.text(cx, cy, text, { fontFamily: 'system-ui, sans-serif', fontSize: '14px', color: colour, align: 'center' });
    label.setOrigin(0.5, 0.5);
    this.labels.push(label);
  }
}
