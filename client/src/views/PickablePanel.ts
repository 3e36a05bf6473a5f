// A view whose drawn pieces can be pointed at: it records what each rectangle stands
// for (a buddy block, a slab, a slot, an arena, "new slab"...), shows a tooltip on
// hover and reports clicks as `pick` with that payload. Subclasses draw and describe.

import type Phaser from 'phaser';
import { ViewEvents } from './emitter.ts';
import { HitAreas } from './hit-areas.ts';
import { HeapTooltip } from './HeapTooltip.ts';
import { PanelView } from './PanelView.ts';

export interface PickEvents<T> {
  pick: T;
  hover: T | null;
}

export abstract class PickablePanel<T, D> extends PanelView<D> {
  readonly events = new ViewEvents<PickEvents<T>>();
  protected readonly hits = new HitAreas<T>();
  private readonly tooltip: HeapTooltip;
  private inputBound = false;
  private hovered: T | null = null;

  constructor(scene: Phaser.Scene, depth = 0) {
    super(scene, depth);
    this.tooltip = new HeapTooltip(scene, depth + 20);
  }

  /** What is drawn under a point, or null. */
  itemAt(x: number, y: number): T | null {
    return this.hits.at(x, y);
  }

  /** The middle of the first piece matching `match` (for tests and pointers). */
  pointWhere(match: (item: T) => boolean): { x: number; y: number } | null {
    const r = this.hits.rectOf(match);
    return r ? { x: r.x + r.w / 2, y: r.y + r.h / 2 } : null;
  }

  /** Listens for clicks (reported as `pick`) and hover (tooltip and `hover`). */
  enableInput(): void {
    if (this.inputBound) return;
    this.inputBound = true;
    this.scene.input.on('pointerdown', this.onPointerDown, this);
    this.scene.input.on('pointermove', this.onPointerMove, this);
  }

  override destroy(): void {
    this.scene.input.off('pointerdown', this.onPointerDown, this);
    this.scene.input.off('pointermove', this.onPointerMove, this);
    this.events.clear();
    this.tooltip.destroy();
    super.destroy();
  }

  /** Forgets the pieces drawn last time, then redraws. */
  protected override redraw(): void {
    this.hits.clear();
    super.redraw();
  }

  /** The tooltip's words for a piece (null: no tooltip). */
  protected abstract describe(item: T): string | null;

  private onPointerDown(pointer: Phaser.Input.Pointer): void {
    this.tooltip.hide();
    const item = this.hits.at(pointer.worldX, pointer.worldY);
    if (item !== null) this.events.emit('pick', item);
  }

  private onPointerMove(pointer: Phaser.Input.Pointer): void {
    const item = this.hits.at(pointer.worldX, pointer.worldY);
    const words = item === null || pointer.isDown ? null : this.describe(item);
    if (words) this.tooltip.show(words, pointer.worldX, pointer.worldY);
    else this.tooltip.hide();
    if (item === this.hovered) return;
    this.hovered = item;
    this.events.emit('hover', item);
  }
}
