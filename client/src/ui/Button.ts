// A button: a rounded panel with a label that answers to pointer, touch and a
// keyboard shortcut. Big enough to hit with a thumb (at least 44 px tall). Each has a
// DOM twin in the scene's accessibility layer (a11y/layer.ts): Tab reaches it, a screen
// reader reads it, and while it has the focus the canvas button is outlined. The label
// is drawn at the player's text size (palette.textPx) and always fits the button: it
// wraps onto a second line, then drops its key hint ("Tip (T)" → "Tip"), and only when
// even that does not fit is it drawn smaller.

import Phaser from 'phaser';
import { UI, textPx } from '../palette.ts';
import { onKey, useKey } from './keys.ts';
import { ScreenLayer, type ControlTwin } from '../a11y/layer.ts';
import { isTouchOnly, withoutKeyHint } from './touch.ts';

/** On a touch screen a label's key hint goes (a thumb presses no key). */
const shownLabel = (text: string): string => (isTouchOnly() ? withoutKeyHint(text) : text);

export interface ButtonOptions {
  readonly width?: number;
  readonly height?: number;
  readonly fontSize?: number;
  /** A key name (Phaser's, e.g. 'ONE', 'ENTER', 'H') that presses the button. */
  readonly key?: string;
  readonly primary?: boolean;
  /** What a screen reader calls it, when the text drawn is a symbol (e.g. '✕'). */
  readonly label?: string;
}

/** The room a label leaves each way inside its button (both sides together). */
const LABEL_PAD_X = 8;
const LABEL_PAD_Y = 6;
/** No label is drawn smaller than this. */
const MIN_LABEL_PX = 10;

export class Button extends Phaser.GameObjects.Container {
  private readonly panel: Phaser.GameObjects.Rectangle;
  private readonly label: Phaser.GameObjects.Text;
  private enabled = true;
  private readonly onPress: () => void;
  /** Null only while Phaser's constructor runs. */
  private twin: ControlTwin | null = null;
  private readonly spokenLabel: string | undefined;
  /** The label's size in px at 100 % text (the scene's choice). */
  private labelSize: number;
  /** The label's whole words (the key hint included). */
  private text: string;

  constructor(scene: Phaser.Scene, x: number, y: number, text: string, onPress: () => void, options: ButtonOptions = {}) {
    super(scene, x, y);
    this.onPress = onPress;
    this.labelSize = options.fontSize ?? 20;
    this.text = text;
    const width = options.width ?? 280;
    const height = Math.max(44, options.height ?? 56);
    this.panel = scene.add.rectangle(0, 0, width, height, options.primary ? UI.primaryFill : UI.panel).setStrokeStyle(2, options.primary ? 0x56b4e9 : UI.freeEdge);
    this.label = scene.add.text(0, 0, shownLabel(text), { fontFamily: 'system-ui, sans-serif', fontSize: `${options.fontSize ?? 20}px`, color: UI.text, align: 'center' }).setOrigin(0.5);
    this.add([this.panel, this.label]);
    this.setSize(width, height);
    this.fitLabel();
    this.setInteractive({ useHandCursor: true });
    this.on('pointerover', () => this.enabled && this.panel.setStrokeStyle(3, 0xf0e442));
    this.on('pointerout', () => this.panel.setStrokeStyle(2, options.primary ? 0x56b4e9 : UI.freeEdge));
    this.on('pointerup', () => this.press());
    if (options.key) {
      onKey(scene.input.keyboard, `keydown-${options.key}`, (event) => {
        if (!this.visible) return;
        useKey(event);
        this.press();
      });
    }
    scene.add.existing(this);
    this.spokenLabel = options.label;
    this.twin = ScreenLayer.of(scene).addControl(options.label ?? text, () => this.press(), {
      place: () => (this.active && this.visible ? { x: this.x, y: this.y, w: this.width, h: this.height } : null),
      onFocus: (focused) => this.panel.setStrokeStyle(focused ? 4 : 2, focused ? 0xf0e442 : options.primary ? 0x56b4e9 : UI.freeEdge),
    });
    this.once(Phaser.GameObjects.Events.DESTROY, () => this.twin?.remove());
  }

  override setVisible(visible: boolean): this {
    super.setVisible(visible);
    // Phaser's constructor sets visibility before the twin exists.
    this.twin?.setShown(visible);
    return this;
  }

  press(): void {
    if (this.enabled) this.onPress();
  }

  setEnabled(enabled: boolean): this {
    this.enabled = enabled;
    this.setAlpha(enabled ? 1 : 0.45);
    this.twin?.setEnabled(enabled);
    return this;
  }

  setText(text: string): this {
    this.text = text;
    this.fitLabel();
    if (!this.spokenLabel) this.twin?.setLabel(text);
    return this;
  }

  /**
   * One of a row of choices: the chosen one is filled like a primary button, and its DOM
   * twin says it is pressed (aria-pressed), so a screen reader hears which is chosen.
   */
  setSelected(selected: boolean): this {
    this.panel.setFillStyle(selected ? UI.primaryFill : UI.panel);
    this.twin?.element.setAttribute('aria-pressed', String(selected));
    return this;
  }

  /** The label's text size in px at 100 % text (the player's text size multiplies it). */
  setFontSize(px: number): this {
    this.labelSize = px;
    this.fitLabel();
    return this;
  }

  /** Whether the label is drawn inside the button at its whole size (on one line or two). */
  labelFits(): boolean {
    return this.isInside() && this.label.style.fontSize === `${textPx(this.labelSize)}px`;
  }

  private isInside(): boolean {
    return this.label.width <= this.width - LABEL_PAD_X + 1 && this.label.height <= this.height - LABEL_PAD_Y + 1;
  }

  /**
   * Draws the label at the player's text size, wrapped to the button's width; if it
   * sticks out, without its key hint; if it still does, smaller.
   */
  private fitLabel(): void {
    const room = Math.max(1, this.width - LABEL_PAD_X);
    const whole = textPx(this.labelSize);
    this.label.setWordWrapWidth(room, true).setFontSize(whole).setText(shownLabel(this.text));
    if (this.isInside()) return;
    this.label.setText(withoutKeyHint(this.text));
    for (let size = whole; size >= MIN_LABEL_PX; size--) {
      this.label.setFontSize(size);
      if (this.isInside()) return;
    }
  }

  resize(width: number, height: number): this {
    const h = Math.max(44, height);
    this.panel.setSize(width, h);
    this.setSize(width, h);
    // The hit area was made at the old size: give it the new one, centred like the panel.
    const area = this.input?.hitArea as Phaser.Geom.Rectangle | undefined;
    area?.setTo(0, 0, width, h);
    this.fitLabel();
    return this;
  }
}
