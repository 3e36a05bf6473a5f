// What every classroom panel view shares: a Graphics and a pool of labels, the box
// it draws in and the text size, the data it shows, and whether it is visible.
// A subclass only says how to draw; every change (layout, data, visibility) redraws.

import type Phaser from 'phaser';
import { LabelPool } from '../../../views/labels.ts';
import type { Box } from '../layout.ts';

export abstract class PanelView<T> {
  protected readonly scene: Phaser.Scene;
  protected readonly graphics: Phaser.GameObjects.Graphics;
  protected readonly labels: LabelPool;
  protected box: Box = { x: 0, y: 0, w: 0, h: 0 };
  protected fontSize = 16;
  protected data: T;
  protected visible = true;

  constructor(scene: Phaser.Scene, initial: T, depth = 0) {
    this.scene = scene;
    this.data = initial;
    this.graphics = scene.add.graphics().setDepth(depth);
    this.labels = new LabelPool(scene, depth + 1);
  }

  layout(box: Box, fontSize: number): void {
    this.box = box;
    this.fontSize = fontSize;
    this.redraw();
  }

  show(data: T): void {
    this.data = data;
    this.redraw();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.redraw();
  }

  destroy(): void {
    this.graphics.destroy();
    this.labels.destroy();
  }

  protected redraw(): void {
    const g = this.graphics.clear();
    this.labels.begin();
    if (this.visible && this.box.w > 0 && this.box.h > 0) this.draw(g);
    this.labels.end();
  }

  /** Draws the data into the box (graphics cleared, label pool begun). */
  protected abstract draw(g: Phaser.GameObjects.Graphics): void;
}
