// Leaving a level mid-round asks first (issue 13, item 13): "Leave this level? This
// round's moves are lost." with Leave and Stay, over a backdrop that takes the clicks and
// taps meant for the heap. And what Esc does on the play screen: it closes the overlay
// that is open (this question, the level's explanation, the failed malloc's card) and
// nothing else; with none open it asks to leave (a practice or assignment round; a class
// round has no way out but the lobby's).

import type Phaser from 'phaser';
import { UI, textPx } from '../../palette.ts';
import { currentTextSize } from '../../a11y/comfort.ts';
import { reportDrawn } from '../../test-hook.ts';
import { Button } from '../../ui/Button.ts';

const QUESTION = "Leave this level? This round's moves are lost.";
const DEPTH = 70;

export class LeaveConfirm {
  private readonly scene: Phaser.Scene;
  private readonly backdrop: Phaser.GameObjects.Rectangle;
  private readonly box: Phaser.GameObjects.Rectangle;
  private readonly text: Phaser.GameObjects.Text;
  private readonly leave: Button;
  private readonly stay: Button;
  private readonly onChange: () => void;

  /** `onLeave` leaves the level; `onChange` hears every open and close (the practice clock stands still meanwhile). */
  constructor(scene: Phaser.Scene, onLeave: () => void, onChange: () => void) {
    this.scene = scene;
    this.onChange = onChange;
    this.backdrop = scene.add.rectangle(0, 0, 10, 10, UI.background, 0.6).setOrigin(0, 0).setDepth(DEPTH).setInteractive().setVisible(false);
    this.box = scene.add.rectangle(0, 0, 10, 10, UI.panel, 1).setOrigin(0, 0).setStrokeStyle(2, 0x56b4e9).setDepth(DEPTH + 1).setVisible(false);
    this.text = scene.add.text(0, 0, QUESTION, { fontFamily: 'system-ui, sans-serif', fontSize: '20px', color: UI.text, align: 'center' })
      .setOrigin(0.5, 0).setDepth(DEPTH + 2).setVisible(false);
    this.leave = new Button(scene, 0, 0, 'Leave (L)', onLeave, { width: 150, height: 48, fontSize: 18, key: 'L' }).setDepth(DEPTH + 2).setName('leave-yes').setVisible(false);
    this.stay = new Button(scene, 0, 0, 'Stay (Esc)', () => this.close(), { width: 150, height: 48, fontSize: 18, primary: true }).setDepth(DEPTH + 2).setName('leave-stay').setVisible(false);
  }

  get open(): boolean {
    return this.box.visible;
  }

  /** Asks whether to leave. */
  ask(): void {
    if (this.open) return;
    this.show(true);
  }

  /** Stays: the question goes. */
  close(): void {
    if (this.open) this.show(false);
  }

  layout(): void {
    const { width, height } = this.scene.scale;
    const w = Math.min(Math.round(520 * Math.min(1.5, currentTextSize())), width - 24);
    this.backdrop.setSize(width, height);
    this.text.setFontSize(textPx(20)).setWordWrapWidth(w - 32).setPosition(width / 2, 0);
    // The buttons share the box's width (each at most 150 px at 100 % text) and grow with their labels.
    const buttonW = Math.min(Math.round(150 * currentTextSize()), Math.floor((w - 48) / 2));
    const buttonH = Math.max(48, Math.ceil(textPx(18) * 1.25) + 14);
    this.leave.resize(buttonW, buttonH);
    this.stay.resize(buttonW, buttonH);
    const h = 24 + this.text.height + 20 + buttonH + 24;
    const top = Math.max(12, (height - h) / 2);
    this.box.setPosition((width - w) / 2, top).setSize(w, h);
    this.text.setY(top + 24);
    const buttonsY = top + 24 + this.text.height + 20 + buttonH / 2;
    this.leave.setPosition(width / 2 - buttonW / 2 - 10, buttonsY);
    this.stay.setPosition(width / 2 + buttonW / 2 + 10, buttonsY);
  }

  destroy(): void {
    for (const o of [this.backdrop, this.box, this.text, this.leave, this.stay]) o.destroy();
  }

  private show(open: boolean): void {
    for (const o of [this.backdrop, this.box, this.text, this.leave, this.stay]) o.setVisible(open);
    this.layout();
    reportDrawn('LeaveConfirm', { open, text: open ? QUESTION : '', leave: open ? { x: this.leave.x, y: this.leave.y } : null, stay: open ? { x: this.stay.x, y: this.stay.y } : null });
    this.onChange();
  }
}

/** The overlays Esc closes, in the order it closes them; each says whether it was open. */
export interface EscapeTargets {
  readonly confirm: LeaveConfirm;
  /** Closes the level's explanation if it is open. */
  closeExplanation(): boolean;
  /** Closes the failed malloc's card if it is open (as its Continue does). */
  closeCard(): boolean;
  /** Asks to leave (null in a class round: Esc then closes overlays only). */
  readonly askLeave: (() => void) | null;
}

/** Esc on the play screen: the question first, then the explanation, then the card; with none open, ask to leave. */
export function escape(targets: EscapeTargets): void {
  if (targets.confirm.open) return targets.confirm.close();
  if (targets.closeExplanation() || targets.closeCard()) return;
  targets.askLeave?.();
}
