// The current request as a card ("malloc(12)", its request id and tag) that the
// player drags onto the heap. It reports where the pointer is while dragging and
// where it was let go; the scene turns that into an address and decides whether the
// drop is legal (and calls snapBack() when it is not, or when it is placed elsewhere).

import Phaser from 'phaser';
import { UI, blockColour } from '../palette.ts';
import { reportDrawn } from '../test-hook.ts';
import { ViewEvents } from './emitter.ts';
import { formatBytes } from './format.ts';
import { lineHeight, measureText } from './labels.ts';
import { drawIdStripe } from './patterns.ts';
import { PanelView } from './PanelView.ts';
import { isMotionReduced } from '../a11y/comfort.ts';

export interface RequestCard {
  readonly id: number;
  readonly size: number;
  readonly tag?: string;
  /** realloc requests read "realloc(#id, size)". */
  readonly op?: 'malloc' | 'realloc';
}

/** A pointer position during a drag, with the card's top-left corner at that moment. */
export interface CardDragPoint {
  readonly x: number;
  readonly y: number;
  readonly cardLeft: number;
  readonly cardTop: number;
}

export interface RequestCardEvents {
  dragstart: CardDragPoint;
  drag: CardDragPoint;
  drop: CardDragPoint;
}

const PADDING = 10;
const STRIPE = 10;
/** How far above the pointer a dragged card floats. */
const LIFT = 14;

function titleOf(card: RequestCard): string {
  return card.op === 'realloc' ? `realloc(#${card.id}, ${card.size})` : `malloc(${card.size})`;
}

function detailOf(card: RequestCard): string {
  return `request #${card.id}${card.tag === undefined ? '' : ` · ${card.tag}`} · ${formatBytes(card.size)}`;
}

export class RequestCardView extends PanelView<RequestCard | null> {
  readonly events = new ViewEvents<RequestCardEvents>();
  private readonly zone: Phaser.GameObjects.Zone;
  protected data: RequestCard | null = null;
  private home = { x: 0, y: 0 };
  private at = { x: 0, y: 0 };
  private size = { w: 1, h: 1 };
  private frame = { x: 0, y: 0, width: 1, height: 1, align: 'left' as 'left' | 'center' | 'right' };
  private grab = { dx: 0 };
  private dragging = false;

  constructor(scene: Phaser.Scene, depth = 30) {
    super(scene, depth);
    this.zone = scene.add.zone(0, 0, 1, 1).setOrigin(0, 0).setDepth(depth + 2);
    this.zone.setInteractive({ draggable: true, useHandCursor: true });
    this.zone.on('dragstart', (p: Phaser.Input.Pointer) => this.onDragStart(p));
    this.zone.on('drag', (p: Phaser.Input.Pointer) => this.onDrag(p));
    this.zone.on('dragend', (p: Phaser.Input.Pointer) => this.onDragEnd(p));
  }

  /** Puts the card's resting place in a rectangle, against its left, centre or right. */
  override layout(x: number, y: number, width: number, height: number, fontSize?: number): void {
    this.setBounds(x, y, width, height, fontSize);
    this.frame = { x, y, width, height, align: this.frame.align };
    this.place();
    this.redraw();
  }

  /** Which side of its rectangle the card rests against (from the next layout on). */
  alignTo(align: 'left' | 'center' | 'right'): this {
    this.frame = { ...this.frame, align };
    return this;
  }

  override show(card: RequestCard | null): void {
    this.data = card;
    this.place();
    this.redraw();
  }

  /** Returns the card to its resting place (after a refused or finished drop). */
  snapBack(): void {
    this.dragging = false;
    if (isMotionReduced()) {
      this.at.x = this.home.x;
      this.at.y = this.home.y;
      return this.redraw();
    }
    this.scene.tweens.add({
      targets: this.at, x: this.home.x, y: this.home.y, duration: 180, ease: 'Quad.easeOut',
      onUpdate: () => this.redraw(), onComplete: () => this.redraw(),
    });
  }

  /** The middle of the card where it rests now (where a pointer grabs it). */
  centre(): { x: number; y: number } | null {
    return this.data ? { x: this.at.x + this.size.w / 2, y: this.at.y + this.size.h / 2 } : null;
  }

  isDragging(): boolean {
    return this.dragging;
  }

  /** The card's height at the current text size (for scenes laying out around it). */
  height(): number {
    const { title, detail } = this.fonts();
    return lineHeight(title) + lineHeight(detail) + 2 * PADDING;
  }

  override destroy(): void {
    this.events.clear();
    super.destroy();
    this.zone.destroy();
  }

  private fonts(): { title: number; detail: number } {
    const font = this.baseFont();
    return { title: Math.round(font * 1.3), detail: Math.max(11, font - 3) };
  }

  private measure(): void {
    const { title, detail } = this.fonts();
    const card = this.data ?? { id: 0, size: 0 };
    const textW = Math.max(measureText(titleOf(card), title, true), measureText(detailOf(card), detail));
    this.size = { w: Math.min(this.frame.width, textW + 2 * PADDING + STRIPE), h: this.height() };
  }

  /** Sizes the card to its text and finds its resting place in the frame. */
  private place(): void {
    this.measure();
    const { x, y, width, height, align } = this.frame;
    const left = align === 'left' ? x : align === 'right' ? x + width - this.size.w : x + (width - this.size.w) / 2;
    this.home = { x: Math.round(left), y: Math.round(y + Math.max(0, (height - this.size.h) / 2)) };
    if (!this.dragging) this.at = { ...this.home };
  }

  protected draw(g: Phaser.GameObjects.Graphics): void {
    const card = this.data;
    this.zone.setVisible(card !== null);
    if (card) {
      const { x, y } = this.at;
      const { w, h } = this.size;
      const colour = blockColour(card.id);
      if (this.dragging) g.fillStyle(0x000000, 0.45).fillRoundedRect(x + 5, y + 6, w, h, 8);
      g.fillStyle(UI.panel, 1).fillRoundedRect(x, y, w, h, 8);
      drawIdStripe(g, { x, y, w: STRIPE, h }, card.id, 8);
      g.lineStyle(2, this.dragging ? UI.focus : colour, 1).strokeRoundedRect(x, y, w, h, 8);
      const { title, detail } = this.fonts();
      const textLeft = x + STRIPE + PADDING;
      this.labels.add(textLeft, y + PADDING, titleOf(card), { size: title, colour: UI.text, bold: true, originX: 0, originY: 0 });
      this.labels.add(textLeft, y + PADDING + lineHeight(title), detailOf(card), { size: detail, colour: UI.dim, originX: 0, originY: 0 });
      this.zone.setPosition(x, y).setSize(w, h);
    }
    reportDrawn('RequestCardView', { request: card, x: this.at.x, y: this.at.y, w: this.size.w, h: this.size.h, dragging: this.dragging });
  }

  private point(pointer: Phaser.Input.Pointer): CardDragPoint {
    return { x: pointer.worldX, y: pointer.worldY, cardLeft: this.at.x, cardTop: this.at.y };
  }

  private onDragStart(pointer: Phaser.Input.Pointer): void {
    this.scene.tweens.killTweensOf(this.at);
    this.dragging = true;
    this.grab = { dx: pointer.worldX - this.at.x };
    this.redraw();
    this.events.emit('dragstart', this.point(pointer));
  }

  private onDrag(pointer: Phaser.Input.Pointer): void {
    // The card floats just above the pointer, so the ghost on the heap under it stays in sight.
    this.at = { x: pointer.worldX - this.grab.dx, y: pointer.worldY - this.size.h - LIFT };
    this.redraw();
    this.events.emit('drag', this.point(pointer));
  }

  private onDragEnd(pointer: Phaser.Input.Pointer): void {
    this.events.emit('drop', this.point(pointer));
    // Unless the scene has already sent the card home, it stays where it was dropped.
    this.dragging = false;
    this.redraw();
  }
}
