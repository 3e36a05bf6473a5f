// What every drawing component shares: a rectangle to draw in, one Graphics for
// shapes, a pool of labels, a text size (the screen's base size unless the scene
// gives one), the plain data it shows, and whether it is shown at all. A view is a
// subclass that says how to draw its data; every change (layout, data, visibility)
// redraws it. Used by the play and results screens and by the classroom's views.

import type Phaser from 'phaser';
import { baseFontSize } from '../palette.ts';
import { LabelPool } from './labels.ts';

/** A view's rectangle on screen: the parts of Phaser's Rectangle the views read, without loading Phaser (the views' unit tests run under Node). */
export class Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;

  constructor(x: number, y: number, width: number, height: number) {
    this.x = x;
    this.y = y;
    this.width = width;
    this.height = height;
  }

  get right(): number {
    return this.x + this.width;
  }

  get bottom(): number {
    return this.y + this.height;
  }

  contains(px: number, py: number): boolean {
    return this.width > 0 && this.height > 0 && px >= this.x && px <= this.right && py >= this.y && py <= this.bottom;
  }
}

export abstract class PanelView<T> {
  protected readonly scene: Phaser.Scene;
  protected readonly graphics: Phaser.GameObjects.Graphics;
  protected readonly labels: LabelPool;
  protected bounds = new Bounds(0, 0, 0, 0);
  /** What the view shows; each view starts with an empty picture of its own. */
  protected abstract data: T;
  protected visible = true;
  private fontSize: number | null = null;

  constructor(scene: Phaser.Scene, depth = 0) {
    this.scene = scene;
    this.graphics = scene.add.graphics().setDepth(depth);
    this.labels = new LabelPool(scene, depth + 1);
  }

  /**
   * Gives the view its rectangle on screen, and a text size if the scene chooses one
   * (else the screen's base size, palette.baseFontSize), and redraws it there.
   */
  layout(x: number, y: number, width: number, height: number, fontSize?: number): void {
    this.setBounds(x, y, width, height, fontSize);
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

  /** Takes a text size (null: the screen's base size) without redrawing, so the view's measures (its height) are at that size. */
  setFont(fontSize: number | null): void {
    this.fontSize = fontSize;
  }

  /** Takes a rectangle and text size without redrawing (for a view that places more first). */
  protected setBounds(x: number, y: number, width: number, height: number, fontSize?: number): void {
    this.bounds = new Bounds(x, y, width, height);
    this.fontSize = fontSize ?? null;
  }

  /** The text size: the one the scene gave in `layout`, else the screen's base size. */
  protected baseFont(): number {
    return this.fontSize ?? baseFontSize(this.scene.scale.width, this.scene.scale.height);
  }

  /** Clears the shapes, takes labels from the start of the pool, draws if shown in a non-empty rectangle. */
  protected redraw(): void {
    const g = this.graphics.clear();
    this.labels.begin();
    if (this.visible && this.bounds.width > 0 && this.bounds.height > 0) this.draw(g);
    this.labels.end();
  }

  /** Draws the data into the bounds (graphics cleared, label pool begun). */
  protected abstract draw(g: Phaser.GameObjects.Graphics): void;
}
