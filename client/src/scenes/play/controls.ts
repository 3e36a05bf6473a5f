// The play screen's row of buttons: hints on or off, coalesce, a new slab or arena,
// give back an empty slab, explain and tip (a level only), the sound's volume and
// decimal or hex addresses (both kept in the browser), and on the level about free-list
// order, which order the holes are numbered in. The scene says which moves are
// on offer and where the row goes; on a projector the buttons are drawn larger than
// made (layout.ts projectorScale), and they grow with the player's text size (two to
// a row at most on a phone, where the labels drop their key hints: Button.ts).

import type Phaser from 'phaser';
import { Sound, volumeLabel } from '../../audio/sound.ts';
import { UI } from '../../palette.ts';
import { currentTextSize } from '../../a11y/comfort.ts';
import { loadAddressDisplay, toggleAddressDisplay } from '../../ui/address-display.ts';
import { Button } from '../../ui/Button.ts';
import { LIST_ORDERS, listOrderName, type ListOrder } from '../../views/line-marks.ts';

const BUTTON = { height: 44, fontSize: 16 } as const;

export type ControlName = 'hints' | 'coalesce' | 'new' | 'release' | 'explain' | 'tip' | 'sound' | 'hex' | 'order';

/** What the buttons do beyond their own settings. */
export interface ControlActions {
  readonly coalesce: () => void;
  readonly newOne: () => void;
  readonly release: () => void;
  readonly explain: () => void;
  readonly tip: () => void;
  /** The hints were switched on or off: the screen redraws. */
  readonly hintsChanged: () => void;
  /** Addresses switched between decimal and hex: the screen is laid out again. */
  readonly addressesChanged: () => void;
  /** The free list is numbered in another order: the screen redraws. */
  readonly orderChanged: () => void;
  readonly status: (text: string, colour: string) => void;
}

/** The order button names the order shown. */
const orderLabel = (order: ListOrder): string => `Order: ${listOrderName(order)} (O)`;

/** The address button says what a press switches to. */
const hexLabel = (hex: boolean): string => (hex ? 'Decimal (X)' : 'Hex (X)');

export class PlayControls {
  readonly buttons: Readonly<Record<ControlName, Button>>;
  private hints = true;
  private order: ListOrder = 'lifo';
  /** Each button's width as made, before a projector scales it. */
  private readonly base = new WeakMap<Button, number>();

  /** `withLevel`: a practice level (explain and tip are shown); `listOrders`: the level about free-list order. */
  constructor(scene: Phaser.Scene, withLevel: boolean, listOrders: boolean, act: ControlActions) {
    const button = (label: string, width: number, key: string, press: () => void): Button => new Button(scene, 0, 0, label, press, { ...BUTTON, width, key });
    this.buttons = {
      hints: button('Hints: on (H)', 170, 'H', () => this.toggleHints(act)),
      coalesce: button('Coalesce (C)', 170, 'C', act.coalesce),
      new: button('New (N)', 170, 'N', act.newOne).setVisible(false),
      release: button('Give back empty slab (G)', 250, 'G', act.release).setVisible(false),
      explain: button('Explain (E)', 150, 'E', act.explain).setName('explain').setVisible(withLevel),
      tip: button('Tip (T)', 120, 'T', act.tip).setName('tip').setVisible(withLevel),
      sound: button(`${volumeLabel(Sound.of('play').volume)} (M)`, 170, 'M', () => this.stepSound(act)).setName('sound'),
      hex: button(hexLabel(loadAddressDisplay()), 150, 'X', () => {
        const hex = toggleAddressDisplay();
        this.buttons.hex.setText(hexLabel(hex));
        act.addressesChanged();
        act.status(hex ? 'Addresses now in hex (0x…).' : 'Addresses now in decimal.', UI.dim);
      }).setName('hex'),
      order: button(orderLabel('lifo'), 190, 'O', () => this.stepOrder(act)).setName('order').setVisible(listOrders),
    };
  }

  /** The free-list order the holes are numbered in (the level about it). */
  get listOrder(): ListOrder {
    return this.order;
  }

  /** Whether the player wants the policies' hints drawn. */
  get showHints(): boolean {
    return this.hints;
  }

  /**
   * The visible buttons, in order, sized for a screen `scale` times a laptop's and the
   * player's text size, none wider than a row of `rowWidth` (half of it when `narrow`).
   */
  shown(scale: number, rowWidth: number, narrow: boolean): Button[] {
    const shown = Object.values(this.buttons).filter((b) => b.visible);
    const grow = currentTextSize();
    const widest = narrow ? Math.floor((rowWidth - 12) / 2) : rowWidth;
    const height = Math.max(Math.round(BUTTON.height * scale), Math.ceil(BUTTON.fontSize * scale * grow * 1.25) + 12);
    for (const b of shown) {
      const width = this.base.get(b) ?? b.width;
      this.base.set(b, width);
      b.resize(Math.min(widest, Math.round(width * scale * grow)), height).setFontSize(Math.round(BUTTON.fontSize * scale));
    }
    return shown;
  }

  /** Shows the coalesce and give-back buttons as the kind offers them; true when that changed (the row is laid out again). */
  offer(canCoalesce: boolean, canRelease: boolean): boolean {
    const { coalesce, release } = this.buttons;
    if (coalesce.visible === canCoalesce && release.visible === canRelease) return false;
    coalesce.setVisible(canCoalesce);
    release.setVisible(canRelease);
    return true;
  }

  private toggleHints(act: ControlActions): void {
    this.hints = !this.hints;
    this.buttons.hints.setText(`Hints: ${this.hints ? 'on' : 'off'} (H)`);
    act.hintsChanged();
  }

  /** The order button: LIFO, FIFO, by address, and round again. */
  private stepOrder(act: ControlActions): void {
    this.order = LIST_ORDERS[(LIST_ORDERS.indexOf(this.order) + 1) % LIST_ORDERS.length]!;
    this.buttons.order.setText(orderLabel(this.order));
    act.orderChanged();
    act.status(`The holes are numbered in ${listOrderName(this.order)} order: 1 is the hole first fit tries first.`, UI.dim);
  }

  /** Shows the volume as it is now (after the comfort settings changed it). */
  showVolume(): void {
    this.buttons.sound.setText(`${volumeLabel(Sound.of('play').volume)} (M)`);
  }

  /** The sound button: off, 30 %, 70 %, 100 % (kept in the browser). */
  private stepSound(act: ControlActions): void {
    const volume = Sound.of('play').stepVolume();
    this.buttons.sound.setText(`${volumeLabel(volume)} (M)`);
    act.status(volume === 0 ? 'Sound off (M turns it on).' : `${volumeLabel(volume)}.`, UI.good);
  }
}
