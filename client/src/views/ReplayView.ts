// The replay panel of the results screen: the player's heap beside a policy's at the
// same moment of the round, each titled with what the step did on it (malloc(12) → at
// 40), and a slider to move through the round one stream event a step (drag it, or
// ← → and Home/End). It draws frames it is given; the scene computes them.

import Phaser from 'phaser';
import type { RegionView } from '../../../shared/core/allocator.ts';
import { heapBreakOf } from '../../../shared/core/extent.ts';
import { HeapView } from './HeapView.ts';
import type { HeapLine } from './heap-line.ts';
import { UI } from '../palette.ts';
import { reportDrawn } from '../test-hook.ts';
import { isTouchOnly } from '../ui/touch.ts';

/** One side of the replay: whose heap, the heap, and what the step did on it (empty before the first). */
export interface ReplaySide {
  readonly title: string;
  readonly heap: readonly RegionView[];
  readonly step: string;
}

export interface ReplayHeaps {
  /** Stream events run: the heap after this many ([MATCH-REPLAY-2]). */
  readonly moment: number;
  readonly lastMoment: number;
  readonly left: ReplaySide;
  readonly right: ReplaySide;
}

/** A side's title: whose heap, then what this step did there. */
function titleOf(side: ReplaySide): string {
  return side.step === '' ? side.title : `${side.title}: ${side.step}`;
}

/** Live blocks as address and size, for the tests. */
const blocksOf = (heap: readonly RegionView[]): { address: number; size: number }[] =>
  heap.filter((r) => r.state === 'live').map((r) => ({ address: r.start, size: r.size }));

/** A replayed heap's line: its break where the engine has it; both sides span the larger break. */
function replayLine(heap: readonly RegionView[], extent: number): HeapLine {
  const { brk, end } = heapBreakOf(heap);
  return { regions: heap, breakAt: Math.max(1, brk), blockEnd: end, extent };
}

export class ReplayView {
  private readonly scene: Phaser.Scene;
  private readonly left: HeapView;
  private readonly right: HeapView;
  private readonly leftTitle: Phaser.GameObjects.Text;
  private readonly rightTitle: Phaser.GameObjects.Text;
  private readonly momentText: Phaser.GameObjects.Text;
  private readonly track: Phaser.GameObjects.Graphics;
  private readonly knobZone: Phaser.GameObjects.Zone;
  private bounds = new Phaser.Geom.Rectangle(0, 0, 1, 1);
  private trackRect = new Phaser.Geom.Rectangle(0, 0, 1, 1);
  private data: ReplayHeaps | null = null;
  /** Called with the moment the player dragged the slider to. */
  onSeek: (moment: number) => void = () => {};
  /** Called when the player clicks or taps the policy's title (to show the next policy). */
  onNextPolicy: () => void = () => {};

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    const style = { fontFamily: 'system-ui, sans-serif', fontSize: '16px', color: UI.text, fontStyle: 'bold' };
    this.leftTitle = scene.add.text(0, 0, '', style);
    this.rightTitle = scene.add.text(0, 0, '', { ...style, color: '#56b4e9' }).setInteractive({ useHandCursor: true });
    this.rightTitle.on('pointerup', () => this.onNextPolicy());
    this.momentText = scene.add.text(0, 0, '', { ...style, fontStyle: 'normal', color: UI.dim });
    this.left = new HeapView(scene);
    this.right = new HeapView(scene);
    this.track = scene.add.graphics();
    this.knobZone = scene.add.zone(0, 0, 1, 1).setOrigin(0, 0).setInteractive({ useHandCursor: true });
    this.knobZone.on('pointerdown', (p: Phaser.Input.Pointer) => this.seekTo(p.x));
    this.knobZone.on('pointermove', (p: Phaser.Input.Pointer) => p.isDown && this.seekTo(p.x));
  }

  layout(x: number, y: number, width: number, height: number): void {
    this.bounds = new Phaser.Geom.Rectangle(x, y, width, height);
    const sliderHeight = 56;
    const side = width >= 900;
    const heapsHeight = height - sliderHeight;
    if (side) {
      const w = (width - 24) / 2;
      this.place(this.leftTitle, this.left, x, y, w, heapsHeight);
      this.place(this.rightTitle, this.right, x + w + 24, y, w, heapsHeight);
    } else {
      const h = (heapsHeight - 12) / 2;
      this.place(this.leftTitle, this.left, x, y, width, h);
      this.place(this.rightTitle, this.right, x, y + h + 12, width, h);
    }
    this.trackRect = new Phaser.Geom.Rectangle(x + 8, y + height - 30, width - 16, 10);
    this.knobZone.setPosition(x, y + height - sliderHeight).setSize(width, sliderHeight);
    this.knobZone.input?.hitArea.setSize(width, sliderHeight);
    this.momentText.setPosition(x + 8, y + height - sliderHeight);
    this.redraw();
  }

  show(data: ReplayHeaps): void {
    this.data = data;
    this.redraw();
  }

  setVisible(visible: boolean): void {
    for (const o of [this.leftTitle, this.rightTitle, this.momentText, this.track, this.knobZone]) o.setVisible(visible);
    if (visible) this.redraw();
    else {
      this.left.show({ regions: [], breakAt: 1 });
      this.right.show({ regions: [], breakAt: 1 });
      this.left.layout(-10_000, -10_000, 1, 1);
      this.right.layout(-10_000, -10_000, 1, 1);
    }
  }

  destroy(): void {
    this.left.destroy();
    this.right.destroy();
  }

  /**
   * A side's title over its heap. Narrow (a phone), a long title ("clairvoyant (saw the whole
   * stream) ▸: malloc(24) → at 40") wraps onto a second line kept for it, never off screen.
   */
  private place(title: Phaser.GameObjects.Text, view: HeapView, x: number, y: number, w: number, h: number): void {
    const lines = w < 600 ? 2 : 1;
    title.setPosition(x, y).setWordWrapWidth(w, true).setMaxLines(lines);
    const below = 6 + lines * 20;
    view.layout(x, y + below, w, Math.max(60, h - below - 4));
  }

  private seekTo(px: number): void {
    if (!this.data) return;
    const t = Phaser.Math.Clamp((px - this.trackRect.x) / this.trackRect.width, 0, 1);
    this.onSeek(Math.round(t * this.data.lastMoment));
  }

  private redraw(): void {
    const d = this.data;
    if (!d || !this.track.visible) return;
    const extent = Math.max(1, heapBreakOf(d.left.heap).brk, heapBreakOf(d.right.heap).brk);
    this.leftTitle.setText(titleOf(d.left));
    this.rightTitle.setText(titleOf(d.right));
    this.left.show(replayLine(d.left.heap, extent));
    this.right.show(replayLine(d.right.heap, extent));
    const where = d.moment === 0 ? `before the first of ${d.lastMoment} steps` : `step ${d.moment} of ${d.lastMoment}`;
    const help = this.bounds.width < 600 || isTouchOnly() ? 'drag; tap a policy' : 'drag, or ← → Home End; a policy above (or 1–9) to compare, V the next';
    this.momentText.setText(`${where}  (${help})`);
    const g = this.track;
    const r = this.trackRect;
    const t = d.lastMoment ? d.moment / d.lastMoment : 0;
    g.clear();
    g.fillStyle(UI.panel, 1).fillRoundedRect(r.x, r.y, r.width, r.height, 5);
    g.fillStyle(0x56b4e9, 1).fillRoundedRect(r.x, r.y, Math.max(10, r.width * t), r.height, 5);
    g.fillStyle(0xf0e442, 1).fillCircle(r.x + r.width * t, r.y + r.height / 2, 11);
    reportDrawn('ReplayView', {
      moment: d.moment,
      lastMoment: d.lastMoment,
      left: d.left.title,
      right: d.right.title,
      leftStep: d.left.step,
      rightStep: d.right.step,
      leftBlocks: blocksOf(d.left.heap),
      rightBlocks: blocksOf(d.right.heap),
      momentText: this.momentText.text,
      nextPolicyAt: { x: this.rightTitle.x + this.rightTitle.width / 2, y: this.rightTitle.y + this.rightTitle.height / 2 },
      // The titles' right edges and the panel's: a title never runs past it.
      titlesRight: Math.max(this.leftTitle.x + this.leftTitle.width, this.rightTitle.x + this.rightTitle.width),
      panelRight: this.bounds.right,
    });
  }
}
