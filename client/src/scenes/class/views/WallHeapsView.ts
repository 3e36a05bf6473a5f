// Heaps put up for a class to look at: one student's heap (the dashboard's spotlight, the
// projector), or the best and worst beside a built-in policy's. Each heap is its name and a
// line of words ("12 placed of 20 so far · +3 vs best") above a full heap view; several
// share the box top to bottom. The heap views are read-only: nobody places anything here.

import type Phaser from 'phaser';
import { UI } from '../../../palette.ts';
import { reportDrawn } from '../../../test-hook.ts';
import { HeapView } from '../../../views/HeapView.ts';
import { fitText, lineHeight } from '../../../views/labels.ts';
import type { WallHeap } from '../projection.ts';
import { splitRows } from '../layout.ts';
import { PanelView } from '../../../views/PanelView.ts';

export class WallHeapsView extends PanelView<readonly WallHeap[]> {
  protected data: readonly WallHeap[] = [];
  private readonly depth: number;
  private readonly heapViews: HeapView[] = [];

  constructor(scene: Phaser.Scene, depth = 0) {
    super(scene, depth);
    this.depth = depth;
  }

  override destroy(): void {
    for (const view of this.heapViews.splice(0)) view.destroy();
    super.destroy();
  }

  protected override redraw(): void {
    super.redraw();
    // Hidden or emptied: the heap views go (a HeapView has no hidden state of its own).
    const wanted = this.visible && this.bounds.width > 0 && this.bounds.height > 0 ? this.data.length : 0;
    while (this.heapViews.length > wanted) this.heapViews.pop()?.destroy();
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const heaps = this.data;
    const size = this.baseFont();
    const small = Math.max(12, Math.round(size * 0.8));
    const heading = lineHeight(size) + lineHeight(small) + 6;
    const slots = splitRows({ x: this.bounds.x, y: this.bounds.y, w: this.bounds.width, h: this.bounds.height }, heaps.map(() => 1), Math.round(size * 0.8));
    heaps.forEach((heap, i) => {
      const slot = slots[i];
      if (!slot) return;
      g.fillStyle(UI.panel, 0.5).fillRect(slot.x - 6, slot.y - 4, slot.w + 12, slot.h + 8);
      this.labels.add(slot.x, slot.y, fitText(heap.label, slot.w, size, true), { size, colour: UI.text, bold: true, originX: 0, originY: 0 });
      this.labels.add(slot.x, slot.y + lineHeight(size), fitText(heap.caption, slot.w, small), { size: small, colour: UI.dim, originX: 0, originY: 0 });
      const view = this.heapViews[i] ?? this.addHeapView();
      view.layout(slot.x, slot.y + heading, slot.w, Math.max(1, slot.h - heading));
      view.show(heap.line);
    });
    reportDrawn('WallHeapsView', { heaps: heaps.map((h) => ({ label: h.label, caption: h.caption, live: h.line.regions.filter((r) => r.state === 'live').length })) });
  }

  private addHeapView(): HeapView {
    const view = new HeapView(this.scene, this.depth + 2);
    this.heapViews.push(view);
    return view;
  }
}
