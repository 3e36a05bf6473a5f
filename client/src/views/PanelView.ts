// What every drawing component shares: a rectangle to draw in, one Graphics for
// shapes, a pool of labels, the screen's base text size, and a redraw on layout.
// A view is a subclass that says how to redraw itself from its own plain data.

import Phaser from 'phaser';
import { baseFontSize } from '../palette.ts';
import { LabelPool } from './labels.ts';

export abstract class PanelView {
  protected readonly scene: Phaser.Scene;
  protected readonly graphics: Phaser.GameObjects.Graphics;
  protected readonly labels: LabelPool;
  protected bounds = new Phaser.Geom.Rectangle(0, 0, 1, 1);

  constructor(scene: Phaser.Scene, depth = 0) {
    this.scene = scene;
    this.graphics = scene.add.graphics().setDepth(depth);
    this.labels = new LabelPool(scene, depth + 1);
  }

  /** Gives the view its rectangle on screen and redraws it there. */
  layout(x: number, y: number, width: number, height: number): void {
    this.bounds = new Phaser.Geom.Rectangle(x, y, width, height);
    this.redraw();
  }

  destroy(): void {
    this.graphics.destroy();
    this.labels.destroy();
  }

  /** The screen's base text size (see palette.baseFontSize). */
  protected baseFont(): number {
    return baseFontSize(this.scene.scale.width, this.scene.scale.height);
  }

  /** Starts a redraw: clears the shapes and takes labels from the start of the pool. */
  protected beginDraw(): Phaser.GameObjects.Graphics {
    this.labels.begin();
    return this.graphics.clear();
  }

  protected abstract redraw(): void;
}
