// The play screen's board for the kinds whose moves name a container, not an address:
// slab (SlabView: caches, slabs, slots) and arena (ArenaView: arenas, objects, room).
// It feeds the view from the synced kind view (the engines' own view functions, sent
// by the server), turns clicks and card drops into a target id (-1: a new slab or
// arena), and writes where each built-in policy would go as a line of text markers.

import type Phaser from 'phaser';
import type { RegionView } from '../../../shared/core/allocator.ts';
import type { KindView } from '../../../shared/match/kind-view.ts';
import { UI } from '../palette.ts';
import { ArenaView } from '../views/ArenaView.ts';
import { SlabView } from '../views/SlabView.ts';
import type { BoardSpot } from '../test-hook.ts';

export type BoardKind = 'slab' | 'arena';

export interface BoardHint {
  readonly label: string;
  /** A slab or arena id, -1 for a new one. */
  readonly target: number;
}

export function isBoardKind(kind: string): kind is BoardKind {
  return kind === 'slab' || kind === 'arena';
}

export class KindBoard {
  readonly kind: BoardKind;
  private readonly view: SlabView | ArenaView;
  private readonly hintText: Phaser.GameObjects.Text;
  /** The keyboard's focus: a triangle under the chosen slab or arena. */
  private readonly focusMark: Phaser.GameObjects.Graphics;
  /** The focused target (a slab or arena id, -1 for "+ new"), or null before the first arrow key. */
  private focusTarget: number | null = null;
  private picture: KindView | null = null;
  private pickListener: ((target: number) => void) | null = null;
  private area = { x: 0, y: 0, width: 1, height: 1 };
  /** The room the hint line took at the last layout. */
  private hintsHeight = 0;
  /** The board's text size from the last layout (the screen's base size when absent). */
  private font: number | undefined;

  constructor(scene: Phaser.Scene, kind: BoardKind) {
    this.kind = kind;
    this.view = kind === 'slab' ? new SlabView(scene) : new ArenaView(scene);
    this.view.enableInput();
    if (this.view instanceof SlabView) this.view.events.on('pick', (t) => this.pickListener?.(t.slab));
    else this.view.events.on('pick', (t) => this.pickListener?.(t.arena));
    this.hintText = scene.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '15px', color: UI.dim });
    this.focusMark = scene.add.graphics().setDepth(5);
  }

  /** Moves the keyboard focus to the next (+1) or previous (-1) slab or arena ("+ new" last). */
  moveFocus(delta: number): number | null {
    const spots = this.spots();
    if (spots.length === 0) return null;
    const at = spots.findIndex((s) => s.target === this.focusTarget);
    const next = at < 0 ? (delta > 0 ? 0 : spots.length - 1) : (at + delta + spots.length) % spots.length;
    this.focusTarget = spots[next]?.target ?? null;
    this.drawFocus();
    return this.focusTarget;
  }

  /** The focused slab or arena (-1: a new one), or null. */
  focused(): number | null {
    return this.focusTarget !== null && this.spots().some((s) => s.target === this.focusTarget) ? this.focusTarget : null;
  }

  private drawFocus(): void {
    const g = this.focusMark.clear();
    const spot = this.focusTarget === null ? undefined : this.spots().find((s) => s.target === this.focusTarget);
    if (!spot) return;
    g.fillStyle(UI.focus, 1).fillTriangle(spot.x - 7, spot.y + 26, spot.x + 7, spot.y + 26, spot.x, spot.y + 16);
  }

  /** Called with the slab or arena id the player clicked (-1: a new one). */
  onPick(listener: (target: number) => void): void {
    this.pickListener = listener;
  }

  /** Measures the board at a text size without drawing (the play screen's fit tries sizes). */
  setFont(size: number): void {
    this.view.setFont(size);
  }

  layout(x: number, y: number, width: number, height: number, font?: number): void {
    this.area = { x, y, width, height };
    this.font = font;
    this.hintText.setPosition(x, y).setWordWrapWidth(width);
    this.placeView();
  }

  /** The view goes below the hint line, however many lines the hints wrap to. */
  private placeView(): void {
    const { x, y, width, height } = this.area;
    this.hintsHeight = this.hintRoom();
    this.view.layout(x, y + this.hintsHeight, width, Math.max(60, height - this.hintsHeight), this.font);
  }

  private hintRoom(): number {
    return this.hintText.text ? this.hintText.height + 8 : 0;
  }

  /** Draws the kind view with the regions (which object sits where) and the hint markers. */
  show(picture: KindView | null, regions: readonly RegionView[], hints: readonly BoardHint[]): void {
    this.picture = picture;
    this.hintText.setText(hints.length > 0 ? `hints: ${hints.map((h) => `${h.label} → ${this.nameOf(h.target)}`).join(' · ')}` : '');
    if (this.hintRoom() !== this.hintsHeight) this.placeView();
    if (this.view instanceof SlabView) {
      const slab = picture?.kind === 'slab' ? picture : null;
      this.view.show({
        caches: slab?.caches ?? [],
        slabs: slab?.slabs ?? [],
        regions,
        ...(slab ? { pages: slab.pages } : {}),
        ...(slab?.pendingCache ? { newSlabFor: slab.pendingCache } : {}),
      });
    } else {
      this.view.show({ arenas: picture?.kind === 'arena' ? picture.arenas : [], regions });
    }
    this.drawFocus();
  }

  /** The slab or arena under a point (a card drop), or null. */
  targetAt(x: number, y: number): number | null {
    if (this.view instanceof SlabView) return this.view.itemAt(x, y)?.slab ?? null;
    return this.view.itemAt(x, y)?.arena ?? null;
  }

  /** Where each slab or arena (and "+ new") can be clicked. */
  spots(): BoardSpot[] {
    const ids = this.picture?.kind === 'slab' ? this.picture.slabs.map((s) => s.id) : this.picture?.kind === 'arena' ? this.picture.arenas.map((a) => a.id) : [];
    const spots: BoardSpot[] = [];
    for (const target of [...ids, -1]) {
      const point = this.pointOf(target);
      if (point) spots.push({ target, ...point });
    }
    return spots;
  }

  /** The oldest empty slab (the lowest id among the empty ones), or null. */
  emptySlab(): number | null {
    if (this.picture?.kind !== 'slab') return null;
    return this.picture.slabs.find((s) => s.state === 'empty')?.id ?? null;
  }

  /** A slab or arena in words: "slab #2", "a new arena". */
  nameOf(target: number): string {
    const noun = this.kind === 'slab' ? 'slab' : 'arena';
    return target < 0 ? `a new ${noun}` : `${noun} #${target}`;
  }

  destroy(): void {
    this.view.destroy();
    this.hintText.destroy();
    this.focusMark.destroy();
  }

  private pointOf(target: number): { x: number; y: number } | null {
    if (this.view instanceof SlabView) return this.view.pointWhere((t) => t.slab === target && !t.slot);
    return this.view.pointWhere((t) => t.arena === target && !t.region);
  }
}
