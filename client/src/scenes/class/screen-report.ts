// What the classroom scenes tell the browser tests (through test-hook.ts): every
// visible text with its box, for the overlap and clipping checks, and where each
// named button is and whether it is enabled, so a test presses it with the mouse as
// a player would. Also the ButtonSet the scenes use to keep track of those buttons.

import Phaser from 'phaser';
import { Button, type ButtonOptions } from '../../ui/Button.ts';
import { OVERLAY_NAME } from '../../views/HeapTooltip.ts';
import { measureText } from '../../views/labels.ts';

export interface TextBox {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface ButtonProbe {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  readonly enabled: boolean;
  /** Whether the label is drawn inside the button at its whole size (Button.labelFits). */
  readonly fits: boolean;
}

function isShown(object: Phaser.GameObjects.GameObject & { visible?: boolean; parentContainer?: Phaser.GameObjects.Container | null }): boolean {
  let at: typeof object | null | undefined = object;
  while (at) {
    if (at.visible === false) return false;
    at = at.parentContainer;
  }
  return true;
}

function collectTexts(objects: readonly Phaser.GameObjects.GameObject[], into: TextBox[]): void {
  for (const child of objects) {
    if (child instanceof Phaser.GameObjects.Container) collectTexts(child.list, into);
    if (!(child instanceof Phaser.GameObjects.Text) || !isShown(child) || child.alpha === 0) continue;
    if (child.name === OVERLAY_NAME || child.text.trim() === '') continue;
    const b = child.getBounds();
    into.push({ text: child.text, x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) });
  }
}

/** Every visible, non-empty text of a scene (buttons' labels included; tooltips excepted). */
export function visibleTexts(scene: Phaser.Scene): TextBox[] {
  const boxes: TextBox[] = [];
  collectTexts(scene.children.list, boxes);
  return boxes;
}

interface Entry {
  readonly button: Button;
  readonly fontSize: number;
  label: string;
  enabled: boolean;
}

/** Button.ts draws its labels at 20 px unless told otherwise. */
const BUTTON_FONT = 20;
/** Room a label wants beside it inside a button (probes() calls a label that fits in 8 px less than the button "fits"). */
const LABEL_PADDING = 24;

/** The scene's buttons by name, with the label and enabled state each one shows. */
export class ButtonSet {
  private readonly scene: Phaser.Scene;
  private readonly entries = new Map<string, Entry>();

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
  }

  add(name: string, label: string, onPress: () => void, options: ButtonOptions = {}): Button {
    const button = new Button(this.scene, 0, 0, label, onPress, options);
    this.entries.set(name, { button, label, enabled: true, fontSize: options.fontSize ?? BUTTON_FONT });
    return button;
  }

  get(name: string): Button {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no button called ${name}`);
    return entry.button;
  }

  setLabel(name: string, label: string): void {
    const entry = this.entries.get(name);
    if (!entry || entry.label === label) return;
    entry.label = label;
    entry.button.setText(label);
  }

  setEnabled(name: string, enabled: boolean): void {
    const entry = this.entries.get(name);
    if (!entry || entry.enabled === enabled) return;
    entry.enabled = enabled;
    entry.button.setEnabled(enabled);
  }

  /** Places a button by its centre and gives it a size. */
  place(name: string, x: number, y: number, width: number, height: number): void {
    const button = this.get(name).resize(width, height).setPosition(Math.round(x), Math.round(y));
    // Button.resize leaves the hit area at the size the button was made with; the
    // input plugin centres that stale rectangle on the new size, so keep it in step.
    const hitArea: unknown = button.input?.hitArea;
    if (hitArea instanceof Phaser.Geom.Rectangle) hitArea.setSize(button.width, button.height);
  }

  /** Places buttons side by side across `width` px from `left`, their tops at `top`. */
  placeRow(names: readonly string[], left: number, top: number, width: number, height: number, gap = 10): void {
    const each = (width - gap * (names.length - 1)) / Math.max(1, names.length);
    names.forEach((name, i) => this.place(name, left + i * (each + gap) + each / 2, top + height / 2, each, height));
  }

  /**
   * Places buttons side by side like placeRow: equal widths when every label fits its
   * share, else each as wide as its label needs plus an equal part of the room left over.
   */
  placeRowFitted(names: readonly string[], left: number, top: number, width: number, height: number, gap = 10): void {
    const room = width - gap * (names.length - 1);
    const needs = names.map((name) => {
      const entry = this.entries.get(name);
      return entry ? measureText(entry.label, entry.fontSize) + LABEL_PADDING : 0;
    });
    const total = needs.reduce((a, b) => a + b, 0);
    if (needs.every((need) => need <= room / names.length)) return this.placeRow(names, left, top, width, height, gap);
    const widths = total <= room ? needs.map((need) => need + (room - total) / names.length) : needs.map((need) => (need * room) / total);
    let x = left;
    names.forEach((name, i) => {
      const w = widths[i] ?? 0;
      this.place(name, x + w / 2, top + height / 2, w, height);
      x += w + gap;
    });
  }

  setVisible(names: readonly string[], visible: boolean): void {
    for (const name of names) this.get(name).setVisible(visible);
  }

  /** Visible buttons' centres on screen, for the tests. */
  probes(): Record<string, ButtonProbe> {
    const probes: Record<string, ButtonProbe> = {};
    for (const [name, entry] of this.entries) {
      if (!isShown(entry.button)) continue;
      const fits = entry.button.labelFits();
      probes[name] = { x: Math.round(entry.button.x), y: Math.round(entry.button.y), label: entry.label, enabled: entry.enabled, fits };
    }
    return probes;
  }
}
