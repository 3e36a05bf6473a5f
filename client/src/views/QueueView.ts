// The next few events after the current request, as a row of chips ("next: 20 B,
// free #3, 33 B ... +4"): a malloc shows its size, a free names the block it frees (a
// hole will appear there). Each chip carries the stripe colour and pattern of its block,
// and as many chips are shown as fit the width; the rest are counted.

import type Phaser from 'phaser';
import { UI } from '../palette.ts';
import { reportDrawn } from '../test-hook.ts';
import { PanelView } from './PanelView.ts';
import { formatBytes } from './format.ts';
import { lineHeight, measureText } from './labels.ts';
import { drawIdStripe } from './patterns.ts';

export interface QueuedRequest {
  /** A malloc (the default) or a free of block `id`. */
  readonly op?: 'malloc' | 'free';
  readonly id: number;
  readonly size: number;
  readonly tag?: string;
}

const STRIPE = 6;
const GAP = 8;

export class QueueView extends PanelView<readonly QueuedRequest[]> {
  protected data: readonly QueuedRequest[] = [];

  /** The height one row of chips needs at the current text size. */
  height(): number {
    return lineHeight(this.baseFont()) + 12;
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const font = this.baseFont();
    const chipH = lineHeight(font) + 8;
    const cy = this.bounds.y + Math.min(this.bounds.height, this.height()) / 2;
    const title = 'next:';
    this.labels.add(this.bounds.x, cy, title, { size: font, colour: UI.dim, originX: 0 });
    let x = this.bounds.x + measureText(title, font) + GAP;
    let shown = 0;
    for (const [i, request] of this.data.entries()) {
      const text = chipText(request);
      const w = measureText(text, font, true) + STRIPE + 14;
      const rest = this.data.length - i - 1;
      const moreW = rest > 0 ? measureText(`+${rest} more`, font) + GAP : 0;
      if (x + w + moreW > this.bounds.right) break;
      this.drawChip(g, x, cy - chipH / 2, w, chipH, request);
      this.labels.add(x + STRIPE + (w - STRIPE) / 2, cy, text, { size: font, colour: request.op === 'free' ? UI.dim : UI.text, bold: true });
      x += w + GAP;
      shown++;
    }
    const hidden = this.data.length - shown;
    if (this.data.length === 0) this.labels.add(x, cy, 'nothing queued', { size: font, colour: UI.dim, originX: 0 });
    else if (hidden > 0) this.labels.add(x, cy, `+${hidden} more`, { size: font, colour: UI.dim, originX: 0 });
    reportDrawn('QueueView', { queued: this.data.length, shown, chips: this.data.slice(0, shown).map(chipText) });
  }

  private drawChip(g: Phaser.GameObjects.Graphics, x: number, y: number, w: number, h: number, request: QueuedRequest): void {
    // A free is drawn as the hole it will leave: the free colour, its block's stripe.
    g.fillStyle(request.op === 'free' ? UI.free : UI.panel, 1).fillRoundedRect(x, y, w, h, 6);
    drawIdStripe(g, { x, y, w: STRIPE, h }, request.id, 6);
    g.lineStyle(1, UI.freeEdge, 1).strokeRoundedRect(x, y, w, h, 6);
  }
}

/** "20 B" for a malloc, "free #3" for a free. */
function chipText(request: QueuedRequest): string {
  return request.op === 'free' ? `free #${request.id}` : formatBytes(request.size);
}
