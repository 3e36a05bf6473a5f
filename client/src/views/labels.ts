// Text for the views: a pool of Phaser Text objects reused from one redraw to the
// next (so a redraw does not churn the scene), a cheap width measure to decide
// whether a label fits before drawing it, and a lane that drops labels which would
// collide with one already placed (the first placed wins, so place the important ones first).

import type Phaser from 'phaser';
import { FONT_FAMILY } from '../palette.ts';

export interface LabelStyle {
  readonly size: number;
  readonly colour: string;
  readonly bold?: boolean;
  /** 0 = left/top, 0.5 = centre, 1 = right/bottom of the text sits at (x, y). */
  readonly originX?: number;
  readonly originY?: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly background?: string;
}

let measureContext: CanvasRenderingContext2D | null = null;

function fontOf(size: number, bold: boolean): string {
  return `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;
}

/** The width in px of the widest line of `text` at this size (canvas metrics, no game object). */
export function measureText(text: string, size: number, bold = false): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * size * 0.6;
  measureContext.font = fontOf(size, bold);
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, measureContext.measureText(line).width);
  return Math.ceil(widest);
}

/** The height in px a Phaser Text of `lines` lines takes at this size. */
export function lineHeight(size: number, lines = 1): number {
  return Math.ceil(size * 1.25 * lines);
}

/** Text objects reused across redraws: begin(), add() each label, end() hides the rest. */
export class LabelPool {
  private readonly scene: Phaser.Scene;
  private readonly texts: Phaser.GameObjects.Text[] = [];
  private readonly styleKeys: string[] = [];
  private readonly depth: number;
  private used = 0;

  constructor(scene: Phaser.Scene, depth = 1) {
    this.scene = scene;
    this.depth = depth;
  }

  begin(): void {
    this.used = 0;
  }

  add(x: number, y: number, text: string, style: LabelStyle): Phaser.GameObjects.Text {
    const index = this.used++;
    const label = this.texts[index] ?? this.create();
    const key = `${style.size}|${style.bold ? 'b' : ''}|${style.colour}|${style.align ?? 'center'}|${style.background ?? ''}`;
    if (this.styleKeys[index] !== key) {
      // Restyling re-measures and re-renders the text, so only do it when the style changed.
      this.styleKeys[index] = key;
      label.setStyle({
        fontSize: `${style.size}px`,
        fontStyle: style.bold ? 'bold' : '',
        color: style.colour,
        align: style.align ?? 'center',
        backgroundColor: style.background ?? '',
      });
      label.setPadding(style.background ? 5 : 0, style.background ? 3 : 0);
    }
    label.setText(text);
    label.setOrigin(style.originX ?? 0.5, style.originY ?? 0.5);
    label.setPosition(Math.round(x), Math.round(y));
    label.setVisible(true);
    return label;
  }

  end(): void {
    for (let i = this.used; i < this.texts.length; i++) this.texts[i]?.setVisible(false);
  }

  /** How many labels the last redraw showed. */
  count(): number {
    return this.used;
  }

  destroy(): void {
    for (const t of this.texts) t.destroy();
    this.texts.length = 0;
  }

  private create(): Phaser.GameObjects.Text {
    const label = this.scene.add.text(0, 0, '', { fontFamily: FONT_FAMILY, fontSize: '14px', color: '#ffffff' });
    label.setDepth(this.depth);
    this.texts.push(label);
    return label;
  }
}

/** A horizontal span taken by a label. */
interface Span {
  readonly left: number;
  readonly right: number;
}

/** One line of labels: `claim` a span if it is free (plus a gap), else refuse it. */
export class LabelLane {
  private readonly spans: Span[] = [];
  private readonly gap: number;

  constructor(gap = 6) {
    this.gap = gap;
  }

  isFree(left: number, right: number): boolean {
    return this.spans.every((s) => right + this.gap <= s.left || left >= s.right + this.gap);
  }

  claim(left: number, right: number): boolean {
    if (!this.isFree(left, right)) return false;
    this.spans.push({ left, right });
    return true;
  }
}

/**
 * The left edge for a label of `width` centred on `cx`, kept inside [min, max]
 * (a label at the very end of a ruler is pushed inward instead of being clipped).
 */
export function clampedLeft(cx: number, width: number, min: number, max: number): number {
  return Math.max(min, Math.min(max - width, cx - width / 2));
}

/** `text` cut short with an ellipsis so that it is at most `width` px wide. */
export function fitText(text: string, width: number, size: number, bold = false): string {
  if (measureText(text, size, bold) <= width) return text;
  let keep = text.length - 1;
  while (keep > 0 && measureText(`${text.slice(0, keep).trimEnd()}…`, size, bold) > width) keep--;
  return keep > 0 ? `${text.slice(0, keep).trimEnd()}…` : '';
}
